package io.possync.connector.buchhaltungsbutler;

import io.possync.api.RequestCounter;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.buchhaltungsbutler.internal.BuchhaltungsButlerSession;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection to one BuchhaltungsButler tenant (Mandant): POS orders become outgoing receipts with
 * their postings, customers become debtor accounts. BuchhaltungsButler is bookkeeping, not an ERP:
 * its API has no article master and no stock, so this connector has no products or stock capability.
 *
 * <pre>{@code
 * BuchhaltungsButler butler = BuchhaltungsButler.connect(BuchhaltungsButlerSettings
 *         .builder(apiClient, Secret.of(apiSecret), Secret.of(apiKey))
 *         .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300).revenueAccount("*", "0", 8125)
 *         .build());
 * Flow<Order> sales = Flow.orders("pos-to-bookkeeping").from(lightspeed.sales()).to(butler.receipts())
 *         .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER).defaultDebtor("10000")
 *         .build();
 * }</pre>
 *
 * <p>Every request goes through one limiter of 100 requests per minute (the tenant's budget, shared by
 * everything that uses the tenant: pass one limiter to every connection of it) and receipt batches are
 * paced to one per 5 seconds. Thread-safe.
 */
public final class BuchhaltungsButler {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "buchhaltungsbutler";

    private final BuchhaltungsButlerSession session;
    private final BuchhaltungsButlerReceipts receipts;
    private final BuchhaltungsButlerDebtors debtors;

    private BuchhaltungsButler(BuchhaltungsButlerSession session) {
        this.session = session;
        this.receipts = new BuchhaltungsButlerReceipts(session);
        this.debtors = new BuchhaltungsButlerDebtors(session);
    }

    /** A connection with its own limiter for the tenant's request budget. */
    public static BuchhaltungsButler connect(BuchhaltungsButlerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return connect(settings, SlidingWindowRateLimiter.builder().maxRequests(settings.requestsPerMinute())
                .per(Duration.ofMinutes(1)).maxConcurrent(4).timeSource(settings.connection().timeSource()).build());
    }

    /** A connection whose requests go through {@code limiter}, shared with other connections to the tenant. */
    public static BuchhaltungsButler connect(BuchhaltungsButlerSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        return new BuchhaltungsButler(new BuchhaltungsButlerSession(settings, limiter));
    }

    /** Orders as outgoing receipts with postings: sink. */
    public BuchhaltungsButlerReceipts receipts() {
        return receipts;
    }

    /** Customers as debtor accounts, matched by customer number: sink. */
    public BuchhaltungsButlerDebtors debtors() {
        return debtors;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

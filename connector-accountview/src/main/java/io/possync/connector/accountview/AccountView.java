package io.possync.connector.accountview;

import io.possync.api.RequestCounter;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.accountview.internal.AccountViewSession;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A connection to one AccountView (Visma) company through AccountView.Net: debtors as a source and a
 * sink, articles and their stock as sources, orders as sales orders ({@code SO1}) or as invoices booked
 * in the sales journal ({@code DJ2}).
 *
 * <pre>{@code
 * AccountView av = AccountView.connect(AccountViewSettings.builder(clientId, Secret.of(clientSecret),
 *         Secret.of(refreshToken), "DEMO").onTokenRotation(vault::storeAccountViewToken).build());
 * Flow.orders("pos-sales").from(lightspeed.sales()).to(av.salesInvoices()).customers(av.debtors()).build();
 * }</pre>
 *
 * <p>No rate limit is published; by default at most 5 requests a second and one at a time go out (the
 * data comes live from the company's own server; PROPOSAL P-3). Thread-safe.
 */
public final class AccountView {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "accountview";

    /** The zone AccountView's date-times without an offset are read in, and written (UNCONFIRMED: Dutch installations). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final AccountViewSession session;
    private final AccountViewDebtors debtors;
    private final AccountViewArticles articles;
    private final AccountViewStock stock;
    private final AccountViewSalesOrders salesOrders;
    private final AccountViewSalesInvoices salesInvoices;

    private AccountView(AccountViewSession session) {
        this.session = session;
        this.debtors = new AccountViewDebtors(session);
        this.articles = new AccountViewArticles(session);
        this.stock = new AccountViewStock(session);
        this.salesOrders = new AccountViewSalesOrders(session);
        this.salesInvoices = new AccountViewSalesInvoices(session);
    }

    /** A connection paced at 5 requests a second, one at a time. */
    public static AccountView connect(AccountViewSettings settings) {
        return connect(settings, SlidingWindowRateLimiter.builder().maxRequests(5).per(Duration.ofSeconds(1)).maxConcurrent(1)
                .timeSource(settings.connection().timeSource()).build());
    }

    /** A connection whose requests go through {@code limiter}. */
    public static AccountView connect(AccountViewSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        return new AccountView(new AccountViewSession(settings, limiter));
    }

    /** Debtors ({@code AR1}): source and sink of customers. */
    public AccountViewDebtors debtors() {
        return debtors;
    }

    /** Articles ({@code AK1}, groups {@code AG1}): source of products. */
    public AccountViewArticles articles() {
        return articles;
    }

    /** The articles' available stock ({@code QTY_AVAIL}): source. */
    public AccountViewStock stock() {
        return stock;
    }

    /** Sales orders ({@code SO1}): sink of orders. */
    public AccountViewSalesOrders salesOrders() {
        return salesOrders;
    }

    /** Invoices booked in the sales journal ({@code DJ2}): sink of orders. */
    public AccountViewSalesInvoices salesInvoices() {
        return salesInvoices;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

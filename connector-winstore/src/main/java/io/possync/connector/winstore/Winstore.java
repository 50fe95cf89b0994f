package io.possync.connector.winstore;

import io.possync.api.ConfigurationException;
import io.possync.api.RequestCounter;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.winstore.internal.ArticleIndex;
import io.possync.connector.winstore.internal.WinstoreSession;

import java.util.Objects;

/**
 * A connection to one Winstore tenant over its RPC web service ({@code …/iposws/api/osd/{Operation}},
 * HTTP Basic): articles and stock as sources, orders as a sink. Winstore's API has no customer,
 * article or stock write, so there are no such sinks.
 *
 * <pre>{@code
 * Winstore winstore = Winstore.connect(WinstoreSettings.builder("shop-api", Secret.of(password)).branch(1).build());
 * Flow.products("winstore-articles").from(winstore.articles()).to(businessCentral.items()).build();
 * Flow.stock("winstore-stock").from(winstore.stock()).to(businessCentral.stock()).build();
 * Flow.orders("erp-orders").from(businessCentral.salesOrders().withCustomers()).to(winstore.orders()).build();
 * }</pre>
 *
 * <p>No rate limit is published; by default one request per 500 ms goes out (UNCONFIRMED, README).
 * Thread-safe.
 */
public final class Winstore {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "winstore";

    private final WinstoreSession session;
    private final WinstoreArticles articles;
    private final WinstoreStock stock;
    private final WinstoreOrders orders;
    private final WinstoreOrderFeed orderFeed;
    private final WinstoreOrderStatus orderStatus;

    private Winstore(WinstoreSession session) {
        this.session = session;
        ArticleIndex index = new ArticleIndex();
        this.articles = new WinstoreArticles(session, index);
        this.stock = new WinstoreStock(session, index, articles);
        this.orders = new WinstoreOrders(session);
        this.orderFeed = new WinstoreOrderFeed(session, index, articles);
        this.orderStatus = new WinstoreOrderStatus(session);
    }

    /** A connection paced at one request per 500 ms. */
    public static Winstore connect(WinstoreSettings settings) {
        return connect(settings, SlidingWindowRateLimiter.builder().maxRequests(1).per(java.time.Duration.ofMillis(500)).maxConcurrent(1)
                .timeSource(settings.connection().timeSource()).build());
    }

    /** A connection whose requests go through {@code limiter}. */
    public static Winstore connect(WinstoreSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        return new Winstore(new WinstoreSession(settings, limiter));
    }

    /** Articles: source of products (with their variants). */
    public WinstoreArticles articles() {
        return articles;
    }

    /** Stock per article over all warehouses: source. */
    public WinstoreStock stock() {
        return stock;
    }

    /** Orders: sink ({@code PostOrderWithStatusCode}). */
    public WinstoreOrders orders() {
        return orders;
    }

    /**
     * Orders entered in Winstore: source, through an operation no public source confirms (PROPOSAL).
     *
     * @throws ConfigurationException unless the settings switch it on ({@code orderFeed(true)})
     */
    public WinstoreOrderFeed orderFeed() {
        if (!session.settings().orderFeed()) {
            throw new ConfigurationException(SYSTEM + ".orderFeed", "Winstore's order feed (GetOrderChangesByDate) is a PROPOSAL no public"
                    + " source confirms; switch it on with orderFeed(true) once your installation answers it");
        }
        return orderFeed;
    }

    /**
     * Order statuses set from the ERP: sink, through an operation no public source confirms (PROPOSAL).
     *
     * @throws ConfigurationException unless the settings switch it on ({@code statusWrites(true)})
     */
    public WinstoreOrderStatus orderStatus() {
        if (!session.settings().statusWrites()) {
            throw new ConfigurationException(SYSTEM + ".statusWrites", "writing order statuses (PostOrderStatusWithStatusCode) is a PROPOSAL"
                    + " no public source confirms; switch it on with statusWrites(true) once your installation answers it");
        }
        return orderStatus;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

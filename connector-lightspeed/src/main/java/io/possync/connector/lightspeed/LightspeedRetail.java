package io.possync.connector.lightspeed;

import io.possync.api.RequestCounter;
import io.possync.api.http.HttpApi;
import io.possync.api.http.LeakyBucketRateLimiter;
import io.possync.api.http.OAuth2RefreshToken;
import io.possync.api.http.RateLimiter;
import io.possync.connector.lightspeed.internal.LightspeedRetailErrors;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

import java.util.Objects;

/**
 * A connection to one Lightspeed Retail (R-Series) account over API V3, and the capabilities it
 * offers: items, customers, sales and stock.
 *
 * <pre>{@code
 * LightspeedRetail pos = LightspeedRetail.connect(settings);
 * Flow<Order> sales = Flow.orders("pos-sales").from(pos.sales()).to(bc.salesInvoices())
 *         .customers(bc.customers()).products(bc.items()).build();
 * }</pre>
 *
 * <p>All capabilities share one HTTP client, one access token (refreshed with the refresh token;
 * a rotated refresh token goes to the settings' callback at once) and one leaky bucket that follows
 * the account's {@code X-LS-API-Bucket-Level} and {@code X-LS-API-Drip-Rate} (GET 1 unit, writes 10),
 * so a long sync runs at the bucket's pace instead of collecting 429s. Several connections to one
 * account share a limiter through {@link #connect(LightspeedRetailSettings, RateLimiter)}.
 * Thread-safe.
 */
public final class LightspeedRetail {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "lightspeed";

    private final LightspeedRetailSession session;
    private final LightspeedItems items;
    private final LightspeedCustomers customers;
    private final LightspeedSales sales;
    private final LightspeedStock stock;

    private LightspeedRetail(LightspeedRetailSession session) {
        this.session = session;
        this.items = new LightspeedItems(session);
        this.customers = new LightspeedCustomers(session);
        this.sales = new LightspeedSales(session);
        this.stock = new LightspeedStock(session);
    }

    /** A connection with its own leaky bucket (60 units, 1 per second until the server says otherwise). */
    public static LightspeedRetail connect(LightspeedRetailSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return connect(settings, bucketFor(settings));
    }

    /** A connection whose requests go through {@code limiter}, shared with other connections to the same account. */
    public static LightspeedRetail connect(LightspeedRetailSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        OAuth2RefreshToken auth = OAuth2RefreshToken.builder(settings.tokenUri(), settings.clientId(), settings.clientSecret(),
                        settings.refreshToken())
                .onRotation(settings.onTokenRotation())
                .system(SYSTEM)
                .timeout(settings.connection().requestTimeout())
                .timeSource(settings.connection().timeSource())
                .build();
        HttpApi api = HttpApi.builder(SYSTEM, settings.apiRoot())
                .authenticator(auth)
                .rateLimiter(limiter)
                .errorTranslator(LightspeedRetailErrors.translator())
                .connection(settings.connection())
                .defaultHeader("Accept", "application/json")
                .build();
        return new LightspeedRetail(new LightspeedRetailSession(api, settings));
    }

    /** The leaky bucket Lightspeed's documentation describes, paced by the settings' time source. */
    public static LeakyBucketRateLimiter bucketFor(LightspeedRetailSettings settings) {
        return LeakyBucketRateLimiter.builder().capacity(60).dripPerSecond(1)
                .levelHeader("X-LS-API-Bucket-Level").dripRateHeader("X-LS-API-Drip-Rate")
                .timeSource(settings.connection().timeSource()).build();
    }

    /** Items: source and sink. */
    public LightspeedItems items() {
        return items;
    }

    /** Customers: source and sink. */
    public LightspeedCustomers customers() {
        return customers;
    }

    /** Sales: source of orders. */
    public LightspeedSales sales() {
        return sales;
    }

    /** Stock per shop: source and update-only sink. */
    public LightspeedStock stock() {
        return stock;
    }

    /** The account id (configured, or resolved from the token on first use). */
    public String accountId() {
        return session.accountId();
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.connector.lightspeed.xseries;

import io.possync.api.RequestCounter;
import io.possync.api.http.HttpApi;
import io.possync.api.http.OAuth2RefreshToken;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.lightspeed.xseries.internal.XSeriesErrors;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection to one Lightspeed Retail X-Series (formerly Vend) retailer over API 2.0: products,
 * customers, sales and inventory, each read through the version-cursor change feed.
 *
 * <pre>{@code
 * LightspeedXSeries pos = LightspeedXSeries.connect(settings);
 * Flow.orders("pos-sales").from(pos.sales()).to(bc.salesInvoices())
 *         .customers(bc.customers()).products(bc.items()).build();
 * }</pre>
 *
 * <p>Requests share one rotating refresh token (each new one goes to the settings' callback before
 * it is used) and one limiter of {@code 300 × registers + 50} requests per 5 minutes that follows
 * the server's {@code X-RateLimit-Remaining}; a 429's {@code Retry-After} (an HTTP date) is honoured.
 * Thread-safe.
 */
public final class LightspeedXSeries {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "lightspeed-xseries";

    private final XSeriesSession session;
    private final XSeriesProducts products;
    private final XSeriesCustomers customers;
    private final XSeriesSales sales;
    private final XSeriesInventory inventory;

    private LightspeedXSeries(XSeriesSession session) {
        this.session = session;
        this.products = new XSeriesProducts(session);
        this.customers = new XSeriesCustomers(session);
        this.sales = new XSeriesSales(session);
        this.inventory = new XSeriesInventory(session);
    }

    /** A connection with its own limiter for the retailer's request budget. */
    public static LightspeedXSeries connect(XSeriesSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return connect(settings, SlidingWindowRateLimiter.builder().maxRequests(settings.requestsPerFiveMinutes())
                .per(Duration.ofMinutes(5)).maxConcurrent(5).remainingHeader("X-RateLimit-Remaining")
                .timeSource(settings.connection().timeSource()).build());
    }

    /** A connection whose requests go through {@code limiter}, shared with other connections to the retailer. */
    public static LightspeedXSeries connect(XSeriesSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        OAuth2RefreshToken auth = OAuth2RefreshToken.builder(settings.tokenUri(), settings.clientId(), settings.clientSecret(),
                        settings.refreshToken())
                .onRotation(settings.onTokenRotation()).system(SYSTEM).timeout(settings.connection().requestTimeout())
                .timeSource(settings.connection().timeSource()).build();
        HttpApi api = HttpApi.builder(SYSTEM, settings.apiRoot())
                .authenticator(auth).rateLimiter(limiter).errorTranslator(XSeriesErrors.translator())
                .connection(settings.connection()).defaultHeader("Accept", "application/json")
                .build();
        return new LightspeedXSeries(new XSeriesSession(api, settings));
    }

    /** Products (variants are products of a family): source. */
    public XSeriesProducts products() {
        return products;
    }

    /** Customers: source and sink. */
    public XSeriesCustomers customers() {
        return customers;
    }

    /** Sales: source of orders. */
    public XSeriesSales sales() {
        return sales;
    }

    /** Inventory per outlet: source. */
    public XSeriesInventory inventory() {
        return inventory;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.connector.businesscentral;

import io.possync.api.ConfigurationException;
import io.possync.api.OrderKind;
import io.possync.api.RequestCounter;
import io.possync.api.http.Authenticator;
import io.possync.api.http.HttpApi;
import io.possync.api.http.OAuth2ClientCredentials;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.businesscentral.internal.BusinessCentralErrors;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import java.time.Duration;
import java.util.Objects;

/**
 * A connection to one Business Central company (API v2.0), and the capabilities it offers:
 * customers, items, sales invoices, sales orders and stock.
 *
 * <pre>{@code
 * BusinessCentral bc = BusinessCentral.connect(settings);
 * Flow<Order> sales = Flow.orders("pos-sales").from(pos.orders()).to(bc.salesInvoices())
 *         .customers(bc.customers()).products(bc.items()).build();
 * }</pre>
 *
 * <p>All capabilities of one connection share its HTTP client, token cache and rate limiter
 * (Business Central counts per user: 6,000 requests per 5 minutes, 5 at once). Give several
 * connections with the same credentials one limiter with {@link #connect(BusinessCentralSettings, RateLimiter)}.
 * The company is resolved on first use. Thread-safe.
 */
public final class BusinessCentral {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "businesscentral";

    private final BusinessCentralSession session;
    private final BusinessCentralCustomers customers;
    private final BusinessCentralItems items;
    private final BusinessCentralSalesDocuments invoices;
    private final BusinessCentralSalesDocuments postedInvoices;
    private final BusinessCentralSalesDocuments orders;
    private final BusinessCentralStock stock;
    private final BusinessCentralShipments shipments;
    private final BusinessCentralInvoicedOrders invoicedOrders;

    private BusinessCentral(BusinessCentralSession session) {
        this.session = session;
        String currency = session.settings().currency();
        this.customers = new BusinessCentralCustomers(session);
        this.items = new BusinessCentralItems(session, currency);
        this.invoices = new BusinessCentralSalesDocuments(session, OrderKind.INVOICE, currency, false);
        this.postedInvoices = new BusinessCentralSalesDocuments(session, OrderKind.INVOICE, currency, true);
        this.orders = new BusinessCentralSalesDocuments(session, OrderKind.ORDER, currency, false);
        this.stock = new BusinessCentralStock(session);
        this.shipments = new BusinessCentralShipments(session, currency);
        this.invoicedOrders = new BusinessCentralInvoicedOrders(session, currency);
    }

    /** A connection with its own rate limiter for Business Central's per-user limit. */
    public static BusinessCentral connect(BusinessCentralSettings settings) {
        return connect(settings, SlidingWindowRateLimiter.builder().maxRequests(6000).per(Duration.ofMinutes(5))
                .maxConcurrent(5).build());
    }

    /** A connection whose requests go through {@code limiter}, shared with other connections of the same user. */
    public static BusinessCentral connect(BusinessCentralSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        Authenticator auth;
        if (settings.deployment() instanceof BusinessCentralSettings.Cloud c) {
            auth = OAuth2ClientCredentials.builder(settings.tokenUri().orElseThrow(), c.clientId(), c.clientSecret())
                    .scope("https://api.businesscentral.dynamics.com/.default").system(SYSTEM)
                    .timeSource(settings.connection().timeSource()).build();
        } else {
            BusinessCentralSettings.OnPremises p = (BusinessCentralSettings.OnPremises) settings.deployment();
            auth = Authenticator.basic(p.user(), p.accessKey());
        }
        HttpApi api = HttpApi.builder(SYSTEM, settings.apiRoot())
                .authenticator(auth)
                .rateLimiter(limiter)
                .errorTranslator(BusinessCentralErrors.translator())
                .connection(settings.connection())
                .defaultHeader("Accept-Language", "en-US")
                .build();
        return new BusinessCentral(new BusinessCentralSession(api, settings));
    }

    /** Customers: source and sink. */
    public BusinessCentralCustomers customers() {
        return customers;
    }

    /** Items: source and sink. */
    public BusinessCentralItems items() {
        return items;
    }

    /** Sales invoices: sink for POS sales, source for the ERP → POS direction. */
    public BusinessCentralSalesDocuments salesInvoices() {
        return invoices;
    }

    /** Sales invoices that are posted as soon as they are created: a till's sales, booked at once. */
    public BusinessCentralSalesDocuments postedSalesInvoices() {
        return postedInvoices;
    }

    /** Sales orders: sink for web-shop orders, source for the ERP → POS direction. */
    public BusinessCentralSalesDocuments salesOrders() {
        return orders;
    }

    /**
     * Posted sales shipments, as the source of an order-status flow: each order shipped in full reads as shipped.
     *
     * @throws ConfigurationException with API v1.0, which has no {@code salesShipments}
     */
    public BusinessCentralShipments salesShipments() {
        if (session.settings().apiVersion() == ApiVersion.V1_0) {
            throw new ConfigurationException("businesscentral.apiVersion", "API v1.0 has no salesShipments; posted shipments"
                    + " are read through API v2.0 (Business Central 17.3 and later)");
        }
        return shipments;
    }

    /**
     * Posted invoices of sales orders, as the source of an order-status flow: each reads as its order, with the invoice's
     * status (open: completed, paid, cancelled).
     */
    public BusinessCentralInvoicedOrders invoicedOrders() {
        return invoicedOrders;
    }

    /** Stock: item inventory as a source; inventory adjustment as an update-only sink. */
    public BusinessCentralStock stock() {
        return stock;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

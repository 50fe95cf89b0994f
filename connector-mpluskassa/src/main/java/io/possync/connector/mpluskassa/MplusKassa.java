package io.possync.connector.mpluskassa;

import io.possync.api.RequestCounter;
import io.possync.api.http.RateLimiter;
import io.possync.connector.mpluskassa.internal.MplusSession;

import java.util.Objects;

/**
 * A connection to one MplusKASSA installation over its SOAP API (MplusQapi, WSDL v67.1.3): articles,
 * relations, orders, the till's receipts, invoices, offers and the stock of one branch.
 *
 * <pre>{@code
 * MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(44281, ident, Secret.of(secret))
 *         .branch(1).workplace(1).employee(999999).turnoverGroup(10).build());
 * Flow.orders("webshop-to-till").from(shop.orders()).to(mplus.orders())
 *         .customers(mplus.relations()).products(mplus.articles()).build();
 * }</pre>
 *
 * <p>MplusKASSA publishes no rate limit; requests go through the limiter given (none by default) and
 * reads are paged with {@code syncMarkerLimit}. Thread-safe.
 */
public final class MplusKassa {

    /** The system id of this connector: in every {@code Ref} it makes, in links, reports and HTTP logs. */
    public static final String SYSTEM = "mpluskassa";

    private final MplusSession session;
    private final MplusArticles articles;
    private final MplusRelations relations;
    private final MplusOrders orders;
    private final MplusStock stock;
    private final MplusReceipts receipts;
    private final MplusInvoices invoices;
    private final MplusProposals proposals;

    private MplusKassa(MplusSession session) {
        this.session = session;
        this.articles = new MplusArticles(session);
        this.relations = new MplusRelations(session);
        this.orders = new MplusOrders(session);
        this.stock = new MplusStock(session, articles);
        this.receipts = new MplusReceipts(session, relations);
        this.invoices = new MplusInvoices(session);
        this.proposals = new MplusProposals(session);
    }

    /** A connection without pacing (MplusKASSA documents no limit). */
    public static MplusKassa connect(MplusSettings settings) {
        return connect(settings, RateLimiter.unlimited());
    }

    /** A connection whose requests go through {@code limiter}. */
    public static MplusKassa connect(MplusSettings settings, RateLimiter limiter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(limiter, "limiter");
        return new MplusKassa(new MplusSession(settings, limiter));
    }

    /** Articles: source and sink of products. */
    public MplusArticles articles() {
        return articles;
    }

    /** Relations: source and sink of customers. */
    public MplusRelations relations() {
        return relations;
    }

    /** Orders: source and sink. */
    public MplusOrders orders() {
        return orders;
    }

    /** The till's sales (receipts): source of invoices. */
    public MplusReceipts receipts() {
        return receipts;
    }

    /** Invoices: sink ({@code saveInvoice}). */
    public MplusInvoices invoices() {
        return invoices;
    }

    /** Offers: sink ({@code saveProposal}). */
    public MplusProposals proposals() {
        return proposals;
    }

    /** Stock of the settings' branch: source and update-only sink. */
    public MplusStock stock() {
        return stock;
    }

    /** Requests sent through this connection. */
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.testkit.mpluskassa;

import io.possync.api.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.testkit.Fault;
import io.possync.testkit.internal.LoopbackServer;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.mpluskassa.internal.MplusStore;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * An in-process fake of the MplusKASSA SOAP API (MplusQapi, WSDL v67.1.3), for tests and demos:
 * SOAP 1.1 document/literal POSTs with {@code ident} and {@code secret} as query parameters; articles
 * and products ({@code getProducts}, {@code createProduct}, {@code updateProduct}), relations
 * ({@code findRelationV2}, {@code createRelation}, {@code updateRelation}, {@code getRelation(s)}),
 * orders ({@code createOrder} with a unique {@code extOrderId}, {@code findOrder}, {@code getOrder},
 * {@code getOrders}, {@code getOrdersByExtOrderIds}) and stock per branch ({@code getStock},
 * {@code setStock}, {@code getStockHistoryV2}). Every change bumps one increasing sync marker (stock
 * mutations their {@code stockId}); business failures answer 200 with a {@code *-RESULT-*} value,
 * malformed requests and refused credentials a SOAP fault with HTTP 500; faults on demand.
 *
 * <pre>{@code
 * try (MplusSandbox mplus = MplusSandbox.builder().start()) {
 *     mplus.seedArticle(1001, "T-shirt", 1995);
 *     URI api = mplus.apiUri();      // in place of https://api.mpluskassa.nl:{port}/
 *     ...
 *     assertThat(mplus.orders()).hasSize(1000);
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe. Every request body received is kept
 * ({@link #receivedBodies()}) so tests can check it against the WSDL's schema.
 */
public final class MplusSandbox extends SandboxServer {

    private static final String NS = "urn:mplusqapi";

    private final Builder settings;
    private final MplusStore store;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    /** An article as the sandbox keeps it; what the installation does not know of it is empty. */
    public record Article(long articleNumber, long productNumber, Optional<String> extArticleId, Optional<String> pluNumber,
                          String description, Optional<String> colour, Optional<String> size, Optional<String> barcode, boolean active,
                          Optional<Long> priceIncl, Optional<Long> priceExcl, Optional<Integer> turnoverGroup, long syncMarker) {

        static Article of(MplusStore.StoredArticle a) {
            return new Article(a.articleNumber(), a.productNumber(), Optional.ofNullable(a.extArticleId()), Optional.ofNullable(a.pluNumber()),
                    a.description(), Optional.ofNullable(a.colour()), Optional.ofNullable(a.size()), Optional.ofNullable(a.barcode()),
                    a.active(), Optional.ofNullable(a.priceIncl()), Optional.ofNullable(a.priceExcl()), Optional.ofNullable(a.turnoverGroup()),
                    a.syncMarker());
        }
    }

    /** An order line as received: article, quantity with its decimal places, unit price in cents. */
    public record Line(long articleNumber, long quantity, int decimalPlaces, long price, boolean priceIncludesVat, long discount) {
    }

    /** An order (or invoice, or proposal) as received; an anonymous one has no relation number. */
    public record Order(String orderId, String extOrderId, long employeeNumber, int branchNumber, Optional<Long> relationNumber,
                        String vatMethod, List<Line> lines, Map<String, Long> payments, long syncMarker) {

        static Order of(MplusStore.StoredOrder o) {
            return new Order(o.orderId(), o.extOrderId(), o.employeeNumber(), o.branchNumber(), Optional.ofNullable(o.relationNumber()),
                    o.vatMethod(), o.lines(), o.payments(), o.syncMarker());
        }
    }

    /**
     * An article group.
     *
     * @param parent the parent group's number, 0 for a top-level group
     * @param name   its name
     */
    public record ArticleGroup(int parent, String name) {
    }

    /**
     * An amount of stock as MplusKASSA keeps it: an unscaled amount and its decimal places.
     *
     * @param amount        the unscaled amount, e.g. 125 for 12.5 with one decimal place
     * @param decimalPlaces the decimal places of {@code amount}
     */
    public record StockAmount(long amount, int decimalPlaces) {
    }

    private MplusSandbox(Builder b) {
        super("mpluskassa-sandbox", 8, b.time);
        this.settings = b;
        this.store = new MplusStore(b.employees, b.branches);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint, in place of {@code https://api.mpluskassa.nl:{port}/}. */
    public URI apiUri() {
        return URI.create(root() + "/");
    }

    /** The API ident. */
    public String ident() {
        return settings.ident;
    }

    /** The API secret. */
    public String secret() {
        return settings.secret;
    }

    /** Every request body received, in order. */
    public List<String> receivedBodies() {
        return List.copyOf(bodies);
    }

    /** Adds an article (its own product) with a price including VAT in cents; it holds stock. */
    public Article seedArticle(long articleNumber, String description, long priceInclCents) {
        return Article.of(store.seedArticle(articleNumber, description, priceInclCents));
    }

    /** The articles, by number. */
    public List<Article> articles() {
        return store.articles().stream().map(Article::of).toList();
    }

    /**
     * Adds a relation the installation already has, e.g. {@code seedRelation(Map.of("name", "Jan Jansen",
     * "email", "jan@example.nl"))}; returns its relation number. Unknown field names are refused.
     */
    public long seedRelation(Map<String, String> fields) {
        return store.seedRelation(fields);
    }

    /** Changes one field of a relation, as a user at the till would; its sync marker moves up. */
    public void modifyRelation(long number, String field, String value) {
        store.modifyRelation(number, field, value);
    }

    /** The relations' fields as received, by relation number. */
    public Map<Long, Map<String, String>> relations() {
        return store.relations();
    }

    /** The orders, in entry order. */
    public List<Order> orders() {
        return store.orders().stream().map(Order::of).toList();
    }

    /** The article groups by number; top-level groups have parent 0. */
    public Map<Integer, ArticleGroup> articleGroups() {
        return store.articleGroups();
    }

    /** The article groups a product is in. */
    public List<Integer> productGroups(long productNumber) {
        return store.productGroups(productNumber);
    }

    /** The invoices saved ({@code extOrderId} holds the {@code extInvoiceId}). */
    public List<Order> invoices() {
        return store.invoices().stream().map(Order::of).toList();
    }

    /** The proposals (offers) saved ({@code extOrderId} holds the {@code extProposalId}). */
    public List<Order> proposals() {
        return store.proposals().stream().map(Order::of).toList();
    }

    /**
     * Rings up a sale at the till (branch 1, workplace 1): a receipt of {@code quantity} × the article at its
     * price, paid with {@code method}, for {@code relationNumber} (0: anonymous); returns the receipt id.
     * A negative quantity makes a credit receipt (a return).
     */
    public String ringUp(long articleNumber, int quantity, String method, long relationNumber) {
        return store.ringUp(articleNumber, quantity, method, relationNumber);
    }

    /**
     * Goods received in branch 1: the article's stock grows by {@code quantity} and its stock history
     * shows a delivery (a till's sale, {@link #ringUp}, and an order entered through the API shrink it
     * and show a sale).
     */
    public void receiveGoods(long articleNumber, long quantity) {
        store.receiveGoods(1, articleNumber, quantity);
    }

    /** Goods received in {@code branch} (one of the builder's {@code branches}). */
    public void receiveGoods(int branch, long articleNumber, long quantity) {
        store.receiveGoods(branch, articleNumber, quantity);
    }

    /**
     * Sales reservations of {@code quantity} (whole units) on the article in {@code branch}: {@code getStock} answers
     * them as {@code amountReserved} beside an unchanged {@code amountFree}.
     */
    public void reserve(int branch, long articleNumber, long quantity) {
        store.reserve(branch, articleNumber, quantity);
    }

    /** The free fields ({@code customFieldList}) relation {@code number} holds, name → text. */
    public Map<String, String> relationCustomFields(long number) {
        return store.customFields("relation", number);
    }

    /** The free fields ({@code customFieldList}) article {@code number} holds, name → text. */
    public Map<String, String> articleCustomFields(long number) {
        return store.customFields("article", number);
    }

    /** The till changes order {@code orderId}'s state (paid, delivered, cancelled); {@code getOrders} answers it again. */
    public void orderState(String orderId, boolean paid, boolean delivered, boolean cancelled) {
        store.orderState(orderId, paid, delivered, cancelled);
    }

    /** An article's stock in branch 1, if set. */
    public Optional<StockAmount> stock(long articleNumber) {
        return store.stock(1, articleNumber);
    }

    /** An article's stock in {@code branch}, if set. */
    public Optional<StockAmount> stock(int branch, long articleNumber) {
        return store.stock(branch, articleNumber);
    }

    /**
     * Makes the sandbox answer one element of one record with {@code text} as it stands — a price that
     * is no number, a date MplusKASSA would never send — or leave the element out ({@code text} empty),
     * to see how a connector copes with a malformed record. {@code kind} is {@code article}, {@code relation},
     * {@code receipt} or {@code order}; {@code id} the article number, relation number, receipt id or order id.
     */
    public void tamper(String kind, String id, String element, Optional<String> text) {
        store.tamper(kind, id, element, text);
    }


    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        bodies.add(body);
        Map<String, String> query = LoopbackServer.parseForm(exchange.getRequestURI().getRawQuery());
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, fault("Client", "only POST is supported"));
            return;
        }
        if (!settings.ident.equals(query.get("ident")) || !settings.secret.equals(query.get("secret"))) {
            send(exchange, 500, fault("Client.Authentication", "Invalid ident or secret"));
            return;
        }
        Element operation;
        try {
            operation = operation(raw);
        } catch (Exception e) {
            send(exchange, 500, fault("Client", "could not parse the request: " + e.getMessage()));
            return;
        }
        String name = operation.getLocalName();
        boolean write = name.startsWith("create") || name.startsWith("update") || name.startsWith("save") || name.startsWith("set");
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        String answer;
        int status = 200;
        try {
            answer = envelope(store.handle(name, operation));
        } catch (MplusStore.ClientFault e) {
            status = 500;
            answer = fault("Client", e.getMessage());
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, status, answer);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, status >= 500 ? fault("Server", message) : "busy");
    }

    @Override
    protected void sendMalformed(HttpExchange exchange) throws IOException {
        send(exchange, 200, "<SOAP-ENV:Envelope><SOAP-ENV:Body><oops");
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Element operation(byte[] raw) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element envelope = f.newDocumentBuilder().parse(new ByteArrayInputStream(raw)).getDocumentElement();
        Element body = MplusStore.first(envelope, "Body").orElseThrow(() -> new IllegalArgumentException("no SOAP body"));
        Element op = MplusStore.children(body).stream().findFirst().orElseThrow(() -> new IllegalArgumentException("empty SOAP body"));
        if (!NS.equals(op.getNamespaceURI())) {
            throw new IllegalArgumentException("the operation is not in namespace " + NS);
        }
        return op;
    }

    private static String fault(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:" + code + "</faultcode><faultstring>" + MplusStore.esc(message)
                + "</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }

    private static String envelope(String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:ns1=\"" + NS + "\"><SOAP-ENV:Body>" + content + "</SOAP-ENV:Body></SOAP-ENV:Envelope>";
    }



    /**
     * The uniform verb: adds a record of {@code kind} — {@code articles} ({@code articleNumber}, {@code description},
     * {@code priceIncl} in cents) or {@code relations} (see {@link #seedRelation}) — and returns it.
     */
    public ObjectNode seed(String kind, Map<String, ?> record) {
        return switch (kind) {
            case "articles" -> Json.MAPPER.valueToTree(seedArticle(Long.parseLong(String.valueOf(record.get("articleNumber"))),
                    String.valueOf(record.get("description")), Long.parseLong(String.valueOf(record.containsKey("priceIncl") ? record.get("priceIncl") : 0))));
            case "relations" -> {
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                record.forEach((k, v) -> fields.put(k, String.valueOf(v)));
                long number = seedRelation(fields);
                ObjectNode out = Json.MAPPER.valueToTree(relations().get(number));
                yield out.put("relationNumber", number);
            }
            default -> throw new IllegalArgumentException("MplusKASSA's sandbox seeds articles and relations, not " + kind);
        };
    }

    /** The uniform verb: the records of {@code kind} ({@code articles}, {@code relations}, {@code orders}, {@code invoices}) as JSON. */
    public List<ObjectNode> records(String kind) {
        List<?> values = switch (kind) {
            case "articles" -> articles();
            case "relations" -> relations().entrySet().stream().map(e -> {
                Map<String, String> r = new java.util.LinkedHashMap<>(e.getValue());
                r.put("relationNumber", String.valueOf(e.getKey()));
                return r;
            }).toList();
            case "orders" -> orders();
            case "invoices" -> invoices();
            default -> throw new IllegalArgumentException("MplusKASSA's sandbox keeps articles, relations, orders and invoices, not " + kind);
        };
        return values.stream().map(v -> (ObjectNode) Json.MAPPER.valueToTree(v)).toList();
    }

    /** The uniform verb: changes one field of a record of {@code kind} ({@code relations}, by number) as the till would. */
    public void modify(String kind, String id, String field, String value) {
        if (!kind.equals("relations")) {
            throw new IllegalArgumentException("MplusKASSA's sandbox changes relations only, not " + kind);
        }
        modifyRelation(Long.parseLong(id), field, value);
    }

    /** Builds an {@link MplusSandbox}. */
    public static final class Builder {
        private String ident = "possync-ident";
        private String secret = "mplus-sandbox-secret";
        private Set<Long> employees = Set.of(999_999L);
        private Set<Integer> branches = Set.of(1);
        private TimeSource time = TimeSource.system();

        private Builder() {
        }

        /** The ident and secret requests must carry. */
        public Builder credentials(String ident, String secret) {
            this.ident = ident;
            this.secret = secret;
            return this;
        }

        /** The employees that exist (default 999999). */
        public Builder employees(Set<Long> numbers) {
            this.employees = Set.copyOf(numbers);
            return this;
        }

        /** The branches that exist, each with its own stock (default 1; the till rings up in branch 1). */
        public Builder branches(Integer... numbers) {
            this.branches = Set.of(numbers);
            return this;
        }

        /** The clock for delays. */
        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        /** Starts the sandbox. */
        public MplusSandbox start() {
            return new MplusSandbox(this);
        }
    }

}

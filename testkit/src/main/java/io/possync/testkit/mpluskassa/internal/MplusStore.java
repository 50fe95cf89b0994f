package io.possync.testkit.mpluskassa.internal;

import io.possync.testkit.mpluskassa.MplusSandbox;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The MplusKASSA sandbox's installation: articles, relations, orders, invoices, proposals, receipts,
 * article groups and stock, and the MplusQapi operations over them (answers as SOAP body content).
 * {@link MplusSandbox} serves it over HTTP. Thread-safe.
 */
public final class MplusStore {

    /** An article as stored; absent values are null here, and {@link MplusSandbox.Article} makes them empty. */
    public record StoredArticle(long articleNumber, long productNumber, String extArticleId, String pluNumber, String description,
                                String colour, String size, String barcode, boolean active, Long priceIncl, Long priceExcl,
                                Integer turnoverGroup, long syncMarker) {
    }

    /** An order, invoice or proposal as stored; {@code relationNumber} is null for an anonymous one. */
    public record StoredOrder(String orderId, String extOrderId, long employeeNumber, int branchNumber, Long relationNumber,
                              String vatMethod, List<MplusSandbox.Line> lines, Map<String, Long> payments, long syncMarker) {
    }

    /** The request must change: answered with a {@code Client} SOAP fault. */
    public static final class ClientFault extends RuntimeException {
        ClientFault(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Map<String, Optional<String>>> tampering = new HashMap<>();
    private final Set<Long> employees;
    private final Map<Long, StoredArticle> articles = new LinkedHashMap<>();
    private final Map<Long, Map<String, String>> relations = new LinkedHashMap<>();
    private final Map<String, StoredOrder> orders = new LinkedHashMap<>();
    /** Per order id: {fullyPaid, deliveryState, cancelState} as the till set them. */
    private final Map<String, String[]> orderStates = new LinkedHashMap<>();
    private final Map<String, StoredOrder> invoices = new LinkedHashMap<>();
    private final Map<String, StoredOrder> proposals = new LinkedHashMap<>();
    private final List<String[]> receipts = new ArrayList<>();
    private final Map<Integer, String[]> groups = new LinkedHashMap<>();
    private final Map<Long, List<Integer>> productGroups = new LinkedHashMap<>();
    private int nextGroup = 100;
    /** (branch, article) → (amount, decimal places); {@link #key} packs the pair. */
    private final Map<Long, long[]> stock = new LinkedHashMap<>();
    /** Reserved whole units per branch and article. */
    private final Map<Long, Long> reserved = new LinkedHashMap<>();
    private final Set<Integer> branches;
    private final List<long[]> stockHistory = new ArrayList<>();
    private long syncMarker = 5000;
    private long stockId = 100;
    private long nextProduct = 1;
    private long nextRelation = 2000;

    private static final long API = 0;
    private static final long SALES = 1;
    private static final long DELIVERY = 2;

    private static long key(int branch, long article) {
        return branch * 1_000_000_000_000L + article;
    }

    /** An article with stock sold {@code unscaled} (in its stock's decimal places) in {@code branch}: the stock and its history move, as a till's sale does. */
    private void sold(int branch, long article, long unscaled) {
        long[] now = stock.get(key(branch, article));
        if (now != null) {
            stock.put(key(branch, article), new long[] {now[0] - unscaled, now[1]});
            stockHistory.add(new long[] {++stockId, article, -unscaled, now[1], SALES, branch});
        }
    }

    /** Goods received in {@code branch}: the article's stock there grows by {@code quantity} and its history shows a delivery. */
    public synchronized void receiveGoods(int branch, long article, long quantity) {
        if (!articles.containsKey(article)) {
            throw new IllegalArgumentException("article " + article + " does not exist");
        }
        if (!branches.contains(branch)) {
            throw new IllegalArgumentException("branch " + branch + " does not exist; the branches are " + branches);
        }
        long[] now = stock.getOrDefault(key(branch, article), new long[] {0, 0});
        long unscaled = quantity * (long) Math.pow(10, now[1]);
        stock.put(key(branch, article), new long[] {now[0] + unscaled, now[1]});
        stockHistory.add(new long[] {++stockId, article, unscaled, now[1], DELIVERY, branch});
    }

    /** An installation whose employees are {@code employees} and whose branches are {@code branches}. */
    public MplusStore(Set<Long> employees, Set<Integer> branches) {
        this.employees = Set.copyOf(employees);
        this.branches = Set.copyOf(branches);
    }

    /** Adds an article (its own product) with a price including VAT in cents; it holds stock. */
    public synchronized StoredArticle seedArticle(long articleNumber, String description, long priceInclCents) {
        StoredArticle a = new StoredArticle(articleNumber, nextProduct++, null, null, description, null, null, null, true, priceInclCents, null, null,
                ++syncMarker);
        articles.put(articleNumber, a);
        return a;
    }

    /** The articles, by number. */
    public synchronized List<StoredArticle> articles() {
        return List.copyOf(articles.values());
    }

    /**
     * Adds a relation the installation already has, e.g. {@code seedRelation(Map.of("name", "Jan Jansen",
     * "email", "jan@example.nl"))}; returns its relation number. Unknown field names are refused.
     */
    public synchronized long seedRelation(Map<String, String> fields) {
        if (!RELATION_FIELDS.containsAll(fields.keySet())) {
            throw new IllegalArgumentException("a relation has only the fields " + RELATION_FIELDS + ", not " + fields.keySet());
        }
        long number = ++nextRelation;
        Map<String, String> stored = new LinkedHashMap<>(fields);
        stored.put("syncMarker", String.valueOf(++syncMarker));
        relations.put(number, stored);
        return number;
    }

    /** Changes one field of a relation, as a user at the till would; its sync marker moves up. */
    public synchronized void modifyRelation(long number, String field, String value) {
        Map<String, String> stored = relations.get(number);
        if (stored == null || !RELATION_FIELDS.contains(field)) {
            throw new IllegalArgumentException("no relation " + number + " or no field " + field);
        }
        stored.put(field, value);
        stored.put("syncMarker", String.valueOf(++syncMarker));
    }

    /** The relations' fields as received, by relation number. */
    public synchronized Map<Long, Map<String, String>> relations() {
        Map<Long, Map<String, String>> copy = new LinkedHashMap<>();
        relations.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    /** The orders, in entry order. */
    /**
     * The till changes an order's state: {@code paid}, delivered ({@code ORDER-DELIVERY-STATE-COMPLETE}) or cancelled
     * ({@code ORDER-CANCEL-STATE-COMPLETE}); the order's sync marker moves, so {@code getOrders} answers it again.
     */
    public synchronized void orderState(String orderId, boolean paid, boolean delivered, boolean cancelled) {
        StoredOrder o = orders.get(orderId);
        if (o == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        orderStates.put(orderId, new String[] {String.valueOf(paid),
                delivered ? "ORDER-DELIVERY-STATE-COMPLETE" : "ORDER-DELIVERY-STATE-NOTHING",
                cancelled ? "ORDER-CANCEL-STATE-COMPLETE" : "ORDER-CANCEL-STATE-NOTHING"});
        orders.put(orderId, new StoredOrder(o.orderId(), o.extOrderId(), o.employeeNumber(), o.branchNumber(), o.relationNumber(),
                o.vatMethod(), o.lines(), o.payments(), ++syncMarker));
    }

    /** {@code deliverOrder}: the whole order delivered, unless it was cancelled. */
    private String deliverOrder(String orderId) {
        String[] outcome = change(orderId, true, "DELIVER-ORDER-RESULT", "Order " + orderId + " not found", "Order is cancelled");
        return "<ns1:DeliverOrderResponse>" + el("result", outcome[0]) + el("errorMessage", outcome[1]) + "</ns1:DeliverOrderResponse>";
    }

    /** {@code cancelOrder}: a delivered order cannot be cancelled. */
    private String cancelOrder(String orderId) {
        String[] outcome = change(orderId, false, "CANCEL-ORDER-RESULT", "", "Order is already delivered");
        return "<ns1:CancelOrderResponse>" + el("result", outcome[0]) + el("message", outcome[1]) + "</ns1:CancelOrderResponse>";
    }

    /**
     * Delivers ({@code deliver}) or cancels an order as the till would: {result, message}, the result one of the
     * operation's {@code prefix}-OK, -ALREADY-DELIVERED / -ALREADY-CANCELLED, -FAILED (the other state reached first) or,
     * for a missing order, -NOT-FOUND (cancel) or -FAILED with {@code missing} (deliver).
     */
    private String[] change(String orderId, boolean deliver, String prefix, String missing, String blocked) {
        if (!orders.containsKey(orderId)) {
            return deliver ? new String[] {prefix + "-FAILED", missing} : new String[] {prefix + "-NOT-FOUND", ""};
        }
        String[] state = orderStates.get(orderId);
        boolean delivered = state != null && state[1].equals("ORDER-DELIVERY-STATE-COMPLETE");
        boolean cancelled = state != null && state[2].equals("ORDER-CANCEL-STATE-COMPLETE");
        if (deliver ? cancelled : delivered) {
            return new String[] {prefix + "-FAILED", blocked};
        }
        if (deliver ? delivered : cancelled) {
            return new String[] {prefix + (deliver ? "-ALREADY-DELIVERED" : "-ALREADY-CANCELLED"), ""};
        }
        orderState(orderId, state != null && Boolean.parseBoolean(state[0]), deliver, !deliver);
        return new String[] {prefix + "-OK", ""};
    }

    public synchronized List<StoredOrder> orders() {
        return List.copyOf(orders.values());
    }

    /** The article groups: number → (parent number, name); top-level groups have parent 0. */
    public synchronized Map<Integer, MplusSandbox.ArticleGroup> articleGroups() {
        Map<Integer, MplusSandbox.ArticleGroup> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, new MplusSandbox.ArticleGroup(Integer.parseInt(v[0]), v[1])));
        return copy;
    }

    /** The article groups a product is in. */
    public synchronized List<Integer> productGroups(long productNumber) {
        return List.copyOf(productGroups.getOrDefault(productNumber, List.of()));
    }

    /** The invoices saved ({@code extOrderId} holds the {@code extInvoiceId}). */
    public synchronized List<StoredOrder> invoices() {
        return List.copyOf(invoices.values());
    }

    /** The proposals (offers) saved ({@code extOrderId} holds the {@code extProposalId}). */
    public synchronized List<StoredOrder> proposals() {
        return List.copyOf(proposals.values());
    }

    /**
     * Rings up a sale at the till (branch 1, workplace 1): a receipt of {@code quantity} × the article at its
     * price, paid with {@code method}, for {@code relationNumber} (0: anonymous); returns the receipt id.
     * A negative quantity makes a credit receipt (a return).
     */
    public synchronized String ringUp(long articleNumber, int quantity, String method, long relationNumber) {
        StoredArticle a = articles.get(articleNumber);
        if (a == null) {
            throw new IllegalArgumentException("article " + articleNumber + " does not exist");
        }
        long price = a.priceIncl() == null ? 0 : a.priceIncl();
        String id = UUID.nameUUIDFromBytes(("receipt-" + receipts.size()).getBytes(StandardCharsets.UTF_8)).toString();
        receipts.add(new String[] {id, String.valueOf(++syncMarker), String.valueOf(receipts.size() + 1), String.valueOf(articleNumber),
                String.valueOf(quantity), String.valueOf(price), method, String.valueOf(relationNumber), a.description()});
        sold(1, articleNumber, quantity * (long) Math.pow(10, stock.getOrDefault(key(1, articleNumber), new long[] {0, 0})[1]));
        return id;
    }

    /** An article's stock in {@code branch} as (amount, decimalPlaces), if set. */
    public synchronized void reserve(int branch, long article, long quantity) {
        reserved.merge(key(branch, article), quantity, Long::sum);
    }

    public synchronized Optional<MplusSandbox.StockAmount> stock(int branch, long articleNumber) {
        return Optional.ofNullable(stock.get(key(branch, articleNumber))).map(v -> new MplusSandbox.StockAmount(v[0], (int) v[1]));
    }

    /** Answers operation {@code op}; a request the vendor would refuse with a {@code Client} fault throws {@link ClientFault}. */
    public synchronized String handle(String op, Element e) {
        return switch (op) {
            case "getProducts" -> getProducts(child(e, "request"));
            case "createProduct" -> createProduct(child(e, "product"));
            case "updateProduct" -> updateProduct(child(e, "product"));
            case "findRelationV2" -> findRelation(child(child(e, "request"), "relation"));
            case "createRelation" -> createRelation(child(e, "relation"));
            case "updateRelation" -> updateRelation(child(e, "relation"));
            case "getRelations" -> getRelations(first(e, "request").orElse(e));
            case "getRelation" -> getRelation(Long.parseLong(text(e, "relationNumber").orElse("0")));
            case "createOrder" -> createOrder(child(e, "order"));
            case "findOrder" -> getOrder(text(e, "extOrderId").orElse(""), true);
            case "getOrder" -> getOrder(text(e, "orderId").orElse(""), false);
            case "getOrders" -> getOrders(child(e, "request"), "GetOrdersResponse", o -> true);
            case "getOrdersByExtOrderIds" -> getOrdersByExtOrderIds(child(e, "request"));
            case "deliverOrder" -> deliverOrder(text(child(e, "request"), "orderId").orElse(""));
            case "cancelOrder" -> cancelOrder(text(e, "orderId").orElse(""));
            case "saveInvoice" -> saveDocument(child(e, "invoice"), invoices, "extInvoiceId", "invoiceId", "SaveInvoiceResponse",
                    "SAVE-INVOICE-RESULT", "invoiceString");
            case "saveProposal" -> saveDocument(child(e, "proposal"), proposals, "extProposalId", "proposalId", "SaveProposalResponse",
                    "SAVE-PROPOSAL-RESULT", "proposalString");
            case "findInvoice" -> findInvoice(text(e, "extInvoiceId").orElse(""));
            case "getProposals" -> getProposals(child(e, "request"));
            case "getReceipts" -> getReceipts(child(e, "request"));
            case "getArticleGroups" -> "<ns1:GetArticleGroupsResponse>" + groupList(0) + "</ns1:GetArticleGroupsResponse>";
            case "newArticleGroup" -> newArticleGroup(child(e, "request"));
            case "setStock" -> setStock(child(e, "request"));
            case "getStock" -> getStock(child(e, "request"));
            case "getStockHistoryV2" -> getStockHistory(child(e, "request"));
            default -> throw new ClientFault("operation " + op + " is not served by the sandbox");
        };
    }

    private String getProducts(Element r) {
        List<String> numbers = texts(r, "articleNumbers");
        List<String> plus = new ArrayList<>();
        first(r, "pluNumbers").ifPresent(p -> children(p, "text").forEach(t -> text(t, "text").ifPresent(plus::add)));
        long since = longValue(r, "syncMarker").orElse(-1L);
        int limit = (int) (long) longValue(r, "syncMarkerLimit").orElse(1000L);
        List<StoredArticle> hits = new ArrayList<>();
        for (StoredArticle a : articles.values()) {
            boolean byNumber = numbers.contains(String.valueOf(a.articleNumber()));
            boolean byPlu = a.pluNumber() != null && plus.contains(a.pluNumber());
            boolean bySync = since >= 0 && a.syncMarker() > since;
            if (byNumber || byPlu || bySync) {
                hits.add(a);
            }
        }
        if (since >= 0) {
            hits.sort((x, y) -> Long.compare(x.syncMarker(), y.syncMarker()));
            hits = hits.subList(0, Math.min(limit, hits.size()));
        }
        StringBuilder out = new StringBuilder("<ns1:GetProductsResponse><ns1:productList>");
        for (StoredArticle a : hits) {
            out.append("<ns1:product><ns1:productNumber>").append(a.productNumber()).append("</ns1:productNumber>")
                    .append(el("description", a.description())).append("<ns1:articleList>").append(articleXml(a))
                    .append("</ns1:articleList></ns1:product>");
        }
        return out.append("</ns1:productList></ns1:GetProductsResponse>").toString();
    }

    private String articleXml(StoredArticle a) {
        return tampered("article", String.valueOf(a.articleNumber()), "<ns1:article>" + el("articleNumber", a.articleNumber())
                + el("extArticleId", a.extArticleId())
                + el("pluNumber", a.pluNumber()) + el("syncMarker", a.syncMarker()) + el("active", a.active())
                + el("description", a.description()) + el("colour", a.colour()) + el("size", a.size()) + el("barcode", a.barcode())
                + el("turnoverGroup", a.turnoverGroup())
                + el("priceIncl", a.priceIncl()) + el("priceExcl", a.priceExcl()) + customFieldList("article:" + a.articleNumber())
                + "</ns1:article>");
    }

    /** See {@link MplusSandbox#tamper}. */
    public synchronized void tamper(String kind, String id, String element, Optional<String> text) {
        tampering.computeIfAbsent(kind + ":" + id, k -> new LinkedHashMap<>()).put(element, text);
    }

    private synchronized String tampered(String kind, String id, String xml) {
        Map<String, Optional<String>> changes = tampering.get(kind + ":" + id);
        if (changes == null) {
            return xml;
        }
        for (Map.Entry<String, Optional<String>> c : changes.entrySet()) {
            String open = "<ns1:" + c.getKey() + ">";
            String close = "</ns1:" + c.getKey() + ">";
            int from = xml.indexOf(open);
            String replacement = c.getValue().map(t -> open + t + close).orElse("");
            if (from >= 0) {
                int to = xml.indexOf(close, from) + close.length();
                xml = xml.substring(0, from) + replacement + xml.substring(to);
            } else {
                int afterOpening = xml.indexOf('>') + 1;
                xml = xml.substring(0, afterOpening) + replacement + xml.substring(afterOpening);
            }
        }
        return xml;
    }

    private String createProduct(Element p) {
        List<Element> list = first(p, "articleList").map(l -> children(l, "article")).orElse(List.of());
        if (list.isEmpty()) {
            return "<ns1:CreateProductResponse><ns1:result>CREATE-PRODUCT-RESULT-FAILED</ns1:result><ns1:productNumber>0</ns1:productNumber>"
                    + "<ns1:errorMessage>a product needs an article</ns1:errorMessage></ns1:CreateProductResponse>";
        }
        for (Element a : list) {
            long n = longValue(a, "articleNumber").orElseThrow(() -> new ClientFault("articleNumber is required here"));
            if (articles.containsKey(n)) {
                return "<ns1:CreateProductResponse><ns1:result>CREATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN</ns1:result>"
                        + "<ns1:productNumber>0</ns1:productNumber><ns1:errorMessage>article number " + n
                        + " is already taken</ns1:errorMessage></ns1:CreateProductResponse>";
            }
        }
        long product = nextProduct++;
        putInGroups(product, p);
        StringBuilder numbers = new StringBuilder();
        for (Element a : list) {
            StoredArticle article = article(a, product, null);
            articles.put(article.articleNumber(), article);
            numbers.append(el("articleNumbers", article.articleNumber()));
        }
        return "<ns1:CreateProductResponse><ns1:result>CREATE-PRODUCT-RESULT-OK</ns1:result>" + el("productNumber", product) + numbers
                + el("syncMarker", syncMarker) + "<ns1:errorMessage></ns1:errorMessage></ns1:CreateProductResponse>";
    }

    private String groupList(int parent) {
        StringBuilder out = new StringBuilder("<ns1:articleGroupList>");
        groups.forEach((number, g) -> {
            if (Integer.parseInt(g[0]) == parent) {
                out.append("<ns1:articleGroups>").append(el("groupNumber", number)).append(el("name", g[1])).append(el("text", g[1]))
                        .append(groupList(number).replace("articleGroupList", "subGroupList")).append(el("sortOrder", 0))
                        .append("</ns1:articleGroups>");
            }
        });
        return out.append("</ns1:articleGroupList>").toString();
    }

    private String newArticleGroup(Element r) {
        int parent = (int) (long) longValue(r, "parentGroupNumber").orElseThrow(() -> new ClientFault("parentGroupNumber is required"));
        if (parent != 0 && !groups.containsKey(parent)) {
            return "<ns1:NewArticleGroupResponse><ns1:result>NEW-ARTICLE-GROUP-RESULT-PARENT-NOTFOUND</ns1:result>"
                    + "<ns1:groupNumber>0</ns1:groupNumber></ns1:NewArticleGroupResponse>";
        }
        int number = ++nextGroup;
        groups.put(number, new String[] {String.valueOf(parent), text(r, "name").orElseThrow(() -> new ClientFault("name is required"))});
        return "<ns1:NewArticleGroupResponse><ns1:result>NEW-ARTICLE-GROUP-RESULT-OK</ns1:result>" + el("groupNumber", number)
                + "</ns1:NewArticleGroupResponse>";
    }

    private void putInGroups(long product, Element p) {
        List<String> numbers = texts(p, "groupNumbers");
        if (!numbers.isEmpty()) {
            List<Integer> in = new ArrayList<>();
            for (String n : numbers) {
                int g = Integer.parseInt(n);
                if (!groups.containsKey(g)) {
                    throw new ClientFault("article group " + g + " does not exist");
                }
                in.add(g);
            }
            productGroups.put(product, in);
        }
    }

    private StoredArticle article(Element a, long product, StoredArticle before) {
        long n = longValue(a, "articleNumber").orElseThrow(() -> new ClientFault("articleNumber is required"));
        keepCustomFields("article:" + n, a);
        return new StoredArticle(n, product, text(a, "extArticleId").orElse(before == null ? null : before.extArticleId()),
                text(a, "pluNumber").orElse(before == null ? null : before.pluNumber()),
                text(a, "description").orElse(before == null ? "" : before.description()),
                text(a, "colour").orElse(before == null ? null : before.colour()),
                text(a, "size").orElse(before == null ? null : before.size()),
                text(a, "barcode").orElse(before == null ? null : before.barcode()),
                text(a, "active").map(Boolean::parseBoolean).orElse(before == null || before.active()),
                longValue(a, "priceIncl").orElse(before == null ? null : before.priceIncl()),
                longValue(a, "priceExcl").orElse(before == null ? null : before.priceExcl()),
                longValue(a, "turnoverGroup").map(Long::intValue).orElse(before == null ? null : before.turnoverGroup()), ++syncMarker);
    }

    private String updateProduct(Element p) {
        long product = longValue(p, "productNumber").orElse(-1L);
        List<Element> list = first(p, "articleList").map(l -> children(l, "article")).orElse(List.of());
        if (articles.values().stream().noneMatch(a -> a.productNumber() == product)) {
            return "<ns1:UpdateProductResponse><ns1:result>UPDATE-PRODUCT-RESULT-NOT-FOUND</ns1:result>"
                    + "<ns1:errorMessage>no product " + product + "</ns1:errorMessage></ns1:UpdateProductResponse>";
        }
        putInGroups(product, p);
        StringBuilder existing = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (Element a : list) {
            long number = longValue(a, "articleNumber").orElse(-1L);
            StoredArticle before = articles.get(number);
            if (before != null && before.productNumber() != product) {
                return "<ns1:UpdateProductResponse><ns1:result>UPDATE-PRODUCT-RESULT-FAILED-ARTICLE-NUMBER-ALREADY-TAKEN</ns1:result>"
                        + "<ns1:errorMessage>article number " + number + " belongs to another product</ns1:errorMessage>"
                        + "</ns1:UpdateProductResponse>";
            }
            articles.put(number, article(a, product, before));
            (before == null ? added.append(el("newArticleNumbers", number)) : existing.append(el("existingArticleNumbers", number)))
                    .length();
        }
        return "<ns1:UpdateProductResponse><ns1:result>UPDATE-PRODUCT-RESULT-OK</ns1:result>" + existing + added
                + el("syncMarker", syncMarker) + "<ns1:errorMessage></ns1:errorMessage></ns1:UpdateProductResponse>";
    }

    private String findRelation(Element r) {
        String email = text(r, "email").orElse("");
        for (Map.Entry<Long, Map<String, String>> e : relations.entrySet()) {
            if (!email.isEmpty() && email.equalsIgnoreCase(e.getValue().getOrDefault("email", ""))) {
                return "<ns1:FindRelationV2Response><ns1:result>FIND-RELATION-RESULT-OK</ns1:result>" + relationXml(e.getKey(), e.getValue())
                        + "</ns1:FindRelationV2Response>";
            }
        }
        return "<ns1:FindRelationV2Response><ns1:result>FIND-RELATION-RESULT-NOT-FOUND</ns1:result></ns1:FindRelationV2Response>";
    }

    /** Per relation or article ("relation:7", "article:100001"): its free fields (customFieldList), name → text. */
    private final Map<String, Map<String, String>> customFields = new LinkedHashMap<>();

    /** The relation's fields the sandbox keeps, in the schema's sequence order. */
    private static final List<String> RELATION_FIELDS = List.of("extRelationId", "name", "address", "zipcode", "city", "country",
            "contact", "telephone", "email", "priceGroupNumber", "vatNumber", "companyName");

    private String relationXml(long number, Map<String, String> f) {
        StringBuilder out = new StringBuilder("<ns1:relation>").append(el("relationNumber", number));
        out.append(el("extRelationId", f.get("extRelationId"))).append(el("syncMarker", f.get("syncMarker")));
        for (String name : RELATION_FIELDS.subList(1, RELATION_FIELDS.size())) {
            if (name.equals("companyName")) {
                out.append(customFieldList("relation:" + number));
            }
            out.append(el(name, f.get(name)));
        }
        return tampered("relation", String.valueOf(number), out.append("</ns1:relation>").toString());
    }

    /** A record's free fields from its {@code customFieldList}: the ones sent replace the ones kept of the same name. */
    private void keepCustomFields(String key, Element r) {
        for (Element list : children(r, "customFieldList")) {
            for (Element f : children(list, "customField")) {
                text(f, "fieldName").ifPresent(name -> customFields.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .put(name, text(f, "strValue").orElse("")));
            }
        }
    }

    private String customFieldList(String key) {
        Map<String, String> custom = customFields.getOrDefault(key, Map.of());
        if (custom.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<ns1:customFieldList>");
        custom.forEach((k, v) -> out.append("<ns1:customField>").append(el("fieldName", k)).append(el("dataType", "DATA-TYPE-STRING"))
                .append(el("strValue", v)).append("</ns1:customField>"));
        return out.append("</ns1:customFieldList>").toString();
    }

    /** The free fields a relation ({@code "relation"}) or article ({@code "article"}) holds. */
    public synchronized Map<String, String> customFields(String kind, long number) {
        return Map.copyOf(customFields.getOrDefault(kind + ":" + number, Map.of()));
    }

    private String createRelation(Element r) {
        Map<String, String> fields = new LinkedHashMap<>();
        RELATION_FIELDS.forEach(n -> text(r, n).ifPresent(v -> fields.put(n, v)));
        if (fields.getOrDefault("name", "").isBlank()) {
            return "<ns1:CreateRelationResponse><ns1:result>CREATE-RELATION-RESULT-FAILED</ns1:result><ns1:relationNumber>0</ns1:relationNumber>"
                    + "<ns1:errorMessage>name is required</ns1:errorMessage></ns1:CreateRelationResponse>";
        }
        long number = ++nextRelation;
        fields.put("syncMarker", String.valueOf(++syncMarker));
        relations.put(number, fields);
        keepCustomFields("relation:" + number, r);
        return "<ns1:CreateRelationResponse><ns1:result>CREATE-RELATION-RESULT-OK</ns1:result>" + el("relationNumber", number)
                + "<ns1:errorMessage></ns1:errorMessage></ns1:CreateRelationResponse>";
    }

    private String updateRelation(Element r) {
        Map<String, String> fields = relations.get(longValue(r, "relationNumber").orElse(-1L));
        if (fields == null) {
            return "<ns1:UpdateRelationResponse><ns1:result>UPDATE-RELATION-RESULT-NOT-FOUND</ns1:result>"
                    + "<ns1:errorMessage>no such relation</ns1:errorMessage></ns1:UpdateRelationResponse>";
        }
        RELATION_FIELDS.forEach(n -> text(r, n).ifPresent(v -> fields.put(n, v)));
        fields.put("syncMarker", String.valueOf(++syncMarker));
        keepCustomFields("relation:" + longValue(r, "relationNumber").orElse(-1L), r);
        return "<ns1:UpdateRelationResponse><ns1:result>UPDATE-RELATION-RESULT-OK</ns1:result><ns1:errorMessage></ns1:errorMessage>"
                + "</ns1:UpdateRelationResponse>";
    }

    private String getRelations(Element r) {
        long since = longValue(r, "syncMarker").orElse(0L);
        int limit = (int) (long) longValue(r, "syncMarkerLimit").orElse(1000L);
        List<Map.Entry<Long, Map<String, String>>> hits = new ArrayList<>();
        relations.entrySet().stream().filter(e -> Long.parseLong(e.getValue().get("syncMarker")) > since).forEach(hits::add);
        hits.sort((a, b) -> Long.compare(Long.parseLong(a.getValue().get("syncMarker")), Long.parseLong(b.getValue().get("syncMarker"))));
        StringBuilder out = new StringBuilder("<ns1:GetRelationsResponse><ns1:relationList>");
        hits.stream().limit(limit).forEach(e -> out.append(relationXml(e.getKey(), e.getValue())));
        return out.append("</ns1:relationList></ns1:GetRelationsResponse>").toString();
    }

    private String getRelation(long number) {
        Map<String, String> f = relations.get(number);
        return f == null ? "<ns1:GetRelationResponse><ns1:result>GET-RELATION-RESULT-NOT-FOUND</ns1:result></ns1:GetRelationResponse>"
                : "<ns1:GetRelationResponse><ns1:result>GET-RELATION-RESULT-OK</ns1:result>" + relationXml(number, f)
                + "</ns1:GetRelationResponse>";
    }

    private String createOrder(Element o) {
        String ext = text(o, "extOrderId").orElse("");
        if (!ext.isEmpty() && orders.values().stream().anyMatch(x -> x.extOrderId().equals(ext))) {
            return createOrderAnswer("CREATE-ORDER-RESULT-EXT-ORDER-ID-ALREADY-EXISTS", "", "extOrderId " + ext + " already exists");
        }
        String id = UUID.nameUUIDFromBytes(("order-" + orders.size() + "-" + ext).getBytes(StandardCharsets.UTF_8)).toString();
        Object parsed = parseDocument(o, id, ext);
        if (parsed instanceof String failure) {
            return createOrderAnswer("CREATE-ORDER-RESULT-FAILED", "", failure);
        }
        StoredOrder order = (StoredOrder) parsed;
        orders.put(id, order);
        for (MplusSandbox.Line l : order.lines()) {
            sold(order.branchNumber(), l.articleNumber(), l.quantity());
        }
        return createOrderAnswer("CREATE-ORDER-RESULT-OK", id, "");
    }

    /** An order, invoice or proposal as received, or the reason it fails. */
    private Object parseDocument(Element o, String id, String ext) {
        long employee = longValue(o, "employeeNumber").orElse(0L);
        if (!employees.contains(employee)) {
            return "employee " + employee + " does not exist";
        }
        String vatMethod = text(o, "vatMethod").orElse("VAT-METHOD-INCLUSIVE");
        List<MplusSandbox.Line> lines = new ArrayList<>();
        for (Element list : children(o, "lineList")) {
            for (Element line : children(list, "line")) {
                long article = longValue(line, "articleNumber").orElseThrow(() -> new ClientFault("line without articleNumber"));
                if (!articles.containsKey(article)) {
                    return "article " + article + " does not exist";
                }
                Element data = child(line, "data");
                boolean incl = first(data, "price").isPresent();
                lines.add(new MplusSandbox.Line(article, longValue(data, "quantity").orElseThrow(() -> new ClientFault("line without quantity")),
                        (int) (long) longValue(data, "decimalPlaces").orElse(2L),
                        longValue(data, incl ? "price" : "priceExcl").orElse(0L), incl,
                        longValue(data, incl ? "discountAmount" : "discountAmountExcl").orElse(0L)));
            }
        }
        Map<String, Long> payments = new LinkedHashMap<>();
        for (Element list : children(o, "paymentList")) {
            for (Element p : children(list, "payment")) {
                payments.merge(text(p, "method").orElse("?"), longValue(p, "amount").orElse(0L), Long::sum);
            }
        }
        return new StoredOrder(id, ext, employee, (int) (long) longValue(o, "financialBranchNumber").orElse(1L),
                longValue(o, "relationNumber").orElse(null), vatMethod, List.copyOf(lines), Collections.unmodifiableMap(payments),
                ++syncMarker);
    }

    private String saveDocument(Element d, Map<String, StoredOrder> store, String extField, String idField, String answer, String result,
                                String stringField) {
        String ext = text(d, extField).orElse("");
        if (!ext.isEmpty() && store.values().stream().anyMatch(x -> x.extOrderId().equals(ext))) {
            return "<ns1:" + answer + ">" + el("result", result + "-" + extField.replace("ext", "EXT-").replace("Id", "-ID")
                    .toUpperCase() + "-ALREADY-EXISTS") + "<ns1:info>" + el(idField, "") + el(stringField, "") + "</ns1:info>"
                    + el("errorMessage", ext + " already exists") + "</ns1:" + answer + ">";
        }
        String id = UUID.nameUUIDFromBytes((idField + store.size() + "-" + ext).getBytes(StandardCharsets.UTF_8)).toString();
        Object parsed = parseDocument(d, id, ext);
        if (parsed instanceof String failure) {
            return "<ns1:" + answer + ">" + el("result", result + "-FAILED") + "<ns1:info>" + el(idField, "") + el(stringField, "")
                    + "</ns1:info>" + el("errorMessage", failure) + "</ns1:" + answer + ">";
        }
        store.put(id, (StoredOrder) parsed);
        return "<ns1:" + answer + ">" + el("result", result + "-OK") + "<ns1:info>" + el(idField, id) + el(stringField, id.substring(0, 8))
                + "</ns1:info><ns1:errorMessage></ns1:errorMessage></ns1:" + answer + ">";
    }

    private String findInvoice(String ext) {
        for (StoredOrder o : invoices.values()) {
            if (o.extOrderId().equals(ext)) {
                return "<ns1:GetInvoiceResponse><ns1:result>GET-INVOICE-RESULT-OK</ns1:result><ns1:invoice>" + el("invoiceId", o.orderId())
                        + el("extInvoiceId", o.extOrderId()) + "</ns1:invoice></ns1:GetInvoiceResponse>";
            }
        }
        return "<ns1:GetInvoiceResponse><ns1:result>GET-INVOICE-RESULT-NOT-FOUND</ns1:result></ns1:GetInvoiceResponse>";
    }

    private String getProposals(Element r) {
        long since = longValue(r, "syncMarker").orElse(0L);
        int limit = (int) (long) longValue(r, "syncMarkerLimit").orElse(1000L);
        StringBuilder out = new StringBuilder("<ns1:GetProposalsResponse><ns1:proposalList>");
        proposals.values().stream().filter(p -> p.syncMarker() > since).limit(limit).forEach(p -> out.append("<ns1:proposal>")
                .append(el("proposalId", p.orderId())).append(el("extProposalId", p.extOrderId())).append(el("syncMarker", p.syncMarker()))
                .append("</ns1:proposal>"));
        return out.append("</ns1:proposalList></ns1:GetProposalsResponse>").toString();
    }

    private String getReceipts(Element r) {
        long since = longValue(r, "syncMarker").orElse(0L);
        int limit = (int) (long) longValue(r, "syncMarkerLimit").orElse(1000L);
        List<String> ids = texts(r, "receiptIds");
        StringBuilder out = new StringBuilder("<ns1:GetReceiptsResponse><ns1:receiptList>");
        receipts.stream().filter(x -> ids.isEmpty() ? Long.parseLong(x[1]) > since : ids.contains(x[0])).limit(limit).forEach(x -> {
            long qty = Long.parseLong(x[4]);
            long price = Long.parseLong(x[5]);
            long total = qty * price;
            StringBuilder receipt = new StringBuilder();
            receipt.append("<ns1:receipt>").append(el("receiptId", x[0])).append(el("syncMarker", x[1]))
                    .append("<ns1:receiptNumber>").append(el("branchNumber", 1)).append(el("workplaceNumber", 1))
                    .append(el("year", 2026)).append(el("number", x[2])).append("</ns1:receiptNumber>")
                    .append(el("receiptType", qty < 0 ? "RECEIPT-TYPE-CREDIT-RECEIPT" : "RECEIPT-TYPE-RECEIPT"))
                    .append(el("employeeNumber", 999999)).append(el("employeeName", "Kassa"))
                    .append("<ns1:entryTimestamp><ns1:sec>0</ns1:sec><ns1:min>15</ns1:min><ns1:hour>10</ns1:hour><ns1:day>20</ns1:day>"
                            + "<ns1:mon>11</ns1:mon><ns1:year>2026</ns1:year><ns1:isdst>false</ns1:isdst><ns1:timezone>60</ns1:timezone>"
                            + "</ns1:entryTimestamp>")
                    .append(Long.parseLong(x[7]) > 0 ? el("relationNumber", x[7]) : "")
                    .append("<ns1:financialDate><ns1:day>20</ns1:day><ns1:mon>11</ns1:mon><ns1:year>2026</ns1:year></ns1:financialDate>")
                    .append(el("financialBranchNumber", 1)).append(el("workplaceNumber", 1))
                    .append(el("totalInclAmount", total)).append(el("totalExclAmount", Math.round(total / 1.21)))
                    .append(el("vatMethod", "VAT-METHOD-INCLUSIVE")).append(el("paidAmount", total))
                    .append(el("state", "RECEIPT-STATE-PAID")).append("<ns1:lineList><ns1:line>").append(el("articleNumber", x[3]))
                    .append(el("text", x[8])).append("<ns1:data>").append(el("quantity", qty)).append(el("decimalPlaces", 0))
                    .append(el("price", price)).append(el("vatPercentage", 21)).append("</ns1:data></ns1:line></ns1:lineList>")
                    .append("<ns1:paymentList><ns1:payment>").append(el("method", x[6])).append(el("amount", total))
                    .append("</ns1:payment></ns1:paymentList></ns1:receipt>");
            out.append(tampered("receipt", x[0], receipt.toString()));
        });
        return out.append("</ns1:receiptList></ns1:GetReceiptsResponse>").toString();
    }

    private static String createOrderAnswer(String result, String id, String message) {
        return "<ns1:CreateOrderResponse>" + el("result", result) + "<ns1:info>" + el("orderId", id) + el("orderString", id.isEmpty() ? ""
                : "2026-" + id.substring(0, 8)) + "</ns1:info><ns1:errorMessage>" + esc(message) + "</ns1:errorMessage></ns1:CreateOrderResponse>";
    }

    private String orderXml(StoredOrder o) {
        StringBuilder out = new StringBuilder("<ns1:order>").append(el("orderId", o.orderId())).append(el("extOrderId", o.extOrderId()))
                .append(el("syncMarker", o.syncMarker())).append(el("employeeNumber", o.employeeNumber()))
                .append(el("relationNumber", o.relationNumber())).append(el("financialBranchNumber", o.branchNumber()));
        long incl = 0;
        for (MplusSandbox.Line l : o.lines()) {
            incl += Math.round(l.price() * (l.quantity() / Math.pow(10, l.decimalPlaces()))) - l.discount();
        }
        out.append(el("totalInclAmount", incl)).append(el("totalExclAmount", incl)).append(el("vatMethod", o.vatMethod()));
        String[] state = orderStates.get(o.orderId());
        if (state != null) {
            out.append(el("fullyPaid", state[0])).append(el("deliveryState", state[1])).append(el("cancelState", state[2]));
        }
        out.append("<ns1:lineList>");
        for (MplusSandbox.Line l : o.lines()) {
            out.append("<ns1:line>").append(el("articleNumber", l.articleNumber())).append("<ns1:data>").append(el("quantity", l.quantity()))
                    .append(el("decimalPlaces", l.decimalPlaces())).append(el(l.priceIncludesVat() ? "price" : "priceExcl", l.price()))
                    .append("</ns1:data></ns1:line>");
        }
        out.append("</ns1:lineList><ns1:paymentList>");
        o.payments().forEach((m, a) -> out.append("<ns1:payment>").append(el("method", m)).append(el("amount", a)).append("</ns1:payment>"));
        return tampered("order", o.orderId(), out.append("</ns1:paymentList></ns1:order>").toString());
    }

    private String getOrder(String key, boolean byExt) {
        for (StoredOrder o : orders.values()) {
            if ((byExt ? o.extOrderId() : o.orderId()).equals(key)) {
                return "<ns1:GetOrderResponse><ns1:result>GET-ORDER-RESULT-OK</ns1:result>" + orderXml(o) + "</ns1:GetOrderResponse>";
            }
        }
        return "<ns1:GetOrderResponse><ns1:result>GET-ORDER-RESULT-NOT-FOUND</ns1:result></ns1:GetOrderResponse>";
    }

    private String getOrders(Element r, String element, java.util.function.Predicate<StoredOrder> filter) {
        long since = longValue(r, "syncMarker").orElse(0L);
        int limit = (int) (long) longValue(r, "syncMarkerLimit").orElse(1000L);
        StringBuilder out = new StringBuilder("<ns1:").append(element).append("><ns1:orderList>");
        orders.values().stream().filter(o -> o.syncMarker() > since).filter(filter)
                .sorted((a, b) -> Long.compare(a.syncMarker(), b.syncMarker())).limit(limit).forEach(o -> out.append(orderXml(o)));
        return out.append("</ns1:orderList></ns1:").append(element).append('>').toString();
    }

    private String getOrdersByExtOrderIds(Element r) {
        List<String> ids = first(r, "extOrderIds").map(l -> texts(l, "id")).orElse(List.of());
        return getOrders(r, "GetOrdersByExtOrderIdsResponse", o -> ids.contains(o.extOrderId()));
    }

    private String setStock(Element r) {
        long article = longValue(r, "articleNumber").orElse(-1L);
        int branch = (int) (long) longValue(r, "branchNumber").orElse(0L);
        if (!branches.contains(branch)) {
            return "<ns1:SetStockResponse><ns1:result>SET-STOCK-RESULT-BRANCH-NOT-FOUND</ns1:result></ns1:SetStockResponse>";
        }
        if (!articles.containsKey(article)) {
            return "<ns1:SetStockResponse><ns1:result>SET-STOCK-RESULT-ARTICLE-NOT-FOUND</ns1:result></ns1:SetStockResponse>";
        }
        long amount = longValue(r, "amount").orElse(0L);
        long places = longValue(r, "decimalPlaces").orElse(0L);
        long[] before = stock.getOrDefault(key(branch, article), new long[] {0, places});
        stock.put(key(branch, article), new long[] {amount, places});
        stockHistory.add(new long[] {++stockId, article, amount - before[0], places, API, branch});
        return "<ns1:SetStockResponse><ns1:result>SET-STOCK-RESULT-OK</ns1:result>" + el("stockId", stockId) + "</ns1:SetStockResponse>";
    }

    private static long pow10(long places) {
        long p = 1;
        for (int i = 0; i < places; i++) {
            p *= 10;
        }
        return p;
    }

    private String getStock(Element r) {
        List<String> numbers = first(r, "articleNumbers").map(l -> texts(l, "articleNumbers")).orElse(List.of());
        int branch = (int) (long) longValue(r, "branchNumber").orElse(1L);
        StringBuilder out = new StringBuilder("<ns1:GetStockResponse>");
        for (Map.Entry<Long, long[]> e : stock.entrySet()) {
            long article = e.getKey() % 1_000_000_000_000L;
            if (e.getKey() / 1_000_000_000_000L == branch && (numbers.isEmpty() || numbers.contains(String.valueOf(article)))) {
                out.append("<ns1:articleStocks>").append(el("branchNumber", branch)).append(el("articleNumber", article))
                        .append(el("stockId", stockId)).append(el("amountFree", e.getValue()[0]))
                        .append(el("decimalPlacesFree", e.getValue()[1]))
                        .append(el("amountReserved", reserved.getOrDefault(e.getKey(), 0L) * pow10(e.getValue()[1])))
                        .append(el("decimalPlacesReserved", e.getValue()[1])).append(el("amountIncoming", 0))
                        .append(el("isDayStockArticle", false)).append("</ns1:articleStocks>");
            }
        }
        return out.append("</ns1:GetStockResponse>").toString();
    }

    private String getStockHistory(Element r) {
        long since = longValue(r, "sinceStockId").orElse(0L);
        int limit = (int) (long) longValue(r, "sinceStockIdLimit").orElse(1000L);
        List<String> wanted = texts(r, "branchNumbers");
        StringBuilder out = new StringBuilder("<ns1:GetStockHistoryResponse>");
        stockHistory.stream().filter(h -> h[0] > since).filter(h -> wanted.isEmpty() || wanted.contains(String.valueOf(h[5]))).limit(limit)
                .forEach(h -> out.append("<ns1:articleStockHistory>")
                .append(el("stockId", h[0])).append(el("branchNumber", h[5])).append(el("articleNumber", h[1]))
                .append(el("amountChanged", h[2])).append(el("decimalPlaces", h[3]))
                .append(el("type", h[4] == SALES ? "STOCK-HISTORY-TYPE-SALES" : h[4] == DELIVERY ? "STOCK-HISTORY-TYPE-DELIVERY"
                        : "STOCK-HISTORY-TYPE-API"))
                .append("</ns1:articleStockHistory>"));
        return out.append("</ns1:GetStockHistoryResponse>").toString();
    }

    // ------------------------------------------------------------------ XML

    private static String el(String name, Object value) {
        return value == null ? "" : "<ns1:" + name + ">" + esc(String.valueOf(value)) + "</ns1:" + name + ">";
    }

    /** {@code s} escaped for XML text. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The child elements of {@code parent}. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> name.equals(e.getLocalName())).toList();
    }

    /** The first child element of {@code parent} named {@code name}. */
    public static Optional<Element> first(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static Element child(Element parent, String name) {
        return first(parent, name).orElseThrow(() -> new ClientFault("element " + name + " is required in " + parent.getLocalName()));
    }

    private static Optional<String> text(Element parent, String name) {
        return first(parent, name).map(Element::getTextContent).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Long> longValue(Element parent, String name) {
        Optional<String> t = text(parent, name);
        try {
            return t.map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw new ClientFault(name + " must be a whole number, was '" + t.get() + "'");
        }
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).map(String::trim).toList();
    }
}

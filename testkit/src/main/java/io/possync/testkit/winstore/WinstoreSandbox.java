package io.possync.testkit.winstore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.winstore.internal.OrderBodyCheck;
import io.possync.testkit.winstore.internal.WinstoreShop;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-process fake of Winstore's RPC web service ({@code /iposws/api/osd/{Operation}}), for tests
 * and demos. It serves what a working public client sends — HTTP Basic, the query joined with
 * {@code ?} (split here on both {@code ?} and {@code &}), ATOM dates, the XML order body — and, where
 * no answer of the live service is published, the answers the connector's README names as PROPOSAL:
 * XML by default and JSON on {@code Accept: application/json}, one element per record; articles
 * with at most 30 variants and one image, no category field; stock per GTIN (and warehouse); the
 * order body checked element by element (400 naming the element), an unknown {@code product_id} 400,
 * a second post of an order number 409 with the existing order; a changed-since answer bounded but
 * never cut inside one instant; {@code GetOrderStatus}; and faults on demand.
 *
 * <pre>{@code
 * try (WinstoreSandbox winstore = WinstoreSandbox.builder().start()) {
 *     long key = winstore.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe", "price_incl", "59.95",
 *             "variants", List.of(Map.of("gtin", "08712345678906", "size", "42", "colour", "black"))));
 *     winstore.setStock("08712345678906", 1, 5, 1);
 *     URI api = winstore.apiUri();   // in place of https://winstore-c.aca.nl/iposws/api/osd
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe.
 */
public final class WinstoreSandbox extends SandboxServer {

    private final Builder settings;
    private final WinstoreShop shop;

    private WinstoreSandbox(Builder b) {
        super("winstore-sandbox", 4, b.time);
        this.settings = b;
        this.shop = new WinstoreShop(b.time, b.zone);
        shop.supplier(7, "Acme Footwear BV");
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The service root, in place of {@code https://winstore-c.aca.nl/iposws/api/osd}. */
    public URI apiUri() {
        return URI.create(root() + "/iposws/api/osd");
    }

    /** The HTTP Basic user name. */
    public String username() {
        return settings.username;
    }

    /** The HTTP Basic password. */
    public String password() {
        return settings.password;
    }

    /**
     * The address of an article image the sandbox serves (a small JPEG, its bytes derived from
     * {@code name}), for an article's {@code image_url}: Winstore's images live on a web server of their own.
     */
    public URI imageUrl(String name) {
        return URI.create(root() + "/images/" + name);
    }

    private static byte[] image(String name) {
        byte[] label = name.getBytes(StandardCharsets.UTF_8);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        byte[] out = new byte[head.length + label.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(label, 0, out, head.length, label.length);
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    /** Adds a supplier. */
    public synchronized void seedSupplier(long id, String name) {
        shop.supplier(id, name);
    }

    /**
     * Adds an article; returns its {@code artkey}. Fields: {@code artnr}, {@code description} (required),
     * {@code gtin}, {@code description_long}, {@code brand}, {@code price_incl}, {@code vat_rate} (default 21),
     * {@code supplier_id} (default the first supplier), {@code group}, {@code active}, {@code image_url} (one),
     * {@code attributes} (a map of features), {@code variants} (a list of maps: {@code gtin}, {@code size},
     * {@code colour}, {@code price_incl}, {@code active}; at most 30).
     */
    public synchronized long seedArticle(Map<String, ?> fields) {
        return shop.addArticle(fields);
    }

    /** Changes one field of an article, which moves its {@code modified} to now. */
    public synchronized void modifyArticle(long artkey, String field, Object value) {
        shop.modifyArticle(artkey, field, value);
    }

    /** Sets the stock of a GTIN in a warehouse, its {@code modified} now. */
    public synchronized void setStock(String gtin, int warehouse, int quantity, int reserved) {
        shop.setStock(gtin, warehouse, BigDecimal.valueOf(quantity), BigDecimal.valueOf(reserved));
    }

    /** Quantity minus reserved of {@code gtins}, summed over their warehouses. */
    public synchronized BigDecimal available(java.util.Collection<String> gtins) {
        return gtins.stream().filter(shop.stockedGtins()::contains).map(g -> (BigDecimal) shop.total(g).get("available"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Enters an order as the till or the web shop would (not through the API): {@code positions} are
     * {@code product_id} (a GTIN or article number the shop has), {@code amount}, {@code single_price};
     * {@code customer} holds {@code customerid}, {@code email}, {@code fname}, {@code lname}, {@code street},
     * {@code streetnr}, {@code zip}, {@code countryISO} (any may be left out: the default debtor, empty values).
     * Returns its {@code orderid}.
     */
    public synchronized long enterOrder(String ordernr, String source, Map<String, String> customer, List<Map<String, Object>> positions) {
        Map<String, Object> order = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Map<String, Object> p : positions) {
            String product = String.valueOf(p.get("product_id"));
            if (shop.articleOf(product).isEmpty()) {
                throw new IllegalArgumentException("the shop has no product " + product);
            }
            BigDecimal price = new BigDecimal(String.valueOf(p.get("single_price")));
            int amount = Integer.parseInt(String.valueOf(p.getOrDefault("amount", 1)));
            total = total.add(price.multiply(BigDecimal.valueOf(amount)));
            rows.add(record("product_id", product, "amount", String.valueOf(amount), "single_price", price.toPlainString(),
                    "type", "S", "branch", "1"));
        }
        String iso = customer.getOrDefault("countryISO", "NL");
        order.put("ordernr", ordernr);
        order.put("orderdate", shop.localNow());
        order.put("customerid", customer.getOrDefault("customerid", "999999"));
        order.put("email", customer.getOrDefault("email", ""));
        order.put("branch", "1");
        order.put("channel", source.equals("pos") ? "Winkel" : "Webshop");
        order.put("total", total.toPlainString());
        order.put("currency", "EUR");
        order.put("invoice_add", record("fname", customer.getOrDefault("fname", ""), "lname", customer.getOrDefault("lname", ""),
                "street", customer.getOrDefault("street", ""), "streetnr", customer.getOrDefault("streetnr", ""),
                "zip", customer.getOrDefault("zip", ""), "country", iso.equals("NL") ? "Nederland" : iso, "countryISO", iso));
        order.put("positions", rows);
        order.put("source", source);
        return shop.addOrder(order);
    }

    /** Sets an order's status as a shop assistant would; its {@code modified} moves to now. */
    public synchronized void setOrderStatus(String ordernr, String status) {
        shop.setStatus(ordernr, status);
    }

    /** Copies of the articles, in key order, as the answers hold them. */
    public synchronized List<Map<String, Object>> articles() {
        return shop.articles().stream().map(a -> (Map<String, Object>) new LinkedHashMap<>(a)).toList();
    }

    /**
     * The orders posted, oldest first: the body's values as text ({@code invoice_add} a map, {@code positions}
     * a list of maps), with {@code orderid}.
     */
    public synchronized List<Map<String, Object>> orders() {
        return shop.orders().stream().map(o -> (Map<String, Object>) new LinkedHashMap<>(o)).toList();
    }

    /** The uniform verb: adds a record of {@code kind} ({@code articles}, see {@link #seedArticle}; {@code suppliers}: {@code id}, {@code name}). */
    public synchronized ObjectNode seed(String kind, Map<String, ?> record) {
        return switch (kind) {
            case "articles" -> {
                long key = seedArticle(record);
                yield Json.MAPPER.valueToTree(shop.article(key));
            }
            case "suppliers" -> {
                seedSupplier(Long.parseLong(String.valueOf(record.get("id"))), String.valueOf(record.get("name")));
                yield Json.MAPPER.valueToTree(record);
            }
            default -> throw new IllegalArgumentException("Winstore's sandbox seeds articles and suppliers, not " + kind
                    + " (orders: enterOrder)");
        };
    }

    /** The uniform verb: the records of {@code kind} ({@code articles}, {@code orders}) as JSON. */
    public List<ObjectNode> records(String kind) {
        List<Map<String, Object>> values = switch (kind) {
            case "articles" -> articles();
            case "orders" -> orders();
            default -> throw new IllegalArgumentException("Winstore's sandbox keeps articles and orders, not " + kind);
        };
        return values.stream().map(v -> (ObjectNode) Json.MAPPER.valueToTree(v)).toList();
    }

    /** The uniform verb: changes one field of a record of {@code kind} ({@code articles} by artkey, {@code orders} by ordernr: status). */
    public void modify(String kind, String id, String field, Object value) {
        switch (kind) {
            case "articles" -> modifyArticle(Long.parseLong(id), field, value);
            case "orders" -> {
                if (!field.equals("status")) {
                    throw new IllegalArgumentException("an order's " + field + " does not change; its status does");
                }
                setOrderStatus(id, String.valueOf(value));
            }
            default -> throw new IllegalArgumentException("Winstore's sandbox changes articles and orders, not " + kind);
        }
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean json = exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream().anyMatch(a -> a.contains("application/json"));
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/images/")) {
            byte[] image = image(path.substring("/images/".length()));
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            return;
        }
        String prefix = "/iposws/api/osd/";
        if (!path.startsWith(prefix)) {
            send(exchange, json, 404, "results", List.of(result(404, "no such address: " + path)));
            return;
        }
        String operation = path.substring(prefix.length());
        countEndpoint(operation);
        if (!authorized(exchange)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Winstore\"");
            send(exchange, json, 401, "results", List.of(result(401, "Unauthorized")));
            return;
        }
        Optional<Duration> wait = untilWithinLimit();
        if (wait.isPresent()) {
            throttled();
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            send(exchange, json, 429, "results", List.of(result(429, "Too many requests")));
            return;
        }
        if (operation.startsWith("GetArticleData") && !settings.articleDelay.isZero()) {
            settings.time.sleep(settings.articleDelay);
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        boolean write = exchange.getRequestMethod().equals("POST");
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        Answer answer;
        try {
            synchronized (this) {
                answer = answer(exchange.getRequestMethod(), operation, query, body);
            }
        } catch (IllegalArgumentException bad) {
            answer = new Answer(400, "results", List.of(result(400, bad.getMessage())));
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, json, answer.status(), answer.root(), answer.records());
    }

    private record Answer(int status, String root, List<Map<String, Object>> records) {
    }

    private final java.util.ArrayDeque<Instant> window = new java.util.ArrayDeque<>();

    /** Empty when this request fits the limit per minute (none by default), else how long until it would, on the sandbox's clock. */
    private synchronized Optional<Duration> untilWithinLimit() {
        if (settings.perMinute <= 0) {
            return Optional.empty();
        }
        Instant now = settings.time.now();
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(60))) {
            window.pollFirst();
        }
        if (window.size() >= settings.perMinute) {
            return Optional.of(Duration.between(now, window.peekFirst().plusSeconds(60)));
        }
        window.addLast(now);
        return Optional.empty();
    }

    private Answer answer(String method, String operation, Map<String, String> q, byte[] body) {
        if (operation.equals("PostOrderWithStatusCode") || operation.equals("PostOrderStatusWithStatusCode")) {
            if (!method.equals("POST")) {
                return new Answer(405, "results", List.of(result(405, "POST only")));
            }
            return operation.equals("PostOrderWithStatusCode") ? postOrder(body) : postStatus(body);
        }
        if (!method.equals("GET")) {
            return new Answer(405, "results", List.of(result(405, "GET only")));
        }
        return switch (operation) {
            case "GetSuppliers" -> new Answer(200, "suppliers", shop.suppliers().entrySet().stream()
                    .map(e -> record("id", e.getKey(), "name", e.getValue())).toList());
            case "GetArticleDataBySupplierId" -> {
                long id = Long.parseLong(required(q, "id"));
                yield new Answer(200, "articles", shop.articles().stream().filter(a -> a.get("supplier_id").equals(id)).toList());
            }
            case "GetArticleDataChangesByDate" -> new Answer(200, "articles",
                    WinstoreShop.changedSince(shop.articles(), date(q), settings.maxArticles, "artkey"));
            case "GetStock" -> new Answer(200, "stock", stockOf(q));
            case "GetChangedStock" -> new Answer(200, "stock", WinstoreShop.changedSince(
                    shop.stockedGtins().stream().map(shop::total).toList(), date(q), settings.maxStockRows, "gtin"));
            case "GetChangedStockWithWarehouse" -> {
                boolean outOfStock = "1".equals(q.get("outOfStock"));
                List<Map<String, Object>> rows = shop.stockRows().stream()
                        .filter(r -> outOfStock || ((BigDecimal) r.get("quantity")).signum() > 0).toList();
                yield new Answer(200, "stock", WinstoreShop.changedSince(rows, date(q), settings.maxStockRows, "gtin"));
            }
            case "GetOrderChangesByDate" -> {
                List<Map<String, Object>> orders = shop.orders().stream()
                        .filter(o -> !q.containsKey("status") || q.get("status").equals(o.get("status"))).toList();
                yield new Answer(200, "orders", WinstoreShop.changedSince(orders, date(q), settings.maxArticles, "ordernr"));
            }
            case "GetOrderStatus" -> new Answer(200, "orders", shop.order(required(q, "ordernr"))
                    .map(o -> List.of(record("ordernr", o.get("ordernr"), "orderid", o.get("orderid"), "status", o.get("status"),
                            "modified", o.get("modified")))).orElse(List.of()));
            default -> new Answer(404, "results", List.of(result(404, "Unknown operation " + operation)));
        };
    }

    private List<Map<String, Object>> stockOf(Map<String, String> q) {
        String type = required(q, "type");
        List<String> gtins = switch (type) {
            case "byArtikelKey" -> {
                long key = Long.parseLong(required(q, "artkey"));
                yield shop.articles().stream().filter(a -> a.get("artkey").equals(key)).findFirst().map(shop::gtins).orElse(List.of());
            }
            case "byGtin" -> List.of(required(q, "gtin"));
            default -> throw new IllegalArgumentException("type must be byArtikelKey or byGtin, was " + type);
        };
        return gtins.stream().filter(shop.stockedGtins()::contains).map(shop::total).toList();
    }

    private Answer postOrder(byte[] body) {
        Map<String, Object> order = OrderBodyCheck.read(body);
        String number = (String) order.get("ordernr");
        if (number.isBlank()) {
            throw new IllegalArgumentException("ordernr is empty");
        }
        String date = (String) order.get("orderdate");
        if (!date.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("orderdate '" + date + "' is not yyyy-MM-dd HH:mm:ss");
        }
        if (!((String) order.get("customerid")).matches("\\d+")) {
            throw new IllegalArgumentException("customerid '" + order.get("customerid") + "' is not a number");
        }
        decimal(order.get("total"), "total");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> positions = (List<Map<String, Object>>) order.get("positions");
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("the order has no positions");
        }
        for (Map<String, Object> p : positions) {
            String product = (String) p.get("product_id");
            if (shop.articleOf(product).isEmpty()) {
                throw new IllegalArgumentException("Unknown product_id " + product);
            }
            if (!((String) p.get("amount")).matches("-?\\d+")) {
                throw new IllegalArgumentException("amount '" + p.get("amount") + "' is not a whole number");
            }
            decimal(p.get("single_price"), "single_price");
        }
        Optional<Map<String, Object>> existing = shop.order(number);
        if (existing.isPresent()) {
            return new Answer(409, "results", List.of(record("statuscode", 409, "message", "Order already exists", "ordernr", number,
                    "orderid", existing.get().get("orderid"))));
        }
        long id = shop.addOrder(order);
        return new Answer(200, "results", List.of(record("statuscode", 200, "message", "Order created", "ordernr", number, "orderid", id)));
    }

    private Answer postStatus(byte[] body) {
        Map<String, String> status = io.possync.testkit.winstore.internal.OrderBodyCheck.readStatus(body);
        if (!List.of("new", "processing", "completed", "cancelled").contains(status.get("status"))) {
            throw new IllegalArgumentException("status '" + status.get("status") + "' is not new, processing, completed or cancelled");
        }
        Optional<Map<String, Object>> order = shop.order(status.get("ordernr"));
        if (order.isEmpty()) {
            return new Answer(404, "results", List.of(result(404, "Unknown ordernr " + status.get("ordernr"))));
        }
        shop.setStatus(status.get("ordernr"), status.get("status"));
        return new Answer(200, "results", List.of(record("statuscode", 200, "message", "Status set", "ordernr", status.get("ordernr"),
                "orderid", order.get().get("orderid"))));
    }

    private static void decimal(Object value, String field) {
        if (!String.valueOf(value).matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a decimal with '.'");
        }
    }

    private static Instant date(Map<String, String> q) {
        String date = required(q, "date");
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + date + "' is not an ATOM date with offset");
        }
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + " is missing");
        }
        return v;
    }

    /** The raw query split on both '?' and '&', each name and value percent-decoded (a literal '+' stays '+'). */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("[?&]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(name), decode(value));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((settings.username + ":" + settings.password)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static Map<String, Object> result(int status, String message) {
        return record("statuscode", status, "message", message);
    }

    private static Map<String, Object> record(Object... nameValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            r.put((String) nameValues[i], nameValues[i + 1]);
        }
        return r;
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        boolean json = exchange.getRequestHeaders().getOrDefault("Accept", List.of()).stream().anyMatch(a -> a.contains("application/json"));
        send(exchange, json, status, "results", List.of(result(status, message)));
    }

    private static void send(HttpExchange exchange, boolean json, int status, String root, List<Map<String, Object>> records) throws IOException {
        byte[] bytes;
        if (json) {
            // A single result is one object, lists of records an array (as the samples show).
            bytes = root.equals("results") && records.size() == 1 ? Json.MAPPER.writeValueAsBytes(jsonRecord(records.get(0)))
                    : Json.MAPPER.writeValueAsBytes(jsonArray(records));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        } else {
            bytes = xml(root, records).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static ArrayNode jsonArray(List<Map<String, Object>> records) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> a.add(jsonRecord(r)));
        return a;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode jsonRecord(Map<String, Object> r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        r.forEach((k, v) -> {
            if (v == null) {
                o.putNull(k);
            } else if (v instanceof List<?> list) {
                o.set(k, jsonArray((List<Map<String, Object>>) list));
            } else if (v instanceof Map<?, ?> m) {
                o.set(k, jsonRecord((Map<String, Object>) m));
            } else if (v instanceof BigDecimal d) {
                o.put(k, d);
            } else if (v instanceof Number n) {
                o.put(k, n.longValue());
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else {
                o.put(k, v.toString());
            }
        });
        return o;
    }

    private static String xml(String root, List<Map<String, Object>> records) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append('>');
        String element = root.equals("stock") ? "item" : root.substring(0, root.length() - 1);
        records.forEach(r -> xmlRecord(s, element, r));
        return s.append("</").append(root).append('>').toString();
    }

    @SuppressWarnings("unchecked")
    private static void xmlRecord(StringBuilder s, String element, Map<String, Object> r) {
        s.append('<').append(element).append('>');
        r.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                s.append('<').append(k).append('>');
                String item = k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
                list.forEach(x -> xmlRecord(s, item, (Map<String, Object>) x));
                s.append("</").append(k).append('>');
            } else if (v instanceof Map<?, ?> m) {
                xmlRecord(s, k, (Map<String, Object>) m);
            } else {
                String text = v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
                s.append('<').append(k).append('>').append(escape(text)).append("</").append(k).append('>');
            }
        });
        s.append("</").append(element).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Builds a {@link WinstoreSandbox}. */
    public static final class Builder {
        private String username = "possync-api";
        private String password = "sandbox-password";
        private TimeSource time = TimeSource.system();
        private ZoneId zone = ZoneId.of("Europe/Amsterdam");
        private int maxArticles = 100;
        private int maxStockRows = 500;
        private int perMinute;
        private java.time.Duration articleDelay = java.time.Duration.ZERO;

        private Builder() {
        }

        /** The HTTP Basic user name and password the sandbox accepts. */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** The clock of {@code modified} and of delays. */
        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        /** The zone of {@code modified} (default Europe/Amsterdam). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The most articles one changed-since answer holds (default 100; never cut inside one instant). */
        public Builder maxArticlesPerAnswer(int n) {
            this.maxArticles = n;
            return this;
        }

        /** The most stock rows one changed-since answer holds (default 500). */
        public Builder maxStockRowsPerAnswer(int n) {
            this.maxStockRows = n;
            return this;
        }

        /**
         * Answers 429 ({@code Retry-After}: the seconds until a request fits again) to a request beyond {@code n} in any minute on the sandbox's
         * clock (Winstore publishes no limit; none by default), so a connection's pacing can be tested.
         */
        public Builder limitPerMinute(int n) {
            this.perMinute = n;
            return this;
        }

        /** Delays every article answer by {@code delay} on the sandbox's clock (they are slow; none by default). */
        public Builder articleDelay(java.time.Duration delay) {
            this.articleDelay = delay;
            return this;
        }

        /** Starts the sandbox. */
        public WinstoreSandbox start() {
            return new WinstoreSandbox(this);
        }
    }
}

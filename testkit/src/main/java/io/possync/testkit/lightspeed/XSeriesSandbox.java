package io.possync.testkit.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.internal.LoopbackServer;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.internal.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An in-process fake of Lightspeed Retail X-Series (formerly Vend) API 2.0, for tests and demos:
 * products, customers, sales, inventory and outlets as the API answers them ({@code {"data":[…],
 * "version":{"min","max"}}}), every change bumping one global, increasing {@code version} that
 * {@code ?after=} pages by; customers found by e-mail through {@code /search}; OAuth2 refresh tokens
 * that rotate with the used one dying at once; the per-retailer limit of {@code 300 × registers + 50}
 * requests per 5 minutes with {@code X-RateLimit-Limit}/{@code X-RateLimit-Remaining} and 429s whose
 * {@code Retry-After} is an HTTP date; API 2.0's product creation with variant families and
 * {@code /variant_attributes} ({@code internal/ProductFamilies}), API 2.1's product updates (a family's
 * {@code common} part reaching every member); and faults on demand.
 *
 * <pre>{@code
 * try (XSeriesSandbox pos = XSeriesSandbox.builder().registers(2).start()) {
 *     ObjectNode tee = pos.seed("products", Json.MAPPER.readTree("{\"name\":\"T-shirt\",\"sku\":\"TEE\"}"));
 *     URI api = pos.apiUri();          // in place of https://{domain_prefix}.retail.lightspeed.app/api/2.0/
 *     ...
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe. Field names follow the public API reference;
 * what it leaves open is marked UNCONFIRMED in the code.
 */
public final class XSeriesSandbox extends SandboxServer {

    private static final Set<String> RESOURCES = Set.of("products", "customers", "sales", "inventory", "outlets", "payment_types",
            "registers", "users", "taxes", "variant_attributes", "product_categories");

    private final Builder settings;
    private final Map<String, LinkedHashMap<String, ObjectNode>> data = new HashMap<>();
    private final TokenIssuer tokens;
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private long version = 1_000;
    private long ids;
    private final io.possync.testkit.lightspeed.internal.ProductFamilies.Rows rows =
            new io.possync.testkit.lightspeed.internal.ProductFamilies.Rows() {
                @Override
                public java.util.Collection<ObjectNode> of(String resource) {
                    return data.get(resource).values();
                }

                @Override
                public ObjectNode add(String resource, ObjectNode row) {
                    return data.get(resource).get(seed(resource, row).get("id").asText());
                }
            };
    private final io.possync.testkit.lightspeed.internal.CategoryTree categories = new io.possync.testkit.lightspeed.internal.CategoryTree(rows);
    private final io.possync.testkit.lightspeed.internal.ProductFamilies families =
            new io.possync.testkit.lightspeed.internal.ProductFamilies(rows, categories);

    private XSeriesSandbox(Builder b) throws IOException {
        super("xseries-sandbox", 8, b.time);
        this.settings = b;
        RESOURCES.forEach(r -> data.put(r, new LinkedHashMap<>()));
        this.tokens = new TokenIssuer(b.refreshToken, true, b.tokenLifetime, b.time);
        for (String outlet : b.outlets) {
            String outletId = seed("outlets", Json.MAPPER.createObjectNode().put("name", outlet).put("currency", "EUR"))
                    .get("id").asText();
            seed("registers", Json.MAPPER.createObjectNode().put("name", outlet + " register").put("outlet_id", outletId));
        }
        seed("users", Json.MAPPER.createObjectNode().put("display_name", "API user").put("username", "api"));
        seed("taxes", Json.MAPPER.createObjectNode().put("name", "BTW hoog").put("rate", new java.math.BigDecimal("0.21")));
        for (String type : List.of("Cash", "Credit Card", "Gift Card")) {
            seed("payment_types", Json.MAPPER.createObjectNode().put("name", type));
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API 2.0 root, in place of {@code https://{domain_prefix}.retail.lightspeed.app/api/2.0/}. */
    public URI apiUri() {
        return URI.create(root() + "/api/2.0/");
    }

    /** The token endpoint, in place of {@code https://{domain_prefix}.retail.lightspeed.app/api/1.0/token}. */
    public URI tokenUri() {
        return URI.create(root() + "/api/1.0/token");
    }

    /** The OAuth2 client id. */
    public String clientId() {
        return settings.clientId;
    }

    /** The OAuth2 client secret. */
    public String clientSecret() {
        return settings.clientSecret;
    }

    /** Every refresh token issued so far, the initial one first; only the last one works. */
    public List<String> issuedRefreshTokens() {
        return tokens.issued();
    }

    /** Requests allowed per 5 minutes: 300 per register plus 50. */
    public int rateLimit() {
        return 300 * settings.registers + 50;
    }

    /** The outlets' ids, in the order they were added. */
    public synchronized List<String> outletIds() {
        return new ArrayList<>(data.get("outlets").keySet());
    }

    /** Makes every access token invalid: the next request gets 401. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /**
     * Adds a record given as plain Java values (strings, numbers, booleans, lists, maps) in the vendor's
     * field names, e.g. {@code seed(resource, Map.of("description", "Mug"))}; see {@link #seed(String, JsonNode)}.
     */
    public ObjectNode seed(String resource, Map<String, ?> record) {
        return seed(resource, Json.MAPPER.<JsonNode>valueToTree(record));
    }

    /** Adds a record (products, customers, sales, inventory, …); returns it with id, version and time stamps. */
    public synchronized ObjectNode seed(String resource, JsonNode record) {
        requireKnown(resource);
        ObjectNode row = record.deepCopy();
        if (!row.hasNonNull("id")) {
            row.put("id", new UUID(0x0a00_0000_0000_4000L, ++ids).toString());
        }
        String now = stamp();
        if (!row.has("created_at")) {
            row.put("created_at", now);
        }
        row.put("updated_at", now);
        row.putNull("deleted_at");
        row.put("version", ++version);
        if (resource.equals("products") && !row.hasNonNull("handle")) {
            row.put("handle", handle(row));
        }
        // Lists X-Series always sends, empty when there is nothing in them.
        if (resource.equals("products") && !row.has("product_codes")) {
            row.putArray("product_codes");
        }
        if (resource.equals("sales") && !row.has("adjustments")) {
            row.putArray("adjustments");
        }
        data.get(resource).put(row.get("id").asText(), row);
        return row.deepCopy();
    }

    /** Changes one field of a record, as a user would: its version moves up. */
    public synchronized void modify(String resource, String id, String field, JsonNode value) {
        requireKnown(resource);
        ObjectNode row = data.get(resource).get(id);
        if (row == null) {
            throw new IllegalArgumentException(resource + " " + id + " does not exist");
        }
        row.set(field, value);
        row.put("updated_at", stamp()).put("version", ++version);
    }

    /** Copies of the stored records of {@code resource}. */
    public synchronized List<ObjectNode> records(String resource) {
        requireKnown(resource);
        return data.get(resource).values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** A product's handle as X-Series makes one (every product has one): its name in lower case, words joined by '-'. */
    private static String handle(JsonNode product) {
        String base = product.path("name").asText(product.path("sku").asText(product.path("id").asText("product")));
        return base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void requireKnown(String resource) {
        if (!RESOURCES.contains(resource)) {
            throw new IllegalArgumentException("the sandbox has no resource '" + resource + "'");
        }
    }

    private String stamp() {
        return settings.time.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/api/1.0/token")) {
            token(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        if (!authenticated(exchange)) {
            send(exchange, 401, error("Unauthorized", "The access token is missing, invalid or expired."));
            return;
        }
        if (!withinLimit(exchange)) {
            throttled();
            send(exchange, 429, error("Too Many Requests", "Rate limiting enforced"));
            return;
        }
        boolean write = !method.equals("GET");
        java.util.Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        int status = 200;
        JsonNode answer;
        try {
            answer = handle(method, path, query(exchange.getRequestURI().getRawQuery()), body);
            if (method.equals("POST")) {
                status = 201;
            }
        } catch (ApiError e) {
            status = e.status;
            answer = error(e.status == 404 ? "Not Found" : "Bad Request", e.getMessage());
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, status, answer);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        String title = switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Service Unavailable";
        };
        send(exchange, status, error(title, message));
    }

    /** X-Series sends {@code Retry-After} as an HTTP date. */
    @Override
    protected String retryAfter(java.time.Duration delay) {
        return httpDate(settings.time.now().plus(delay));
    }

    private static final class ApiError extends RuntimeException {
        private final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private synchronized JsonNode handle(String method, String path, Map<String, String> query, byte[] body) {
        try {
            return route(method, path, query, body);
        } catch (io.possync.testkit.lightspeed.internal.ProductFamilies.Refused e) {
            throw new ApiError(e.status(), e.getMessage());
        }
    }

    private JsonNode route(String method, String path, Map<String, String> query, byte[] body) {
        if (path.equals("/api/2.0/products") && method.equals("POST")) {
            countEndpoint("POST products");
            return families.create(parse(body));
        }
        if (path.equals("/api/2.0/products") && method.equals("GET") && (query.containsKey("name") || query.containsKey("family_name"))) {
            countEndpoint("GET products by family name");
            return families.family(query.containsKey("name") ? query.get("name") : query.get("family_name"));
        }
        if (path.equals("/api/2.0/product_categories") && method.equals("GET")) {
            return categories.list(query);
        }
        if (path.equals("/api/2.0/product_categories/bulk") && method.equals("POST")) {
            countEndpoint("POST product_categories/bulk");
            return categories.bulk(parse(body));
        }
        if (path.equals("/api/2.0/variant_attributes")) {
            return switch (method) {
                case "GET" -> families.attributes();
                case "POST" -> {
                    countEndpoint("POST variant_attributes");
                    yield families.createAttribute(parse(body));
                }
                default -> throw new ApiError(405, method + " is not allowed on variant_attributes here");
            };
        }
        if (path.equals("/api/register_sales") && method.equals("POST")) {
            return registerSale(parse(body));
        }
        if (path.equals("/api/2.1/products") && method.equals("POST")) {
            return writeProduct(null, parse(body));
        }
        if (path.startsWith("/api/2.1/products/") && method.equals("PUT")) {
            return writeProduct(path.substring("/api/2.1/products/".length()), parse(body));
        }
        if (!path.startsWith("/api/2.0/")) {
            throw new ApiError(404, "No such endpoint: " + path);
        }
        String[] parts = path.substring("/api/2.0/".length()).split("/");
        String resource = parts[0];
        if (resource.equals("search") && method.equals("GET")) {
            return search(query);
        }
        if (!RESOURCES.contains(resource)) {
            throw new ApiError(404, "No such resource: " + resource);
        }
        if (parts.length == 1) {
            return switch (method) {
                case "GET" -> list(resource, query);
                case "POST" -> {
                    if (!resource.equals("customers")) {
                        throw new ApiError(405, "POST is not supported on " + resource + " here");
                    }
                    yield wrap(create(resource, parse(body)));
                }
                default -> throw new ApiError(405, method + " is not allowed on " + resource);
            };
        }
        ObjectNode row = data.get(resource).get(parts[1]);
        if (row == null) {
            throw new ApiError(404, "The " + resource.replaceAll("s$", "") + " " + parts[1] + " was not found");
        }
        if (resource.equals("sales") && parts.length == 3 && parts[2].equals("fulfill") && method.equals("POST")) {
            countEndpoint("POST sales/fulfill");
            return fulfil(row, parse(body));
        }
        return switch (method) {
            case "GET" -> wrap(row.deepCopy());
            case "PUT" -> {
                if (!resource.equals("customers")) {
                    throw new ApiError(405, "PUT is not supported on " + resource + " here");
                }
                JsonNode changes = parse(body);
                validateCustomer(changes, false);
                changes.fields().forEachRemaining(e -> {
                    if (!Set.of("id", "version", "created_at").contains(e.getKey())) {
                        row.set(e.getKey(), e.getValue());
                    }
                });
                row.put("updated_at", stamp()).put("version", ++version);
                yield wrap(row.deepCopy());
            }
            default -> throw new ApiError(405, method + " is not allowed here");
        };
    }

    /**
     * {@code POST /sales/{id}/fulfill}: a sale awaiting dispatch is shipped ({@code fulfillment_type} {@code SHIPPED}), one
     * awaiting pickup picked up ({@code PICKED_UP}); the sale becomes {@code DISPATCHED_CLOSED} or {@code PICKED_UP_CLOSED} and
     * the answer is the fulfillment with all the sale's lines.
     */
    private JsonNode fulfil(ObjectNode sale, JsonNode body) {
        String type = body.path("fulfillment_type").asText("");
        String awaiting = switch (type) {
            case "SHIPPED" -> "AWAITING_DISPATCH";
            case "PICKED_UP" -> "AWAITING_PICKUP";
            default -> throw new ApiError(400, "fulfillment_type must be SHIPPED or PICKED_UP, was '" + type + "'");
        };
        if (!sale.path("status").asText().equals(awaiting)) {
            throw new ApiError(400, "The sale cannot be fulfilled as " + type + ": its status is " + sale.path("status").asText());
        }
        sale.put("status", type.equals("SHIPPED") ? "DISPATCHED_CLOSED" : "PICKED_UP_CLOSED")
                .put("updated_at", stamp()).put("version", ++version);
        ObjectNode fulfilment = Json.MAPPER.createObjectNode().put("id", java.util.UUID.randomUUID().toString())
                .put("sale_id", sale.path("id").asText()).put("outlet_id", sale.path("outlet_id").asText())
                .put("user_id", sale.path("user_id").asText()).put("status", type).put("created_at", stamp());
        ArrayNode lines = fulfilment.putArray("line_items");
        sale.path("line_items").forEach(l -> lines.addObject().put("id", java.util.UUID.randomUUID().toString())
                .put("product_id", l.path("product_id").asText()).put("quantity", l.path("quantity").asDouble()));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("data", fulfilment);
        return out;
    }

    private JsonNode list(String resource, Map<String, String> query) {
        long after;
        int pageSize;
        try {
            after = Long.parseLong(query.getOrDefault("after", "0"));
            pageSize = Integer.parseInt(query.getOrDefault("page_size", "1000"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "after and page_size must be numbers");
        }
        if (pageSize < 1 || pageSize > 10_000) {
            throw new ApiError(400, "page_size must be between 1 and 10000");
        }
        List<ObjectNode> rows = data.get(resource).values().stream().filter(r -> r.get("version").asLong() > after)
                .sorted(Comparator.comparingLong(r -> r.get("version").asLong())).limit(pageSize).toList();
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("data");
        rows.forEach(r -> items.add(r.deepCopy()));
        if (!rows.isEmpty()) {
            out.putObject("version").put("min", rows.get(0).get("version").asLong())
                    .put("max", rows.get(rows.size() - 1).get("version").asLong());
        }
        return out;
    }

    private JsonNode search(Map<String, String> query) {
        String type = query.getOrDefault("type", "");
        if (type.equals("products") || type.equals("sales")) {
            // Search by SKU or invoice number: exact matches (UNCONFIRMED: the real search may match partially).
            String field = type.equals("products") ? "sku" : "invoice_number";
            String wanted = query.getOrDefault(field, "");
            ObjectNode out = Json.MAPPER.createObjectNode();
            ArrayNode items = out.putArray("data");
            data.get(type).values().stream().filter(r -> r.path(field).asText("").equalsIgnoreCase(wanted))
                    .forEach(r -> items.add(r.deepCopy()));
            return out;
        }
        if (!"customers".equals(type)) {
            throw new ApiError(400, "search type must be customers, products or sales here");
        }
        // Search by e-mail: exact and case-insensitive (UNCONFIRMED: the real search may match partially).
        String email = query.getOrDefault("email", "").toLowerCase(Locale.ROOT);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("data");
        data.get("customers").values().stream().filter(c -> c.path("email").asText("").toLowerCase(Locale.ROOT).equals(email))
                .filter(c -> c.path("deleted_at").isNull()).forEach(c -> items.add(c.deepCopy()));
        return out;
    }

    /**
     * API 2.1's product writes: {@code common} (name, description — shared by a variant family) and
     * {@code details} (sku, prices, supply price, and {@code inventory} as {@code current_amount} per
     * outlet). Unknown top-level or details fields are refused with 422, as the real endpoint does.
     */
    private JsonNode writeProduct(String id, JsonNode body) {
        if (!body.isObject()) {
            throw new ApiError(400, "The body must be a JSON object");
        }
        Set<String> sections = Set.of("common", "details");
        Set<String> details = Set.of("sku", "price_excluding_tax", "price_including_tax", "supply_price", "inventory", "active",
                "product_codes");
        body.fieldNames().forEachRemaining(n -> {
            if (!sections.contains(n)) {
                throw new ApiError(422, "Unknown field in payload: " + n);
            }
        });
        body.path("details").fieldNames().forEachRemaining(n -> {
            if (!details.contains(n)) {
                throw new ApiError(422, "Unknown field in payload: details." + n);
            }
        });
        ObjectNode product;
        if (id == null) {
            if (body.path("common").path("name").asText("").isBlank()) {
                throw new ApiError(422, "common.name is required");
            }
            String sku = body.path("details").path("sku").asText("");
            if (!sku.isEmpty() && data.get("products").values().stream().anyMatch(p -> p.path("sku").asText().equalsIgnoreCase(sku))) {
                throw new ApiError(422, "The SKU " + sku + " is already in use");
            }
            product = seed("products", Json.MAPPER.createObjectNode().put("active", true).put("has_variants", false)
                    .putNull("variant_parent_id"));
            product = data.get("products").get(product.get("id").asText());
        } else {
            product = data.get("products").get(id);
            if (product == null) {
                throw new ApiError(404, "The product " + id + " was not found");
            }
        }
        ObjectNode p = product;
        // common is the family's: every member of a variant family takes it (any member's id names the family).
        String family = p.path("variant_parent_id").asText("").isEmpty() ? p.get("id").asText() : p.get("variant_parent_id").asText();
        boolean inFamily = p.path("has_variants").asBoolean(false) || !p.path("variant_parent_id").asText("").isEmpty();
        for (ObjectNode member : data.get("products").values()) {
            if (member == p || inFamily && (member.get("id").asText().equals(family)
                    || member.path("variant_parent_id").asText("").equals(family))) {
                body.path("common").fields().forEachRemaining(e -> member.set(e.getKey(), e.getValue()));
                if (member != p && !body.path("common").isEmpty()) {
                    member.put("updated_at", stamp()).put("version", ++version);
                }
            }
        }
        body.path("details").fields().forEachRemaining(e -> {
            if (e.getKey().equals("product_codes")) {
                p.set("product_codes", io.possync.testkit.lightspeed.internal.ProductFamilies.codes(e.getValue()));
            } else if (!e.getKey().equals("inventory")) {
                p.set(e.getKey(), e.getValue());
            }
        });
        for (JsonNode level : body.path("details").path("inventory")) {
            String outlet = level.path("outlet_id").asText("");
            if (outlet.isEmpty() && data.get("outlets").size() == 1) {
                outlet = data.get("outlets").keySet().iterator().next();
            }
            if (!data.get("outlets").containsKey(outlet)) {
                throw new ApiError(422, "inventory needs the outlet_id of an outlet");
            }
            String o = outlet;
            ObjectNode existing = data.get("inventory").values().stream()
                    .filter(r -> r.path("product_id").asText().equals(p.get("id").asText()) && r.path("outlet_id").asText().equals(o))
                    .findFirst().orElse(null);
            if (existing == null) {
                seed("inventory", (JsonNode) Json.MAPPER.createObjectNode().put("product_id", p.get("id").asText()).put("outlet_id", o)
                        .set("inventory_level", level.path("current_amount")));
            } else {
                existing.set("inventory_level", level.path("current_amount"));
                existing.put("version", ++version);
            }
        }
        if (!p.hasNonNull("handle")) {
            p.put("handle", handle(p));
        }
        p.put("updated_at", stamp()).put("version", ++version);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("data").put("product_id", p.get("id").asText()).set("details", p.deepCopy());
        return out;
    }

    /**
     * API 0.9's {@code POST /api/register_sales}: a sale with its {@code register_sale_products} and
     * {@code register_sale_payments}, stored as API 2.0 shows sales ({@code line_items}, {@code payments}).
     */
    private JsonNode registerSale(JsonNode body) {
        if (!body.isObject()) {
            throw new ApiError(400, "The body must be a JSON object");
        }
        for (String required : List.of("register_id", "user_id")) {
            if (body.path(required).asText("").isBlank()) {
                throw new ApiError(400, required + " is required");
            }
        }
        ObjectNode register = data.get("registers").get(body.get("register_id").asText());
        if (register == null) {
            throw new ApiError(400, "register_id " + body.get("register_id").asText() + " is not a register");
        }
        String customer = body.path("customer_id").asText("");
        if (!customer.isEmpty() && !data.get("customers").containsKey(customer)) {
            throw new ApiError(400, "customer_id " + customer + " is not a customer");
        }
        ObjectNode sale = Json.MAPPER.createObjectNode();
        sale.put("outlet_id", register.path("outlet_id").asText()).put("register_id", register.get("id").asText())
                .put("user_id", body.get("user_id").asText()).put("status", body.path("status").asText("SAVED"))
                .put("invoice_number", body.path("invoice_number").asText("INV-" + (data.get("sales").size() + 1)))
                .put("source_id", body.path("source_id").asText(""))
                .put("sale_date", body.path("sale_date").asText(stamp()));
        if (!customer.isEmpty()) {
            sale.put("customer_id", customer);
        }
        java.math.BigDecimal totalPrice = java.math.BigDecimal.ZERO;
        java.math.BigDecimal totalTax = java.math.BigDecimal.ZERO;
        ArrayNode lines = sale.putArray("line_items");
        for (JsonNode p : body.path("register_sale_products")) {
            String product = p.path("product_id").asText("");
            if (!data.get("products").containsKey(product)) {
                throw new ApiError(400, "product_id " + product + " is not a product");
            }
            if (!data.get("taxes").containsKey(p.path("tax_id").asText(""))) {
                throw new ApiError(400, "tax_id is required and must be a tax");
            }
            java.math.BigDecimal quantity = p.path("quantity").decimalValue();
            java.math.BigDecimal price = p.path("price").decimalValue();
            java.math.BigDecimal tax = p.path("tax").decimalValue();
            lines.addObject().put("id", UUID.randomUUID().toString()).put("product_id", product).put("quantity", quantity)
                    .put("unit_price", price).put("unit_tax", tax).put("tax_id", p.get("tax_id").asText())
                    .put("total_price", price.multiply(quantity)).put("total_tax", tax.multiply(quantity));
            totalPrice = totalPrice.add(price.multiply(quantity));
            totalTax = totalTax.add(tax.multiply(quantity));
        }
        ArrayNode payments = sale.putArray("payments");
        for (JsonNode p : body.path("register_sale_payments")) {
            ObjectNode type = data.get("payment_types").get(p.path("retailer_payment_type_id").asText(""));
            if (type == null) {
                throw new ApiError(400, "retailer_payment_type_id must be a payment type");
            }
            payments.addObject().put("id", UUID.randomUUID().toString()).put("payment_type_id", type.get("id").asText())
                    .put("name", type.path("name").asText()).put("amount", p.path("amount").decimalValue());
        }
        sale.put("total_price", totalPrice).put("total_tax", totalTax);
        ObjectNode stored = seed("sales", sale);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("register_sale", stored);
        return out;
    }

    private ObjectNode create(String resource, JsonNode body) {
        validateCustomer(body, true);
        ObjectNode row = (ObjectNode) body.deepCopy();
        row.remove(List.of("id", "version"));
        if (!row.has("customer_code")) {
            row.put("customer_code", "C" + (data.get(resource).size() + 1));
        }
        return seed(resource, row);
    }

    private static void validateCustomer(JsonNode body, boolean create) {
        if (!body.isObject()) {
            throw new ApiError(400, "The body must be a JSON object");
        }
        if (create && body.path("first_name").asText("").isBlank() && body.path("last_name").asText("").isBlank()
                && body.path("company_name").asText("").isBlank()) {
            throw new ApiError(422, "A customer needs a first name, last name or company name");
        }
    }

    private static ObjectNode wrap(JsonNode record) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("data", record);
        return out;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiError(400, "The request body is not valid JSON");
        }
    }

    private boolean authenticated(HttpExchange exchange) {
        return tokens.accepts(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private synchronized boolean withinLimit(HttpExchange exchange) {
        long now = settings.time.nanoTime();
        long windowNanos = Duration.ofMinutes(5).toNanos();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.pollFirst();
        }
        boolean fits = window.size() < rateLimit();
        if (fits) {
            window.addLast(now);
        } else {
            Instant free = settings.time.now().plusNanos(window.peekFirst() + windowNanos - now);
            exchange.getResponseHeaders().add("Retry-After", httpDate(free.plusSeconds(1)));
        }
        exchange.getResponseHeaders().add("X-RateLimit-Limit", String.valueOf(rateLimit()));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(Math.max(0, rateLimit() - window.size())));
        return fits;
    }

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = query(form);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (!settings.clientId.equals(fields.get("client_id")) || !settings.clientSecret.equals(fields.get("client_secret"))) {
            body.put("error", "invalid_client").put("error_description", "Client authentication failed");
            send(exchange, 401, body);
            return;
        }
        // Refresh tokens rotate: the one used dies as the new one is issued.
        java.util.Optional<TokenIssuer.Grant> grant = "refresh_token".equals(fields.get("grant_type"))
                ? tokens.refresh(fields.getOrDefault("refresh_token", "")) : java.util.Optional.empty();
        if (grant.isEmpty()) {
            body.put("error", "invalid_grant").put("error_description", "The refresh token is invalid or was already used.");
            send(exchange, 400, body);
            return;
        }
        body.put("access_token", grant.get().accessToken()).put("token_type", "Bearer")
                .put("expires", grant.get().expiresAt().getEpochSecond())
                .put("expires_in", settings.tokenLifetime.toSeconds()).put("refresh_token", grant.get().refreshToken())
                .put("domain_prefix", settings.domainPrefix).put("scope", "");
        send(exchange, 200, body);
    }

    private static ObjectNode error(String error, String message) {
        return Json.MAPPER.createObjectNode().put("error", error).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LoopbackServer.sendJson(exchange, status, body);
    }

    private static Map<String, String> query(String raw) {
        return LoopbackServer.parseForm(raw);
    }

    /** Builds and starts an {@link XSeriesSandbox}. */
    public static final class Builder {
        private String domainPrefix = "possyncdemo";
        private String clientId = "possync-xseries-client";
        private String clientSecret = "xseries-secret";
        private String refreshToken = "xseries-refresh-token-0";
        private int registers = 1;
        private Duration tokenLifetime = Duration.ofDays(1);
        private TimeSource time = TimeSource.system();
        private final List<String> outlets = new ArrayList<>();

        private Builder() {
        }

        /** The OAuth2 client the token endpoint accepts. */
        public Builder client(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The refresh token the retailer's authorisation produced. */
        public Builder refreshToken(String token) {
            this.refreshToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Registers of the retailer: the limit is 300 per register plus 50 per 5 minutes (default 1). */
        public Builder registers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a retailer has at least one register");
            }
            this.registers = n;
            return this;
        }

        /** Lifetime of access tokens (default 24 hours, as X-Series issues them). */
        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = Objects.requireNonNull(d, "tokenLifetime");
            return this;
        }

        /** The time the limit window and token expiry run on (share a {@code ScaledTime} with the client). */
        public Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Adds an outlet. Without any, the retailer has one, "Main Outlet". */
        public Builder outlet(String name) {
            outlets.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Starts the sandbox on a free loopback port. */
        public XSeriesSandbox start() {
            if (outlets.isEmpty()) {
                outlets.add("Main Outlet");
            }
            try {
                return new XSeriesSandbox(this);
            } catch (IOException e) {
                throw new IllegalStateException("the X-Series sandbox could not start", e);
            }
        }
    }
}

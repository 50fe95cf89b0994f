package io.possync.connector.lightspeed.xseries.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.RecordRejectedException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.HttpApi;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One retailer's API 2.0 session: the HTTP client (rotating refresh token, the 5-minute window
 * limiter following {@code X-RateLimit-Remaining}, retries honouring {@code Retry-After} HTTP
 * dates), the request shapes, and a cache of products by id (sales and inventory name products by
 * id; their SKU is on the product). Thread-safe.
 */
public final class XSeriesSession {

    private final HttpApi api;
    private final XSeriesSettings settings;
    private final Map<String, JsonNode> products = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> customers = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> productsBySku = new ConcurrentHashMap<>();
    /** Ids and SKUs X-Series answered "not found" for, with when: not asked again for a minute. */
    private final Map<String, java.time.Instant> missing = new ConcurrentHashMap<>();
    private static final java.time.Duration MISSING_FOR = java.time.Duration.ofMinutes(1);
    private final ProductCategories categories = new ProductCategories(this);

    public XSeriesSession(HttpApi api, XSeriesSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    public HttpApi api() {
        return api;
    }

    public XSeriesSettings settings() {
        return settings;
    }

    /** Records of {@code resource} with a version above {@code after}. */
    public JsonNode page(String resource, long after, int pageSize) {
        return api.sendForJson(ApiRequest.get(resource).query("after", String.valueOf(after))
                .query("page_size", String.valueOf(pageSize)).build());
    }

    /** One record, or empty. */
    public Optional<JsonNode> get(String resource, String id) {
        try {
            return Optional.of(api.sendForJson(ApiRequest.get(resource + "/" + id).build()).path("data"));
        } catch (RecordRejectedException e) {
            if (e.vendorCode().filter("404"::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A product by id, fetched once per session. */
    public Optional<JsonNode> product(String id) {
        JsonNode known = products.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        if (recentlyMissing("id:" + id)) {
            return Optional.empty();
        }
        Optional<JsonNode> fetched = get("products", id);
        fetched.ifPresentOrElse(p -> products.put(id, p), () -> missing.put("id:" + id, settings.connection().timeSource().now()));
        return fetched;
    }

    /** Whether X-Series said {@code key} does not exist less than a minute ago (one sale names a product on every line). */
    private boolean recentlyMissing(String key) {
        java.time.Instant since = missing.get(key);
        return since != null && since.plus(MISSING_FOR).isAfter(settings.connection().timeSource().now());
    }

    /** Remembers a product read elsewhere (a products page). */
    public void remember(JsonNode product) {
        products.put(product.path("id").asText(), product);
        missing.remove("id:" + product.path("id").asText());
        missing.remove("sku:" + product.path("sku").asText("").toLowerCase(java.util.Locale.ROOT));
    }

    /** A customer by id, fetched once per session. */
    public Optional<JsonNode> customer(String id) {
        JsonNode known = customers.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JsonNode> fetched = get("customers", id);
        fetched.ifPresent(c -> customers.put(id, c));
        return fetched;
    }

    /** Records of {@code type} ({@code products}, {@code sales}) whose {@code field} matches {@code value}, via {@code /search}. */
    public JsonNode search(String type, String field, String value) {
        return api.sendForJson(ApiRequest.get("search").query("type", type).query(field, value).build()).path("data");
    }

    /** The product with this SKU (exactly, ignoring case), looked up once per session. */
    public Optional<JsonNode> productBySku(String sku) {
        JsonNode known = productsBySku.get(sku.toLowerCase(java.util.Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        String key = "sku:" + sku.toLowerCase(java.util.Locale.ROOT);
        if (recentlyMissing(key)) {
            return Optional.empty();
        }
        for (JsonNode p : search("products", "sku", sku)) {
            if (p.path("sku").asText("").equalsIgnoreCase(sku)) {
                productsBySku.put(sku.toLowerCase(java.util.Locale.ROOT), p);
                return Optional.of(p);
            }
        }
        missing.put(key, settings.connection().timeSource().now());
        return Optional.empty();
    }

    /**
     * Creates a sale through API 0.9's {@code POST /api/register_sales} (next to the 2.0 root) and
     * returns it. Not idempotent: a lost answer is an unknown outcome, resolved by searching the
     * invoice number before the next attempt.
     */
    public JsonNode registerSale(ObjectNode body) {
        String url = settings.apiRoot().resolve("../register_sales").toString();
        return api.sendForJson(ApiRequest.post(url, body.toString()).build()).path("register_sale");
    }

    /**
     * Updates product {@code id} through API 2.1 (next to the 2.0 root) with {@code common} (family-wide) and
     * {@code details} (this product) sections; safe to repeat.
     */
    public void updateProduct(String id, ObjectNode body) {
        String url = settings.apiRoot().resolve("../2.1/products/" + id).toString();
        api.sendForJson(ApiRequest.put(url, body.toString()).build());
    }

    /**
     * Creates products through API 2.0's {@code POST /products}: one standard product, or a variant family with its
     * {@code variants} (or, UNCONFIRMED, more variants of the family that has the body's name). Not idempotent: a lost
     * answer is an unknown outcome, which the engine resolves by looking the SKUs up. Returns the new products' ids.
     */
    public JsonNode createProducts(ObjectNode body) {
        JsonNode ids = api.sendForJson(ApiRequest.post("products", body.toString()).build()).path("data");
        forgetMissing(body.path("sku").asText(""));
        body.path("variants").forEach(v -> forgetMissing(v.path("sku").asText("")));
        return ids;
    }

    private void forgetMissing(String sku) {
        if (!sku.isEmpty()) {
            missing.remove("sku:" + sku.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The products of the variant family named {@code name} ({@code GET /products?family_name=}), each remembered. */
    public java.util.List<JsonNode> family(String name) {
        java.util.List<JsonNode> members = new java.util.ArrayList<>();
        for (JsonNode p : api.sendForJson(ApiRequest.get("products").query("family_name", name).build()).path("data")) {
            remember(p);
            String sku = p.path("sku").asText("");
            if (!sku.isEmpty()) {
                productsBySku.put(sku.toLowerCase(java.util.Locale.ROOT), p);
            }
            members.add(p);
        }
        return members;
    }

    /** The store's variant attributes ({@code GET /variant_attributes}): id and name of each. */
    public JsonNode variantAttributes() {
        return api.sendForJson(ApiRequest.get("variant_attributes").build()).path("data");
    }

    /** Creates the variant attribute {@code name}; returns its id. */
    public String createVariantAttribute(String name) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", name);
        return api.sendForJson(ApiRequest.post("variant_attributes", body.toString()).build()).path("data").path("id").asText();
    }

    /** One page of product categories ({@code GET /product_categories}), after the category {@code after}. */
    public JsonNode categoriesPage(Optional<String> after) {
        ApiRequest.Builder request = ApiRequest.get("product_categories").query("page_size", "1000");
        after.ifPresent(a -> request.query("after", a));
        return api.sendForJson(request.build());
    }

    /** Creates categories ({@code POST /product_categories/bulk}); returns the created ones with their {@code payload_id}. */
    public JsonNode createCategories(ObjectNode body) {
        return api.sendForJson(ApiRequest.post("product_categories/bulk", body.toString()).build()).path("data");
    }

    /** The store's product categories, read once per session. */
    public ProductCategories categories() {
        return categories;
    }

    /** Fulfils a sale ({@code POST /sales/{id}/fulfill}) as {@code SHIPPED} or {@code PICKED_UP}. */
    public JsonNode fulfil(String saleId, String fulfilmentType) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("fulfillment_type", fulfilmentType);
        return api.sendForJson(ApiRequest.post("sales/" + saleId + "/fulfill", body.toString()).build()).path("data");
    }

    /** Customers with exactly this e-mail address. */
    public JsonNode searchCustomers(String email) {
        return api.sendForJson(ApiRequest.get("search").query("type", "customers").query("email", email).build()).path("data");
    }

    /** Creates a record (not idempotent: a lost answer is an unknown outcome). */
    public JsonNode create(String resource, ObjectNode body) {
        return api.sendForJson(ApiRequest.post(resource, body.toString()).build()).path("data");
    }

    /** Replaces fields of a record (safe to repeat). */
    public JsonNode update(String resource, String id, ObjectNode body) {
        return api.sendForJson(ApiRequest.put(resource + "/" + id, body.toString()).build()).path("data");
    }
}

package io.possync.testkit.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The X-Series sandbox's API 2.0 product creation and variant attributes, from the OpenAPI document
 * ({@code ProductCreateBody}, {@code ProductAddVariantPayload}, {@code VariantAttribute}) and the vendor's "Creating
 * variants" and "Variants" pages: {@code POST /products} with {@code name} and {@code variants[]}, each with
 * {@code variant_definitions[{attribute_id, value}]}, creates a family — a parent product (the body's {@code sku},
 * {@code has_variants}, no option values) and one child per variant ({@code variant_parent_id}, {@code variant_options},
 * {@code variant_name} "name / value / value"); names are shared only within a family, so a body naming an existing
 * family adds its variants to that family (UNCONFIRMED in the vendor's documents); without {@code variants} it creates
 * one standard product. The answer is {@code {"data": [ids of the new products]}}.
 */
public final class ProductFamilies {

    /** A request the API refuses, with its HTTP status. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }
    }

    /** Where the sandbox keeps its rows. */
    public interface Rows {
        /** The live rows of {@code resource}. */
        Collection<ObjectNode> of(String resource);

        /** Stores a new row (id, version, time stamps set); returns the stored row. */
        ObjectNode add(String resource, ObjectNode row);
    }

    private static final Set<String> PRODUCT_FIELDS = Set.of("name", "description", "handle", "sku", "product_codes", "source",
            "source_id", "source_variant_id", "is_active", "price_including_tax", "price_excluding_tax", "supply_price", "supplier_id",
            "supplier_code", "product_suppliers", "product_type_id", "product_category_id", "brand_id", "tag_ids", "attributes",
            "images", "inventory", "account_code_sale", "account_code_purchase", "loyalty_amount", "weight", "weight_unit", "length",
            "width", "height", "dimensions_unit", "variants", "all_outlets_tax", "outlet_taxes", "composite");
    private static final Set<String> VARIANT_FIELDS = Set.of("sku", "product_codes", "price_including_tax", "price_excluding_tax",
            "supply_price", "supplier_code", "product_suppliers", "images", "weight", "weight_unit", "length", "width", "height",
            "dimensions_unit", "inventory", "all_outlets_tax", "outlet_taxes", "variant_definitions");
    /** The vendor's limit of variants per family. */
    private static final int MAX_VARIANTS = 200;

    private final Rows rows;
    private final CategoryTree categories;

    public ProductFamilies(Rows rows, CategoryTree categories) {
        this.rows = rows;
        this.categories = categories;
    }

    /** {@code POST /api/2.0/products}. */
    public JsonNode create(JsonNode body) {
        if (!body.isObject()) {
            throw new Refused(400, "The body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!PRODUCT_FIELDS.contains(f)) {
                throw new Refused(422, "Unknown field in payload: " + f);
            }
        });
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw new Refused(422, "name is required");
        }
        bothPrices(body, "the product");
        List<String> created = new ArrayList<>();
        JsonNode variants = body.path("variants");
        if (!variants.isArray() || variants.isEmpty()) {
            if (named(name).findAny().isPresent()) {
                throw new Refused(422, "The name " + name + " is used by another product; only the variants of one family share a name");
            }
            created.add(rows.add("products", product(body, name)).get("id").asText());
            return answer(created);
        }
        Optional<ObjectNode> parent = named(name).filter(p -> p.path("has_variants").asBoolean(false)
                && p.path("variant_parent_id").isNull()).findFirst();
        if (parent.isEmpty() && named(name).findAny().isPresent()) {
            throw new Refused(422, "The name " + name + " is used by a standard product; only the variants of one family share a name");
        }
        long existing = parent.map(p -> named(name).filter(c -> c.path("variant_parent_id").asText("").equals(p.get("id").asText())).count())
                .orElse(0L);
        if (existing + variants.size() > MAX_VARIANTS) {
            throw new Refused(422, "A family has at most " + MAX_VARIANTS + " variants");
        }
        Set<String> skus = new java.util.HashSet<>();
        for (JsonNode v : variants) {
            String sku = v.path("sku").asText("").toLowerCase(Locale.ROOT);
            if (!sku.isEmpty() && (!skus.add(sku) || sku.equalsIgnoreCase(body.path("sku").asText("")))) {
                throw new Refused(422, "The SKU " + v.path("sku").asText() + " is used twice in the payload");
            }
        }
        List<ObjectNode> children = new ArrayList<>();
        for (JsonNode v : variants) {
            children.add(variant(v, name));
        }
        ObjectNode p;
        if (parent.isPresent()) {
            p = parent.get();
        } else {
            ObjectNode fresh = product(body, name);
            fresh.put("has_variants", true).putArray("variant_options");
            p = rows.add("products", fresh);
            created.add(p.get("id").asText());
        }
        for (ObjectNode child : children) {
            child.put("variant_parent_id", p.get("id").asText());
            child.put("active", p.path("active").asBoolean(true)).put("is_active", p.path("active").asBoolean(true));
            for (String family : List.of("description", "product_type_id")) {
                if (p.has(family)) {
                    child.set(family, p.get(family));
                }
            }
            created.add(rows.add("products", child).get("id").asText());
        }
        return answer(created);
    }

    /** {@code GET /api/2.0/products?name=…} (or {@code family_name}): the products of the family with that name. */
    public JsonNode family(String name) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode data = out.putArray("data");
        named(name).forEach(p -> data.add(p.deepCopy()));
        return out;
    }

    /** {@code GET /api/2.0/variant_attributes}. */
    public JsonNode attributes() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode data = out.putArray("data");
        rows.of("variant_attributes").forEach(a -> data.add(a.deepCopy()));
        return out;
    }

    /** {@code POST /api/2.0/variant_attributes} with {@code name}. */
    public JsonNode createAttribute(JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw new Refused(422, "name is required");
        }
        if (rows.of("variant_attributes").stream().anyMatch(a -> a.path("name").asText().equalsIgnoreCase(name))) {
            throw new Refused(422, "A variant attribute named " + name + " already exists");
        }
        ObjectNode stored = rows.add("variant_attributes", Json.MAPPER.createObjectNode().put("name", name));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("data").put("id", stored.get("id").asText()).put("name", name)
                .put("created_at", stored.path("created_at").asText()).put("updated_at", stored.path("updated_at").asText());
        return out;
    }

    private java.util.stream.Stream<ObjectNode> named(String name) {
        return rows.of("products").stream().filter(p -> p.path("deleted_at").isNull() && p.path("name").asText("").equals(name));
    }

    private ObjectNode product(JsonNode body, String name) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("name", name).put("variant_name", name).put("has_variants", false)
                .putNull("variant_parent_id");
        for (String f : List.of("description", "sku", "source_id", "price_including_tax", "price_excluding_tax", "supply_price")) {
            if (body.has(f)) {
                p.set(f, body.get(f));
            }
        }
        if (body.has("product_codes")) {
            p.set("product_codes", codes(body.get("product_codes")));
        }
        String category = body.path("product_category_id").asText("");
        if (!category.isEmpty()) {
            if (!categories.exists(category)) {
                throw new Refused(422, "product_category_id " + category + " is no product category");
            }
            // Product types are now product categories: a product's category reads back as its product_type_id.
            p.put("product_type_id", category);
        }
        String sku = p.path("sku").asText("");
        if (sku.isEmpty()) {
            p.put("sku", String.valueOf(10_000 + rows.of("products").size()));
        } else {
            requireFreeSku(sku);
        }
        boolean active = body.path("is_active").asBoolean(true);
        return p.put("active", active).put("is_active", active).put("source", "USER");
    }

    private ObjectNode variant(JsonNode v, String name) {
        if (!v.isObject()) {
            throw new Refused(422, "variants[] holds objects");
        }
        v.fieldNames().forEachRemaining(f -> {
            if (!VARIANT_FIELDS.contains(f)) {
                throw new Refused(422, "Unknown field in payload: variants[]." + f);
            }
        });
        bothPrices(v, "a variant");
        JsonNode definitions = v.path("variant_definitions");
        if (!definitions.isArray() || definitions.isEmpty()) {
            throw new Refused(422, "variants[].variant_definitions is required");
        }
        ObjectNode child = Json.MAPPER.createObjectNode().put("name", name).put("has_variants", true);
        ArrayNode options = child.putArray("variant_options");
        StringBuilder variantName = new StringBuilder(name);
        for (JsonNode d : definitions) {
            String attributeId = d.path("attribute_id").asText("");
            ObjectNode attribute = rows.of("variant_attributes").stream().filter(a -> a.get("id").asText().equals(attributeId))
                    .findFirst().orElseThrow(() -> new Refused(422, "variant_definitions: no variant attribute " + attributeId));
            String value = d.path("value").asText("");
            if (value.isBlank()) {
                throw new Refused(422, "variant_definitions: a value is required for " + attribute.path("name").asText());
            }
            options.addObject().put("id", attributeId).put("name", attribute.path("name").asText()).put("value", value);
            variantName.append(" / ").append(value);
        }
        child.put("variant_name", variantName.toString());
        for (String f : List.of("sku", "price_including_tax", "price_excluding_tax", "supply_price")) {
            if (v.has(f)) {
                child.set(f, v.get(f));
            }
        }
        if (v.has("product_codes")) {
            child.set("product_codes", codes(v.get("product_codes")));
        }
        String sku = child.path("sku").asText("");
        if (sku.isEmpty()) {
            child.put("sku", String.valueOf(20_000 + rows.of("products").size()));
        } else {
            requireFreeSku(sku);
        }
        return child.put("source", "USER");
    }

    /**
     * {@code product_codes} as stored: each code with its type as the answer schema lists it ({@code EAN}, upper case;
     * the document's product example shows a lower-case {@code custom}, so readers take either); an unknown type is refused.
     */
    public static ArrayNode codes(JsonNode sent) {
        if (!sent.isArray()) {
            throw new Refused(422, "product_codes must be an array");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode c : sent) {
            String type = c.path("type").asText("");
            if (!Set.of("CUSTOM", "EAN", "ISBN", "ITF", "JAN", "UPC").contains(type.toUpperCase(Locale.ROOT))) {
                throw new Refused(422, "product_codes: unknown type '" + type + "'");
            }
            if (c.path("code").asText("").isBlank()) {
                throw new Refused(422, "product_codes: a code is required");
            }
            out.addObject().put("type", type.toUpperCase(Locale.ROOT)).put("code", c.path("code").asText());
        }
        return out;
    }

    private void requireFreeSku(String sku) {
        if (rows.of("products").stream().anyMatch(p -> p.path("sku").asText("").toLowerCase(Locale.ROOT).equals(sku.toLowerCase(Locale.ROOT)))) {
            throw new Refused(422, "The SKU " + sku + " is already in use");
        }
    }

    private static void bothPrices(JsonNode body, String what) {
        if (body.has("price_including_tax") && body.has("price_excluding_tax")) {
            throw new Refused(422, "You cannot include both price_including_tax and price_excluding_tax for " + what);
        }
    }

    private static JsonNode answer(List<String> ids) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode data = out.putArray("data");
        // The vendor's document promises the new ids, not their order: the sandbox answers them in reverse.
        for (int i = ids.size() - 1; i >= 0; i--) {
            data.add(ids.get(i));
        }
        return out;
    }
}

package io.possync.connector.lightspeed.xseries.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the X-Series sink writes variant families, in one place because two of its facts are UNCONFIRMED:
 *
 * <ul>
 *   <li>A family is created in one {@code POST /api/2.0/products} with its {@code name} and its {@code variants}, each
 *       with {@code variant_definitions} ({@code attribute_id} from {@code /variant_attributes}, created when missing, and
 *       the value) — the vendor's "Creating variants" page and OpenAPI document. The answer's ids come in no promised
 *       order, so the family is read back by name ({@code GET /products?family_name=}) to pair ids with SKUs.</li>
 *   <li>UNCONFIRMED: the body's top-level {@code sku} (the configurable product's SKU) becomes the SKU of the family's
 *       parent, so the family is found by that SKU in any later process.</li>
 *   <li>UNCONFIRMED: a body with the name of an existing family adds its variants to that family (the update endpoint
 *       cannot create variants, and only a family's products share a name).</li>
 * </ul>
 *
 * A configurable product that comes without new variants waits (rejected, so in the retry queue) until a variant
 * creates its family; its common fields are kept for that variant in this process. Thread-safe.
 */
public final class VariantFamilies {

    private final XSeriesSession session;
    /** Variant attribute ids by lower-case name; read once per session. */
    private final Map<String, String> attributeIds = new HashMap<>();
    private boolean attributesRead;
    /** The common part of families whose configurable product came before any variant, by lower-case SKU. */
    private final Map<String, ObjectNode> waiting = new ConcurrentHashMap<>();

    public VariantFamilies(XSeriesSession session) {
        this.session = session;
    }

    /**
     * The {@code variant_definitions} for {@code values} (attribute name → value): each attribute's id, the attribute
     * created when the store has none of that name ({@code colour} and {@code color} are one).
     */
    public synchronized ArrayNode definitions(Map<String, String> values, Ref record, String sku) {
        if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
            throw RecordRejectedException.builder("variant " + sku + " has no attribute values; an X-Series variant needs at least one"
                    + " (its variant_definitions)").record(record).fieldPath("variant_definitions").build();
        }
        if (!attributesRead) {
            for (JsonNode a : session.variantAttributes()) {
                attributeIds.putIfAbsent(key(a.path("name").asText("")), a.path("id").asText());
            }
            attributesRead = true;
        }
        ArrayNode definitions = JsonNodeFactory.instance.arrayNode();
        values.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String id = attributeIds.computeIfAbsent(key(name), k -> session.createVariantAttribute(display(name)));
            definitions.addObject().put("attribute_id", id).put("value", value);
        });
        return definitions;
    }

    /**
     * Creates the family {@code body} describes (or adds its variants to the family of that name) and returns the
     * family's products by lower-case SKU.
     */
    public Map<String, JsonNode> create(ObjectNode body) {
        session.createProducts(body);
        Map<String, JsonNode> bySku = new HashMap<>();
        for (JsonNode p : session.family(body.path("name").asText())) {
            bySku.put(p.path("sku").asText("").toLowerCase(Locale.ROOT), p);
        }
        return bySku;
    }

    /** The parent of the family whose configurable product has {@code sku}, when X-Series has it. */
    public Optional<JsonNode> parent(String sku) {
        return session.productBySku(sku).filter(p -> p.path("variant_parent_id").asText("").isEmpty());
    }

    /** Keeps {@code common} (name, description, SKU, active) of a family whose configurable product came first. */
    public void waitForVariants(String sku, ObjectNode common) {
        waiting.put(sku.toLowerCase(Locale.ROOT), common.deepCopy());
    }

    /** The common part kept for the family of {@code sku}, taken away. */
    public Optional<ObjectNode> takeWaiting(String sku) {
        return Optional.ofNullable(waiting.remove(sku.toLowerCase(Locale.ROOT)));
    }

    private static String key(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.equals("colour") ? "color" : lower;
    }

    private static String display(String name) {
        String trimmed = name.trim();
        return trimmed.isEmpty() ? trimmed : Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}

package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configurable products as Lightspeed ItemMatrices and their variants as the matrix's items.
 *
 * <p>A matrix needs an ItemAttributeSet whose attribute names are the product's axes: the
 * configurable product's attribute names (or, for a variant, its own), matched case-insensitively
 * against the account's sets ({@code color}/{@code colour} are the same axis). Matrices carry no
 * SKU, so a variant finds its matrix by the parent SKU: a matrix possync created in this process, a
 * parent SKU of the form {@code matrix-<id>} (matrices read from Lightspeed), or an existing variant
 * item whose custom SKU starts with the parent SKU and a separator. Thread-safe.
 */
public final class ItemMatrices {

    /** A matrix: its id and its attribute set's id and attribute names, in order. */
    public record Matrix(String id, String attributeSetId, List<String> attributeNames) {
    }

    private final LightspeedRetailSession session;
    private final Map<String, Matrix> byParentSku = new ConcurrentHashMap<>();
    private volatile List<JsonNode> sets;

    public ItemMatrices(LightspeedRetailSession session) {
        this.session = session;
    }

    /** Creates the matrix for a configurable product; {@code body} holds the item fields (description, prices, category). */
    public Matrix create(Product product, ObjectNode body) {
        JsonNode set = attributeSet(product, product.attributes().keySet().stream().toList());
        ObjectNode matrix = body.deepCopy();
        matrix.remove(List.of("customSku", "ean", "upc", "itemType", "archived", "CustomFieldValues"));
        matrix.put("itemAttributeSetID", Lenient.text(set, "itemAttributeSetID").orElseThrow());
        JsonNode created = session.create("ItemMatrix", matrix);
        Matrix m = matrix(Lenient.text(created, "itemMatrixID").orElseThrow(), set);
        byParentSku.put(key(product.sku()), m);
        return m;
    }

    /** Updates a matrix's description, prices and category. */
    public void update(String matrixId, ObjectNode body) {
        ObjectNode matrix = body.deepCopy();
        matrix.remove(List.of("customSku", "ean", "upc", "itemType", "archived", "CustomFieldValues"));
        session.update("ItemMatrix", matrixId, matrix);
    }

    /** The matrix of {@code parentSku}, if Lightspeed has one. */
    public Optional<Matrix> find(String parentSku) {
        Matrix known = byParentSku.get(key(parentSku));
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> id = Optional.empty();
        if (parentSku.startsWith(LightspeedRetailConverters.MATRIX_SKU_PREFIX)) {
            id = Optional.of(parentSku.substring(LightspeedRetailConverters.MATRIX_SKU_PREFIX.length()));
        } else {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("customSku", "~," + parentSku + "-%");
            query.put("itemMatrixID", ">,0");
            query.put("archived", "true");
            query.put("limit", "1");
            for (JsonNode item : Lenient.list(session.list("Item", query), "Item")) {
                id = Lenient.id(item, "itemMatrixID");
            }
        }
        Optional<Matrix> found = id.flatMap(i -> session.get("ItemMatrix", i, List.of("ItemAttributeSet"))
                .map(m -> matrix(i, m.path("ItemAttributeSet"))));
        found.ifPresent(m -> byParentSku.put(key(parentSku), m));
        return found;
    }

    /** The {@code ItemAttributes} of a variant of {@code matrix}: its attribute values in the set's order. */
    public static ObjectNode attributes(Matrix matrix, Product variant, ObjectNode into) {
        ObjectNode attributes = into.putObject("ItemAttributes");
        Map<String, String> values = new LinkedHashMap<>();
        variant.attributes().forEach((k, v) -> values.put(axis(k), v));
        for (int i = 0; i < matrix.attributeNames().size(); i++) {
            String value = values.get(axis(matrix.attributeNames().get(i)));
            if (value == null) {
                throw RecordRejectedException.builder("variant " + variant.sku() + " has no value for the matrix's axis '"
                        + matrix.attributeNames().get(i) + "'").record(variant.sourceRef()).fieldPath("attributes").build();
            }
            attributes.put("attribute" + (i + 1), value);
        }
        attributes.put("itemAttributeSetID", matrix.attributeSetId());
        return attributes;
    }

    private JsonNode attributeSet(Product product, List<String> axes) {
        if (axes.isEmpty()) {
            throw RecordRejectedException.builder("configurable product " + product.sku() + " names no axes; give it its"
                    + " attributes (e.g. size, color) so an ItemAttributeSet can be chosen").record(product.sourceRef())
                    .fieldPath("attributes").build();
        }
        List<String> wanted = axes.stream().map(ItemMatrices::axis).sorted().toList();
        for (JsonNode set : sets()) {
            List<String> names = names(set).stream().map(ItemMatrices::axis).sorted().toList();
            if (names.equals(wanted)) {
                return set;
            }
        }
        throw RecordRejectedException.builder("Lightspeed has no ItemAttributeSet with the axes " + axes
                + "; create one (Settings → Item attributes) or map the product's attributes").record(product.sourceRef())
                .fieldPath("attributes").build();
    }

    private List<JsonNode> sets() {
        List<JsonNode> s = sets;
        if (s == null) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "100");
            s = Lenient.list(session.list("ItemAttributeSet", query), "ItemAttributeSet");
            sets = s;
        }
        return s;
    }

    private static Matrix matrix(String id, JsonNode set) {
        return new Matrix(id, Lenient.text(set, "itemAttributeSetID").orElse("0"), names(set));
    }

    private static List<String> names(JsonNode set) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Lenient.text(set, "attributeName" + i).ifPresent(names::add);
        }
        return names;
    }

    /** An axis name compared loosely: case-insensitive, British and American spelling of colour alike. */
    private static String axis(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("colour") ? "color" : n;
    }

    private static String key(String sku) {
        return sku.toUpperCase(Locale.ROOT);
    }
}

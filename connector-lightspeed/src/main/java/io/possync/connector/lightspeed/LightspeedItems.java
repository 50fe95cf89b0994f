package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.RecordRejectedException;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.lightspeed.internal.Categories;
import io.possync.connector.lightspeed.internal.ChangeFeed;
import io.possync.connector.lightspeed.internal.InFilter;
import io.possync.connector.lightspeed.internal.ItemLookup;
import io.possync.connector.lightspeed.internal.ItemMatrices;
import io.possync.connector.lightspeed.internal.Lenient;
import io.possync.connector.lightspeed.internal.LightspeedRetailConverters;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lightspeed Retail items as a source and a sink, keyed by custom SKU (or EAN).
 *
 * <p>As a source it reads items changed since the last run (archived ones included, as unpublished
 * products). An item of an ItemMatrix is a {@code VARIANT} whose parent SKU is
 * {@code matrix-<itemMatrixID>} and whose attributes are named by the matrix's attribute set
 * (e.g. {@code color}, {@code size}); the matrix itself comes first in the same page as a
 * {@code CONFIGURABLE} product with that SKU. As a sink it creates and updates simple and
 * non-inventory items: description, custom SKU, EAN, cost, the price at the settings' price level,
 * archived and category (created when missing); a configurable product becomes an ItemMatrix
 * (its attribute names choose the ItemAttributeSet) and its variants the matrix's items with their
 * attribute values. The product's main image is uploaded as the item's one image when the item has
 * none (a changed image does not replace it).
 *
 * <pre>{@code
 * Flow.products("pos-products").from(lightspeed.items()).to(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class LightspeedItems extends LightspeedRetailCapability implements Source<Product>, Sink<Product>, BatchLookupSink<Product> {

    private static final int DESCRIPTION_MAX = 255;
    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed items")
            .field(MappableField.text("description").maxLength(DESCRIPTION_MAX).asRequired().describe("the item's name"), "name")
            .field(MappableField.text("customSku").describe("the SKU"), "sku", FieldMode.CREATE_ONLY)
            .field(MappableField.text("ean"), "ean")
            .field(MappableField.number("defaultCost"), "cost.amount", FieldMode.CREATE_ONLY)
            .field(MappableField.number("price").describe("the price of the settings' price level"), "price.amount")
            .field(MappableField.bool("archived").describe("archived while a draft; on create only, unless the mapping writes it on update"), "$not(published)", FieldMode.CREATE_ONLY)
            .field(MappableField.text("category").describe("category path, levels separated by '|' (Lightspeed's fullPathName);"
                    + " created when missing"), "categories[0] ? $join(categories[0].segments, '|')")
            .field(MappableField.text("itemType").describe("default, non_inventory, …: a product without stock management is"
                    + " non_inventory"), "type = 'VIRTUAL' or stockManaged = false ? 'non_inventory' : 'default'", FieldMode.CREATE_ONLY)
            .mappable(MappableField.text("manufacturerSku"))
            .mappable(MappableField.text("upc"))
            .mappable(MappableField.number("taxClassID").describe("the Lightspeed tax class's id"))
            .mappable(MappableField.object("customFields").describe("item custom fields by name → value (CustomFieldValues), e.g."
                    + " a product feature: {'Origin': features.origin}"))
            .build();
    private static final List<String> MATRIX_RELATIONS = List.of("Prices", "ItemAttributeSet", "Category");

    private final ChangeFeed<Product> feed;
    private final ItemLookup lookup;
    private final Categories categories;
    private final ItemMatrices matrices;
    private final io.possync.api.http.ImageDownload images = io.possync.api.http.ImageDownload.create();

    LightspeedItems(LightspeedRetailSession session) {
        super(session);
        List<String> relations = new ArrayList<>(List.of("Prices", "Category", "ItemAttributes", "ItemAttributes.ItemAttributeSet",
                "Images"));
        if (!session.settings().customFields().isEmpty()) {
            relations.add("CustomFieldValues");
        }
        this.feed = new ChangeFeed<>(session, "Item", "itemID", EntityType.PRODUCT, Map.of("archived", "true"), relations,
                row -> List.of(converters.item(row)));
        this.lookup = new ItemLookup(session);
        this.categories = new Categories(session);
        this.matrices = new ItemMatrices(session);
    }

    /** Changed items; each matrix whose variants are in the page precedes them as a configurable product. */
    @Override
    public Page<Product> changesSince(Cursor cursor, int limit) {
        Page<Product> page = feed.read(cursor, limit);
        Set<String> matrixIds = new LinkedHashSet<>();
        for (Product p : page.records()) {
            p.parentSku().filter(s -> s.startsWith(LightspeedRetailConverters.MATRIX_SKU_PREFIX))
                    .ifPresent(s -> matrixIds.add(s.substring(LightspeedRetailConverters.MATRIX_SKU_PREFIX.length())));
        }
        if (matrixIds.isEmpty()) {
            return page;
        }
        Map<String, Product> matrices = matrices(matrixIds);
        List<Product> records = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Product p : page.records()) {
            Optional<String> parent = p.parentSku();
            if (parent.isPresent() && matrices.containsKey(parent.get()) && placed.add(parent.get())) {
                records.add(matrices.get(parent.get()));
            }
            records.add(p);
        }
        return new Page<>(records, page.next(), page.hasMore());
    }

    private Map<String, Product> matrices(Set<String> ids) {
        Map<String, Product> out = new LinkedHashMap<>();
        for (List<String> chunk : InFilter.chunks(new ArrayList<>(ids))) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("itemMatrixID", InFilter.of(chunk));
            query.put("archived", "true");
            query.put("load_relations", LightspeedRetailSession.relations(MATRIX_RELATIONS));
            for (JsonNode m : Lenient.list(session.list("ItemMatrix", query), "ItemMatrix")) {
                Product p = converters.matrix(m);
                out.put(p.sku(), p);
            }
        }
        return out;
    }

    @Override
    public Optional<Product> fetch(String id) {
        if (id.startsWith(LightspeedRetailConverters.MATRIX_SKU_PREFIX)) {
            return session.get("ItemMatrix", id.substring(LightspeedRetailConverters.MATRIX_SKU_PREFIX.length()), MATRIX_RELATIONS)
                    .map(converters::matrix);
        }
        return session.get("Item", id, List.of("Prices", "Category", "ItemAttributes", "ItemAttributes.ItemAttributeSet", "Images"))
                .map(converters::item);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU, KeyType.EAN);
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> out = new LinkedHashMap<>();
        for (KeyType type : List.of(KeyType.SKU, KeyType.EAN)) {
            List<String> values = keys.stream().filter(k -> k.type() == type).map(NaturalKey::value).distinct().toList();
            if (values.isEmpty()) {
                continue;
            }
            Map<String, JsonNode> found = lookup.by(type == KeyType.SKU ? "customSku" : "ean", values, List.of());
            for (NaturalKey key : keys) {
                if (key.type() == type) {
                    JsonNode item = found.get(key.value().toLowerCase(Locale.ROOT));
                    if (item != null) {
                        out.put(key, ref(item));
                    } else if (type == KeyType.SKU && key.value().startsWith(LightspeedRetailConverters.MATRIX_SKU_PREFIX)) {
                        matrices.find(key.value()).ifPresent(m -> out.put(key, matrixRef(m.id())));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Ref create(MappedRecord<Product> record) {
        Product product = record.record();
        ObjectNode body = body(record, true);
        if (product.type() == ProductType.CONFIGURABLE) {
            // A matrix has no SKU to look it up by before the write: check by its variants' SKUs instead.
            Optional<ItemMatrices.Matrix> existing = matrices.find(product.sku());
            if (existing.isPresent()) {
                matrices.update(existing.get().id(), body);
                return matrixRef(existing.get().id());
            }
            return matrixRef(matrices.create(product, body).id());
        }
        if (product.type() == ProductType.VARIANT) {
            ItemMatrices.Matrix matrix = matrixOf(product);
            body.put("itemMatrixID", matrix.id());
            ItemMatrices.attributes(matrix, product, body);
        }
        Ref item = ref(session.create("Item", body));
        // An image that fails leaves the item in place; the engine retries the record as an update, which uploads it.
        uploadImage(item.id(), product, false);
        return item;
    }

    /**
     * Uploads the product's main image when the item has none: an R-Series item carries one image. On an update with
     * {@code imagesOnUpdate}, an item whose image is another file (by file name) gets the product's image: the new one is
     * uploaded first and the old ones deleted after, so a failure never leaves the item without an image.
     */
    private void uploadImage(String itemId, Product product, boolean update) {
        if (product.imageUrls().isEmpty()) {
            return;
        }
        List<JsonNode> current = session.get("Item", itemId, List.of("Images"))
                .map(i -> Lenient.list(i.path("Images"), "Image")).orElse(List.of());
        if (current.isEmpty()) {
            session.uploadImage(itemId, images.fetch(product.imageUrls().get(0)), product.name());
            return;
        }
        String wanted = fileName(product.imageUrls().get(0));
        boolean same = current.size() == 1 && Lenient.text(current.get(0), "filename").filter(wanted::equals).isPresent();
        if (!update || !session.settings().imagesOnUpdate() || same) {
            return;
        }
        session.uploadImage(itemId, images.fetch(product.imageUrls().get(0)), product.name());
        for (JsonNode old : current) {
            Lenient.text(old, "imageID").ifPresent(session::deleteImage);
        }
    }

    /** The file name an image URL uploads as (the download's name: the URL path's last segment). */
    private static String fileName(String url) {
        String path = java.net.URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "image" : name;
    }

    @Override
    public Ref update(Ref target, MappedRecord<Product> record) {
        if (target.id().startsWith(LightspeedRetailConverters.MATRIX_SKU_PREFIX)) {
            matrices.update(target.id().substring(LightspeedRetailConverters.MATRIX_SKU_PREFIX.length()), body(record, false));
            return target;
        }
        Ref item = ref(session.update("Item", target.id(), body(record, false)));
        uploadImage(item.id(), record.record(), true);
        return item;
    }

    private ItemMatrices.Matrix matrixOf(Product variant) {
        String parent = variant.parentSku().orElseThrow(() -> RecordRejectedException.builder("variant " + variant.sku()
                + " names no parent SKU").record(variant.sourceRef()).fieldPath("parentSku").build());
        return matrices.find(parent).orElseThrow(() -> RecordRejectedException.builder("the parent '" + parent
                + "' of variant " + variant.sku() + " is not in Lightspeed yet").record(variant.sourceRef())
                .fieldPath("parentSku").build());
    }

    private static Ref matrixRef(String matrixId) {
        return new Ref(LightspeedRetail.SYSTEM, EntityType.PRODUCT, LightspeedRetailConverters.MATRIX_SKU_PREFIX + matrixId);
    }

    private ObjectNode body(MappedRecord<Product> record, boolean create) {
        Product product = record.record();
        ObjectNode fields = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        fields.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && !e.getKey().equals("price") && !e.getKey().equals("category")
                    && !e.getKey().equals("customFields")) {
                body.set(e.getKey(), e.getValue());
            }
        });
        String description = body.path("description").asText("");
        if (create && description.isBlank()) {
            throw RecordRejectedException.builder("an item needs a description; product " + product.sku() + " has no name")
                    .record(product.sourceRef()).fieldPath("description").build();
        }
        if (description.length() > DESCRIPTION_MAX) {
            throw RecordRejectedException.builder("the description is " + description.length() + " characters; Lightspeed allows "
                    + DESCRIPTION_MAX).record(product.sourceRef()).fieldPath("description").build();
        }
        if (fields.hasNonNull("price")) {
            ObjectNode price = JsonNodeFactory.instance.objectNode()
                    .put("amount", fields.get("price").decimalValue().toPlainString())
                    .put("useType", session.settings().priceLevel());
            body.putObject("Prices").putArray("ItemPrice").add(price);
        }
        if (fields.hasNonNull("category") && !fields.get("category").asText().isBlank()) {
            body.put("categoryID", categories.ensure(fields.get("category").asText()));
        }
        session.customFieldIds().body("Item", fields.get("customFields"), product.sourceRef())
                .ifPresent(values -> body.set("CustomFieldValues", values));
        return body;
    }

    private static Ref ref(JsonNode item) {
        return new Ref(LightspeedRetail.SYSTEM, EntityType.PRODUCT, Lenient.text(item, "itemID")
                .orElseThrow(() -> new IllegalStateException("Lightspeed answered an item without itemID")));
    }
}

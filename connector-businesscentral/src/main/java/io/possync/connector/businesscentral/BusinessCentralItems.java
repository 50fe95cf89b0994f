package io.possync.connector.businesscentral;

import io.possync.api.BatchLookupSink;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.businesscentral.internal.BcFields;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.ItemCategories;
import io.possync.connector.businesscentral.internal.ItemPictures;
import io.possync.connector.businesscentral.internal.ItemVariants;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import io.possync.connector.businesscentral.internal.VariantLookup;

import io.possync.api.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business Central items as a source and a sink: found by number (the SKU) or GTIN (the EAN).
 * The item number and unit cost are create-only by default, so numbering and costing kept in the
 * ERP are not overwritten.
 *
 * <pre>{@code
 * Flow.products("pos-items").from(lightspeed.products()).to(businessCentral.items()).build();
 * }</pre>
 *
 * <p>A product's first category becomes the item's category (code: the leaf name, upper case, at most
 * 20 characters); missing categories are created first. A {@code VARIANT} product with a parent SKU
 * becomes an item variant of its parent item (see the connector README for its code). The product's
 * main image becomes the item's picture (unless the settings turn pictures off). Thread-safe.
 */
public final class BusinessCentralItems extends BusinessCentralCapability<Product> implements Source<Product>, Sink<Product>, BatchLookupSink<Product> {

    private static final BcFields ITEM = new BcFields("item");
    private static final MappingDefaults DEFAULTS = defaults(false);
    private static final MappingDefaults DEFAULTS_WITH_CUSTOM_ROUTE = defaults(true);

    /** The defaults; with a custom API route also the long description, which only the route's item page takes. */
    private static MappingDefaults defaults(boolean customRoute) {
        MappingDefaults.Builder b = MappingDefaults.builder("businesscentral items")
            .field(ITEM.text("number").describe("the item number: the SKU"), "sku", FieldMode.CREATE_ONLY)
            .field(ITEM.text("displayName"), "name")
            .field(ITEM.text("type").describe("Inventory, Service or Non_x002D_Inventory: a product without stock management is"
                    + " Non-Inventory"), "type = 'VIRTUAL' ? 'Service' : (stockManaged = false ? 'Non_x002D_Inventory' : 'Inventory')")
            .field(ITEM.text("gtin"), "ean")
            .field(ITEM.number("unitPrice"), "price.amount")
            .field(ITEM.bool("priceIncludesTax"), "price.includesTax")
            .field(ITEM.number("unitCost"), "cost.amount", FieldMode.CREATE_ONLY)
            .field(ITEM.bool("blocked").describe("blocked while a draft; on create only, unless the mapping writes it on update"), "$not(published)", FieldMode.CREATE_ONLY)
            .field(ITEM.text("itemCategoryCode").describe("created first when missing"),
                    "categories[0] ? $substring($uppercase($replace(categories[0].segments[-1], ' ', '-')), 0, 20)")
            .mappable(ITEM.text("displayName2"))
            .mappable(ITEM.text("baseUnitOfMeasureCode"))
            .mappable(ITEM.text("taxGroupCode"))
            .mappable(ITEM.text("generalProductPostingGroupCode"))
            .mappable(ITEM.text("inventoryPostingGroupCode"));
        if (customRoute) {
            b.field(ITEM.text(CustomApi.ITEM_LONG_DESCRIPTION).describe("through the custom API route's item page (PROPOSAL:"
                    + " CustomApi.ITEM_LONG_DESCRIPTION); on create only unless mapped on update"), "description", FieldMode.CREATE_ONLY);
            b.mappable(io.possync.api.MappableField.object("customFields").describe("extension fields of the custom API route's item"
                    + " page, name → value, e.g. a feature (CustomApi.withItemFields names those read back)"));
        }
        return b.build();
    }

    private final ItemCategories categories;
    private final ItemVariants variants;
    private final ItemPictures pictures;
    private final java.util.Optional<io.possync.connector.businesscentral.internal.PostingGroupWriter> postingGroups;
    private final VariantLookup variantLookup;
    private final Optional<io.possync.connector.businesscentral.internal.ExtensionFields> extensionFields;

    BusinessCentralItems(BusinessCentralSession session, String currency) {
        super(session, new EntityEndpoint.Shape<>("items", "item", EntityType.PRODUCT,
                Map.of(KeyType.SKU, "number", KeyType.EAN, "gtin"), Optional.empty(), Optional.empty(), "number",
                row -> BusinessCentralConverters.item(row, currency)));
        this.categories = new ItemCategories(session);
        this.variants = new ItemVariants(session, endpoint);
        this.pictures = session.settings().pictures() ? new ItemPictures(session) : null;
        this.postingGroups = io.possync.connector.businesscentral.internal.PostingGroupWriter.forItems(session);
        this.extensionFields = io.possync.connector.businesscentral.internal.ExtensionFields.forItems(session);
        this.variantLookup = session.variants();
    }

    /** Items by number or GTIN; a SKU that is no item's number is looked for among the item variants possync wrote. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>(endpoint.findAll(keys));
        variantLookup.rememberItems(found.keySet().stream().filter(k -> k.type() == KeyType.SKU).map(NaturalKey::value).toList());
        List<String> missing = keys.stream().filter(k -> k.type() == KeyType.SKU && !found.containsKey(k))
                .map(NaturalKey::value).toList();
        if (!missing.isEmpty()) {
            variantLookup.find(missing).forEach((sku, v) -> found.put(NaturalKey.sku(sku),
                    new Ref(system(), EntityType.PRODUCT, v.id())));
        }
        return found;
    }

    /** Each record with the extension fields named on the custom route in its {@code customFields}. */
    @Override
    Page<Product> withRouteFields(Page<Product> page) {
        return io.possync.connector.businesscentral.internal.ExtensionFields.onPage(page, extensionFields, Product::customFields,
                (r, fields) -> r.toBuilder().customFields(fields).build());
    }

    /**
     * Writes items, then variants (so a parent created in the same page exists before its variants
     * are written under it), one result per write in order.
     */
    @Override
    public List<WriteResult> writeAll(List<Write<Product>> writes) {
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> itemIndexes = new ArrayList<>();
        List<Integer> variantIndexes = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            (ItemVariants.isVariant(writes.get(i).record().record()) ? variantIndexes : itemIndexes).add(i);
        }
        List<Write<Product>> itemWrites = itemIndexes.stream().map(writes::get).toList();
        if (!itemWrites.isEmpty()) {
            beforeWrites(itemWrites);
            // The standard item has no long description: it goes through the custom route after the item is written.
            Map<Integer, com.fasterxml.jackson.databind.node.ObjectNode> viaRoute =
                    io.possync.connector.businesscentral.internal.PostingGroupWriter.takeOut(itemWrites, CustomApi.ITEM_LONG_DESCRIPTION,
                            io.possync.connector.businesscentral.internal.PostingGroupWriter.CUSTOM_FIELDS);
            List<WriteResult> written = new ArrayList<>(endpoint.writeAll(itemWrites));
            postingGroups.ifPresent(g -> g.items(written, viaRoute));
            for (int k = 0; k < itemIndexes.size(); k++) {
                results[itemIndexes.get(k)] = withPicture(itemWrites.get(k), written.get(k));
            }
        }
        List<Write<Product>> variantWrites = variantIndexes.stream().map(writes::get).toList();
        if (!variantWrites.isEmpty()) {
            List<WriteResult> written = variants.writeAll(variantWrites);
            for (int k = 0; k < variantIndexes.size(); k++) {
                results[variantIndexes.get(k)] = written.get(k);
            }
        }
        return List.of(results);
    }

    @Override
    void beforeWrites(List<Write<Product>> writes) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (Write<Product> w : writes) {
            String code = w.record().fields().path("itemCategoryCode").asText("");
            if (!code.isEmpty()) {
                String name = w.record().record().categories().isEmpty() ? code : w.record().record().categories().get(0).leaf();
                wanted.putIfAbsent(code, name);
            }
        }
        categories.ensure(wanted);
    }

    /**
     * Uploads the product's main image after its item was created, and on an update when the item has no picture
     * (or always, with {@code picturesOnUpdate}). A picture that fails turns the write into a failure, so the record is
     * retried as an update, which uploads it.
     */
    private WriteResult withPicture(Write<Product> write, WriteResult result) {
        List<String> images = write.record().record().imageUrls();
        if (pictures == null || images.isEmpty() || !(result instanceof WriteResult.Written written)) {
            return result;
        }
        // An update uploads only to an item without a picture (a picture that failed earlier), unless told to replace it.
        if (!written.created() && !session.settings().picturesOnUpdate() && pictures.hasOne(written.target())) {
            return result;
        }
        return pictures.upload(written.target(), images.get(0))
                .<WriteResult>map(error -> new WriteResult.Failed(written.source(), error instanceof io.possync.api.RecordRejectedException r
                        ? io.possync.api.RecordRejectedException.builder("the item was written but its picture was not: " + r.reason())
                                .record(written.source()).fieldPath(r.fieldPath().orElse("imageUrls[0]")).build()
                        : error))
                .orElse(result);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return session.settings().customApi().isPresent() ? DEFAULTS_WITH_CUSTOM_ROUTE : DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU, KeyType.EAN);
    }
}

package io.possync.connector.businesscentral;

import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.Product;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.businesscentral.internal.Converters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.ODataSession;
import io.possync.api.Write;
import io.possync.connector.businesscentral.internal.ItemCategories;
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
 * 20 characters); missing categories are created first. Variants (itemVariants) and pictures are not
 * written yet. Thread-safe.
 */
public final class BusinessCentralItems extends EndpointCapability<Product> implements Source<Product>, Sink<Product> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder()
            .field("number", "sku", FieldMode.CREATE_ONLY)
            .field("displayName", "name")
            .field("type", "type = 'VIRTUAL' ? 'Service' : 'Inventory'")
            .field("gtin", "ean")
            .field("unitPrice", "price.amount")
            .field("priceIncludesTax", "price.includesTax")
            .field("unitCost", "cost.amount", FieldMode.CREATE_ONLY)
            .field("blocked", "$not(published)")
            .field("itemCategoryCode", "categories[0] ? $substring($uppercase($replace(categories[0].segments[-1], ' ', '-')), 0, 20)")
            .build();

    private final ItemCategories categories;

    BusinessCentralItems(ODataSession session, String currency) {
        super(session, new EntityEndpoint.Shape<>("items", "item", EntityType.PRODUCT,
                Map.of(KeyType.SKU, "number", KeyType.EAN, "gtin"), Optional.empty(), Optional.empty(), "number",
                row -> Converters.item(row, currency)));
        this.categories = new ItemCategories(session);
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

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU, KeyType.EAN);
    }
}

package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * X-Series products as a source: SKU, name (the variant name for variants), price including or
 * excluding tax as the settings say, supply price as cost, variant options as attributes, and a
 * variant's parent SKU from its family's parent product.
 *
 * <p>As a sink it creates and updates simple products through API 2.1 ({@code common}: name,
 * description; {@code details}: SKU, price including or excluding tax as the product's price says,
 * supply price, active), found by SKU first. X-Series has no record for a variant family (its
 * variants, grouped by name, are the family), so configurable products and variants are rejected
 * with that reason; filter them out of flows into X-Series.
 *
 * <pre>{@code
 * Flow.products("pos-products").from(xseries.products()).to(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesProducts extends XSeriesCapability<Product> implements Source<Product>, Sink<Product> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed x-series products")
            .field(MappableField.text("name").asRequired(), "name")
            .field(MappableField.text("description"), "description")
            .field(MappableField.text("sku"), "sku", FieldMode.CREATE_ONLY)
            .field(MappableField.number("price").describe("written as price_including_tax or price_excluding_tax"), "price.amount")
            .field(MappableField.bool("price_includes_tax").describe("whether price includes tax"), "price.includesTax")
            .field(MappableField.number("supply_price"), "cost.amount", FieldMode.CREATE_ONLY)
            .field(MappableField.bool("active").describe("inactive while a draft; on create only, unless the mapping writes it on update"), "published", FieldMode.CREATE_ONLY)
            .build();


    XSeriesProducts(XSeriesSession session) {
        super(session, "products", EntityType.PRODUCT, (c, row) -> {
            session.remember(row);
            return List.of(c.product(row));
        }, XSeriesConverters::product);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        if (key.type() != KeyType.SKU) {
            return Optional.empty();
        }
        return session.productBySku(key.value()).map(p -> new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT, p.path("id").asText()));
    }

    @Override
    public Ref create(MappedRecord<Product> record) {
        return new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT, session.writeProduct(Optional.empty(), body(record)));
    }

    @Override
    public Ref update(Ref target, MappedRecord<Product> record) {
        session.writeProduct(Optional.of(target.id()), body(record));
        return target;
    }

    private static ObjectNode body(MappedRecord<Product> record) {
        Product product = record.record();
        if (product.type() == ProductType.CONFIGURABLE || product.type() == ProductType.VARIANT) {
            throw RecordRejectedException.builder("X-Series keeps no record for a variant family (its variants grouped by name are"
                    + " the family); " + product.type().name().toLowerCase(java.util.Locale.ROOT) + " product " + product.sku()
                    + " is not written").record(product.sourceRef()).fieldPath("type").build();
        }
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode common = body.putObject("common");
        ObjectNode details = body.putObject("details");
        if (f.hasNonNull("name")) {
            common.put("name", f.get("name").asText());
        }
        if (f.hasNonNull("description")) {
            common.put("description", f.get("description").asText());
        }
        if (f.hasNonNull("sku")) {
            details.put("sku", f.get("sku").asText());
        }
        if (f.hasNonNull("price")) {
            details.put(f.path("price_includes_tax").asBoolean(false) ? "price_including_tax" : "price_excluding_tax",
                    f.get("price").decimalValue());
        }
        if (f.hasNonNull("supply_price")) {
            details.put("supply_price", f.get("supply_price").decimalValue());
        }
        if (f.hasNonNull("active")) {
            details.put("active", f.get("active").asBoolean());
        }
        if (common.isEmpty()) {
            body.remove("common");
        }
        return body;
    }

}

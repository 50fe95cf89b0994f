package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.UpdateSink;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * X-Series inventory as a source: one stock level per product and outlet ({@code inventory_level}),
 * location = the outlet id. As an update-only sink it sets a product's {@code current_amount} in one
 * outlet through API 2.1's product update ({@code details.inventory}): the level's location when that
 * is an outlet id, else the settings' stock outlet, else the retailer's only outlet.
 *
 * <pre>{@code
 * Flow.stock("pos-stock").from(xseries.inventory()).to(shop.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesInventory extends XSeriesCapability<StockLevel> implements StockSource, UpdateSink<StockLevel> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed x-series inventory")
            .field(MappableField.number("current_amount").alwaysWritten().describe("stock in the outlet"), "quantity")
            .build();
    private volatile java.util.Set<String> outlets;


    XSeriesInventory(XSeriesSession session) {
        super(session, "inventory", EntityType.STOCK_LEVEL, (c, row) -> {
            String outlet = row.path("outlet_id").asText("");
            boolean inOutlet = session.settings().outletIds().isEmpty() || session.settings().outletIds().contains(outlet);
            return inOutlet ? List.of(c.inventory(row)) : List.of();
        }, XSeriesConverters::inventory);
    }

    /** No: X-Series inventory records carry one level per outlet, no reservations. */
    @Override
    public boolean knowsReservations() {
        return false;
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
        return session.productBySku(key.value()).map(p -> new Ref(LightspeedXSeries.SYSTEM, EntityType.STOCK_LEVEL, p.path("id").asText()));
    }

    @Override
    public Ref update(Ref target, MappedRecord<StockLevel> record) {
        if (!record.fields().hasNonNull("current_amount")) {
            throw RecordRejectedException.builder("the mapping gave no current_amount for " + record.record().sku())
                    .record(record.sourceRef()).fieldPath("current_amount").build();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("details").putArray("inventory").addObject().put("outlet_id", outletFor(record.record()))
                .put("current_amount", record.fields().get("current_amount").decimalValue());
        session.updateProduct(target.id(), body);
        return target;
    }

    private String outletFor(StockLevel level) {
        java.util.Set<String> known = outlets;
        if (known == null) {
            known = new java.util.LinkedHashSet<>();
            for (JsonNode o : session.page("outlets", 0, 1000).path("data")) {
                known.add(o.path("id").asText());
            }
            outlets = known;
        }
        if (known.contains(level.location())) {
            return level.location();
        }
        Optional<String> configured = session.settings().stockOutletId();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (known.size() == 1) {
            return known.iterator().next();
        }
        throw new ConfigurationException(LightspeedXSeries.SYSTEM, "stock location '" + level.location() + "' is not an outlet id and the"
                + " retailer has " + known.size() + " outlets; set stockOutlet in the settings");
    }

}

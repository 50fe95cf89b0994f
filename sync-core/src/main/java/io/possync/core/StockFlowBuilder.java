package io.possync.core;

import io.possync.api.ConfigurationException;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.StockLevel;
import io.possync.api.UpdateSink;
import java.util.Objects;

/**
 * Builds a stock {@link Flow}: update-only (a product missing in the target is a warning, not a
 * failure), last writer wins (several changes of one SKU and location in a run become one write),
 * writing on hand minus sales reservations unless another {@link StockCalculation} is chosen, for every location
 * the source reports or only those {@link #locations} names.
 *
 * <pre>{@code
 * Flow<StockLevel> stock = Flow.stock("erp-stock-to-pos")
 *         .from(bc.stock()).to(lightspeed.stock())
 *         .calculation(StockCalculation.ON_HAND)
 *         .build();
 * }</pre>
 */
public final class StockFlowBuilder extends FlowBuilder<StockLevel, StockFlowBuilder> {

    private StockCalculation calculation = StockCalculation.ON_HAND_MINUS_RESERVED;
    private int coalesceLimit = 10_000;
    private java.util.Set<String> locations = java.util.Set.of();

    StockFlowBuilder(String name) {
        super(name, EntityType.STOCK_LEVEL, KeyType.SKU);
    }

    /** Where stock is written onto existing products. */
    public StockFlowBuilder to(UpdateSink<StockLevel> sink) {
        sink(sink);
        return this;
    }

    /** Which quantity is written (default {@link StockCalculation#ON_HAND_MINUS_RESERVED}). */
    public StockFlowBuilder calculation(StockCalculation calculation) {
        this.calculation = Objects.requireNonNull(calculation, "calculation");
        return this;
    }

    /**
     * Only the stock of these locations (shops, warehouses, branches as the source names them) is written, each
     * location's as its own level; the rest is reported as filtered. A connector that sums locations into one level
     * has its own setting for which (Winstore {@code warehouses}, MplusKASSA branches).
     */
    public StockFlowBuilder locations(String... locations) {
        if (locations.length == 0) {
            throw new ConfigurationException("flow." + name + ".locations", "name at least one location");
        }
        this.locations = java.util.Set.of(locations);
        return this;
    }

    /**
     * How many distinct stock records are collected across pages before they are written
     * (default 10,000): changes of one SKU within that window become one write.
     */
    public StockFlowBuilder coalesceLimit(int limit) {
        if (limit < 1) {
            throw new ConfigurationException("flow." + name + ".coalesceLimit", "must be at least 1, was " + limit);
        }
        this.coalesceLimit = limit;
        return this;
    }

    /** The flow. */
    public Flow<StockLevel> build() {
        validateCommon();
        if (!locations.isEmpty()) {
            java.util.function.Predicate<? super StockLevel> chosen = filter;
            java.util.Set<String> only = locations;
            filter = level -> only.contains(level.location()) && chosen.test(level);
        }
        return new Flow<>(this, null, null, KeyType.EMAIL, null, null, ExistingOrderPolicy.SKIP, null, calculation, coalesceLimit);
    }
}

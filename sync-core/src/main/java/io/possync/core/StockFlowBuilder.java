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
 * writing available minus sales reservations unless another {@link StockCalculation} is chosen.
 *
 * <pre>{@code
 * Flow<StockLevel> stock = Flow.stock("erp-stock-to-pos")
 *         .from(bc.stock()).to(lightspeed.stock())
 *         .calculation(StockCalculation.ON_HAND)
 *         .build();
 * }</pre>
 */
public final class StockFlowBuilder extends FlowBuilder<StockLevel, StockFlowBuilder> {

    private StockCalculation calculation = StockCalculation.AVAILABLE_MINUS_RESERVED;
    private int coalesceLimit = 10_000;

    StockFlowBuilder(String name) {
        super(name, EntityType.STOCK_LEVEL, KeyType.SKU);
    }

    /** Where stock is written onto existing products. */
    public StockFlowBuilder to(UpdateSink<StockLevel> sink) {
        sink(sink);
        return this;
    }

    /** Which quantity is written (default available minus reserved). */
    public StockFlowBuilder calculation(StockCalculation calculation) {
        this.calculation = Objects.requireNonNull(calculation, "calculation");
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
        return new Flow<>(this, null, null, KeyType.EMAIL, null, null, ExistingOrderPolicy.SKIP, null, calculation, coalesceLimit);
    }
}

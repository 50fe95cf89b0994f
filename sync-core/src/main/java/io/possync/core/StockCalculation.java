package io.possync.core;

import io.possync.api.StockLevel;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Which quantity a stock flow writes to the target. The mapping sees it as {@code quantity}.
 *
 * <pre>{@code
 * Flow.stock("erp-to-pos").calculation(StockCalculation.ON_HAND)...
 * Flow.stock("erp-to-pos").calculation(StockCalculation.ON_HAND_MINUS_RESERVED.minus(new BigDecimal("2")))...  // a safety stock of 2
 * Flow.stock("erp-to-pos").calculation(s -> s.onHand().subtract(s.reserved()).max(BigDecimal.ZERO))...
 * }</pre>
 */
@FunctionalInterface
public interface StockCalculation {

    /**
     * On hand minus sales reservations: what can still be sold (the default). From a source that reports no
     * reservations ({@link io.possync.api.StockSource#knowsReservations()}) this is on hand, and the activity log says
     * so once per run.
     */
    StockCalculation ON_HAND_MINUS_RESERVED = s -> s.onHand().subtract(s.reserved());
    /** What is physically on hand. */
    StockCalculation ON_HAND = StockLevel::onHand;
    /** What the source calls available (for a vendor whose own figure already nets out what it should). */
    StockCalculation AVAILABLE = StockLevel::available;

    /** The quantity to write for {@code level}. */
    BigDecimal quantity(StockLevel level);

    /** This calculation less a safety stock kept back from the target (e.g. the web shop), never below zero. */
    default StockCalculation minus(BigDecimal safetyStock) {
        Objects.requireNonNull(safetyStock, "safetyStock");
        if (safetyStock.signum() < 0) {
            throw new IllegalArgumentException("a safety stock is not negative, got " + safetyStock);
        }
        return s -> quantity(s).subtract(safetyStock).max(BigDecimal.ZERO);
    }
}

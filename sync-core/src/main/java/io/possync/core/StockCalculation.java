package io.possync.core;

import io.possync.api.StockLevel;
import java.math.BigDecimal;

/**
 * Which quantity a stock flow writes to the target. The mapping sees it as {@code quantity}.
 *
 * <pre>{@code
 * Flow.stock("erp-to-pos").calculation(StockCalculation.ON_HAND)...
 * Flow.stock("erp-to-pos").calculation(s -> s.available().subtract(s.reserved()).max(BigDecimal.ZERO))...
 * }</pre>
 */
@FunctionalInterface
public interface StockCalculation {

    /** Available minus sales reservations (the default). */
    StockCalculation AVAILABLE_MINUS_RESERVED = s -> s.available().subtract(s.reserved());
    /** What is physically on hand. */
    StockCalculation ON_HAND = StockLevel::onHand;
    /** What the source calls available. */
    StockCalculation AVAILABLE = StockLevel::available;

    /** The quantity to write for {@code level}. */
    BigDecimal quantity(StockLevel level);
}

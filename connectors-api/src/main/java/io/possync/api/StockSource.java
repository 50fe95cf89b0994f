package io.possync.api;

/**
 * A source of stock levels that says whether its levels carry sales reservations. Where a vendor does not report
 * them, {@link StockLevel#reserved()} is always zero, and a stock flow's default calculation (on hand minus
 * reservations) is on hand: the engine says so in the activity log once per run.
 *
 * <pre>{@code
 * if (bc.stock() instanceof StockSource s && !s.knowsReservations()) {
 *     log.info("{} reports no sales reservations", s.system());
 * }
 * }</pre>
 */
public interface StockSource extends Source<StockLevel> {

    /** Whether {@link StockLevel#reserved()} of this source's levels is the vendor's sales reservations. */
    boolean knowsReservations();
}

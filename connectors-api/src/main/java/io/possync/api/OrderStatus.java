package io.possync.api;

/**
 * The life-cycle state of an order, as far as systems agree on one.
 *
 * <pre>{@code
 * Flow.orders("paid-only").filter(o -> o.status() == OrderStatus.PAID)...
 * }</pre>
 */
public enum OrderStatus {
    /** Placed, not yet paid. */
    OPEN,
    /** Paid, not yet shipped. */
    PAID,
    /** Shipped or handed over. */
    SHIPPED,
    /** Finished: paid and delivered (a completed POS sale). */
    COMPLETED,
    /** Cancelled or voided. */
    CANCELLED,
    /** Refunded in full. */
    REFUNDED
}

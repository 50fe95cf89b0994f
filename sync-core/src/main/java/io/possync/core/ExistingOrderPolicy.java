package io.possync.core;

/**
 * What an order flow does with an order the target already has (found by the source order number
 * as external document number, or linked by an earlier run).
 *
 * <pre>{@code
 * Flow.orders("pos-to-erp").existingOrders(ExistingOrderPolicy.FAIL)...
 * }</pre>
 */
public enum ExistingOrderPolicy {
    /** Leave it as it is and report it as skipped (the default: booked documents are not touched). */
    SKIP,
    /** Reject it into the retry queue, so a person looks at it. */
    FAIL,
    /** Update it with the source's data. */
    UPDATE
}

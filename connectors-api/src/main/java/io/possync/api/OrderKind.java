package io.possync.api;

/**
 * Whether a sale is written to the target as an order (to be delivered and invoiced there)
 * or as an invoice (already paid and delivered, as at a till).
 *
 * <pre>{@code
 * Flow.orders("pos-to-erp").kind(OrderKind.INVOICE)...
 * }</pre>
 */
public enum OrderKind {
    /** A sales order. */
    ORDER,
    /** A sales invoice. */
    INVOICE
}

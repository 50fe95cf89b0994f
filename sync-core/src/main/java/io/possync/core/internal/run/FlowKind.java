package io.possync.core.internal.run;

import io.possync.api.EntityType;
import io.possync.api.OrderStatusSink;
import io.possync.core.Flow;

/**
 * What a flow moves, decided once per run; the steps dispatch on it instead of asking the flow again.
 * Orders resolve their customers and products before writing, stock levels update existing products
 * only and share SKUs across locations, a status flow writes an order's status back where it came from.
 */
sealed interface FlowKind {

    /** Products or customers: matched by key, created or updated. */
    record Records(EntityType type) implements FlowKind {
    }

    /** Orders: customers and products resolved first, an existing order handled by the flow's policy. */
    record Orders() implements FlowKind {
    }

    /** Stock levels: update-only, several records per SKU, a page's changes coalesced. */
    record Stock() implements FlowKind {
    }

    /** Order statuses written back to the system the order came from. */
    record Statuses(OrderStatusSink sink) implements FlowKind {
    }

    static FlowKind of(Flow<?> flow) {
        if (flow.statusSink().isPresent()) {
            return new Statuses(flow.statusSink().get());
        }
        return switch (flow.entityType()) {
            case ORDER -> new Orders();
            case STOCK_LEVEL -> new Stock();
            default -> new Records(flow.entityType());
        };
    }

    /** Whether pages are read on until a coalescing limit so that many changes of one record become one write. */
    default boolean coalescesPages() {
        return this instanceof Stock;
    }

    /** Whether a natural key names one record only (stock levels of several locations share a SKU). */
    default boolean keysAreUnique() {
        return !(this instanceof Stock);
    }
}

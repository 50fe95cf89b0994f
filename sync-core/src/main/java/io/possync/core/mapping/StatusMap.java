package io.possync.core.mapping;

import io.possync.api.OrderStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pair's order-status map: which status an order-status flow writes for each status the source reports, or that it
 * writes none. By default each status is written as itself; what the target cannot express is the sink's to refuse
 * (Lightspeed R-Series can only void a sale), so map or ignore those statuses here. Immutable.
 *
 * <pre>{@code
 * StatusMap fromBusinessCentral = StatusMap.identity()
 *         .map(OrderStatus.COMPLETED, OrderStatus.SHIPPED)          // an invoiced order is shipped for the web shop
 *         .ignore(OrderStatus.OPEN, OrderStatus.PAID);               // the shop knows these already
 * Flow.orderStatus("erp-status-to-shop").from(bc.salesOrders()).to(shop.orderStatus()).statusMap(fromBusinessCentral).build();
 * }</pre>
 */
public final class StatusMap {

    private static final StatusMap IDENTITY = new StatusMap(new EnumMap<>(OrderStatus.class));

    private final Map<OrderStatus, Optional<OrderStatus>> rows;

    private StatusMap(Map<OrderStatus, Optional<OrderStatus>> rows) {
        this.rows = rows;
    }

    /** Every status as itself (the default). */
    public static StatusMap identity() {
        return IDENTITY;
    }

    /** This map, writing {@code to} where the source reports {@code from}. */
    public StatusMap map(OrderStatus from, OrderStatus to) {
        EnumMap<OrderStatus, Optional<OrderStatus>> copy = copy();
        copy.put(Objects.requireNonNull(from, "from"), Optional.of(Objects.requireNonNull(to, "to")));
        return new StatusMap(copy);
    }

    /** This map, writing nothing where the source reports one of {@code statuses} (the flow reports them as filtered). */
    public StatusMap ignore(OrderStatus... statuses) {
        EnumMap<OrderStatus, Optional<OrderStatus>> copy = copy();
        for (OrderStatus s : statuses) {
            copy.put(Objects.requireNonNull(s, "status"), Optional.empty());
        }
        return new StatusMap(copy);
    }

    /** The status to write for {@code status}; empty when it is ignored. */
    public Optional<OrderStatus> apply(OrderStatus status) {
        return rows.getOrDefault(status, Optional.of(status));
    }

    private EnumMap<OrderStatus, Optional<OrderStatus>> copy() {
        return rows.isEmpty() ? new EnumMap<>(OrderStatus.class) : new EnumMap<>(rows);
    }

    @Override
    public String toString() {
        return "StatusMap" + rows;
    }
}

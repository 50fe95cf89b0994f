package io.possync.core;

import io.possync.api.ConfigurationException;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.OrderStatusSink;
import io.possync.core.mapping.Mapping;
import java.util.Objects;

/**
 * Builds an order-status {@link Flow}: changed orders of the source (the ERP) are traced to the
 * order they were created from (the POS order an order flow synced) through the state store's link,
 * and their status is written back when it changed. An order no link leads back from (entered in the
 * ERP directly) is a warning, not a failure.
 *
 * <pre>{@code
 * Flow<Order> statuses = Flow.orderStatus("erp-status-to-pos")
 *         .from(businessCentral.salesOrders())
 *         .to(lightspeed.orderStatus())
 *         .statusMap(StatusMap.identity().ignore(OrderStatus.OPEN, OrderStatus.PAID))
 *         .build();
 * }</pre>
 */
public final class OrderStatusFlowBuilder extends FlowBuilder<Order, OrderStatusFlowBuilder> {

    OrderStatusFlowBuilder(String name) {
        super(name, EntityType.ORDER, KeyType.ORDER_NUMBER);
    }

    /** Where statuses are written: the system the orders came from. */
    public OrderStatusFlowBuilder to(OrderStatusSink sink) {
        this.statusSink = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** Which status is written for each status the source reports (default: each as itself). */
    public OrderStatusFlowBuilder statusMap(io.possync.core.mapping.StatusMap map) {
        this.statusMap = Objects.requireNonNull(map, "statusMap");
        return this;
    }

    /** The flow. */
    public Flow<Order> build() {
        if (source == null) {
            throw new ConfigurationException("flow." + name, "no source: call from(...)");
        }
        if (statusSink == null) {
            throw new ConfigurationException("flow." + name, "no status sink: call to(...)");
        }
        // Statuses travel as canonical OrderStatus values; the sink maps them to its vendor's.
        mapping = Mapping.of(MappingDefaults.builder().build());
        return new Flow<>(this, null, null, KeyType.EMAIL, null, null, ExistingOrderPolicy.SKIP, null,
                StockCalculation.ON_HAND_MINUS_RESERVED, 0);
    }
}

package io.possync.api;

/**
 * A connector capability that writes an order's status back to the system the order came from
 * (ERP → POS: shipped, completed, cancelled).
 *
 * <pre>{@code
 * posStatus.writeStatus(new Ref("lightspeed", EntityType.ORDER, "1042"), OrderStatus.SHIPPED);
 * }</pre>
 */
public interface OrderStatusSink extends Capability {

    /**
     * Sets the status of {@code order}, a record of this system.
     *
     * @throws RecordRejectedException when the system refuses this status for this order
     * @throws TransientException      when the system is unreachable or busy
     */
    void writeStatus(Ref order, OrderStatus status);
}

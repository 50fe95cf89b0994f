package io.possync.connector.mpluskassa;

import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.testkit.mpluskassa.MplusSandbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order status into the till: shipped and completed deliver the order, cancelled cancels it, a payment is no status. */
class OrderStatusSinkTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Ref order(String number) {
        sandbox.seedArticle(100001, "Tee", 995);
        Order order = Order.builder(new Ref("shop", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z"))
                .currency("EUR").pricesIncludeTax(true)
                .lines(List.of(OrderLine.of("100001", "Tee", BigDecimal.ONE, new BigDecimal("9.95"), new BigDecimal("21"))))
                .totals(new OrderTotals(new BigDecimal("8.22"), new BigDecimal("1.73"), new BigDecimal("9.95"))).build();
        return mplus.orders().create(DocumentsTest.mapped(order, mplus.orders().defaultMapping()));
    }

    private OrderStatus statusOf(Ref order) {
        return mplus.orders().fetch(order.id()).orElseThrow().status();
    }

    @Test
    void aShippedOrderIsDeliveredInTheTill() {
        Ref order = order("WEB-1");

        mplus.orders().writeStatus(order, OrderStatus.SHIPPED);

        assertThat(statusOf(order)).isIn(OrderStatus.SHIPPED, OrderStatus.COMPLETED);
    }

    @Test
    void aCancelledOrderIsCancelledAndCancellingAgainChangesNothing() {
        Ref order = order("WEB-1");

        mplus.orders().writeStatus(order, OrderStatus.CANCELLED);
        mplus.orders().writeStatus(order, OrderStatus.CANCELLED);

        assertThat(statusOf(order)).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancellingADeliveredOrderIsRefusedWithTheTillsReason() {
        Ref order = order("WEB-1");
        mplus.orders().writeStatus(order, OrderStatus.SHIPPED);

        assertThatThrownBy(() -> mplus.orders().writeStatus(order, OrderStatus.CANCELLED)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("CANCEL-ORDER-RESULT-FAILED").hasMessageContaining("already delivered");
    }

    @Test
    void paidIsRefusedBecauseATillPaymentIsNoStatus() {
        Ref order = order("WEB-1");

        assertThatThrownBy(() -> mplus.orders().writeStatus(order, OrderStatus.PAID)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("StatusMap");
    }
}

package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.OrderStatus;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order status back to X-Series: a shipped order fulfils the sale awaiting dispatch; what API 2.0 cannot do is refused, saying so. */
class XSeriesOrderStatusTest {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final LightspeedXSeries pos = LightspeedXSeries.connect(SandboxSettings.of(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Ref sale(String status) {
        String product = sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-" + status)
                .put("active", true).put("price_including_tax", new BigDecimal("9.95")).putNull("variant_parent_id")).get("id").asText();
        ObjectNode s = Json.MAPPER.createObjectNode().put("status", status).put("invoice_number", "WEB-" + status)
                .put("total_price", new BigDecimal("8.22")).put("total_tax", new BigDecimal("1.73"));
        s.putArray("line_items").addObject().put("product_id", product).put("quantity", 1)
                .put("unit_price", new BigDecimal("8.22")).put("unit_tax", new BigDecimal("1.73"));
        return new Ref(LightspeedXSeries.SYSTEM, EntityType.ORDER, sandbox.seed("sales", s).get("id").asText());
    }

    private String statusOf(Ref sale) {
        return sandbox.records("sales").stream().filter(r -> r.path("id").asText().equals(sale.id())).findFirst().orElseThrow()
                .path("status").asText();
    }

    @Test
    void aShippedOrderFulfilsTheSaleAwaitingDispatch() {
        Ref sale = sale("AWAITING_DISPATCH");

        pos.sales().writeStatus(sale, OrderStatus.SHIPPED);

        assertThat(statusOf(sale)).isEqualTo("DISPATCHED_CLOSED");
        assertThat(sandbox.requestCount("POST sales/fulfill")).isEqualTo(1);
    }

    @Test
    void aCompletedOrderFulfilsASaleAwaitingPickupAsPickedUp() {
        Ref sale = sale("AWAITING_PICKUP");

        pos.sales().writeStatus(sale, OrderStatus.COMPLETED);

        assertThat(statusOf(sale)).isEqualTo("PICKED_UP_CLOSED");
    }

    @Test
    void aSaleAlreadyFulfilledIsLeftAsItIs() {
        Ref sale = sale("AWAITING_DISPATCH");
        pos.sales().writeStatus(sale, OrderStatus.SHIPPED);

        pos.sales().writeStatus(sale, OrderStatus.SHIPPED);

        assertThat(sandbox.requestCount("POST sales/fulfill")).isEqualTo(1);
    }

    @Test
    void aCancelledOrderIsRefusedBecauseApi20CannotVoidASale() {
        Ref sale = sale("AWAITING_DISPATCH");

        assertThatThrownBy(() -> pos.sales().writeStatus(sale, OrderStatus.CANCELLED)).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("cannot void").hasMessageContaining(sale.id());
        assertThat(statusOf(sale)).isEqualTo("AWAITING_DISPATCH");
    }

    @Test
    void aDispatchedSaleIsReadAsShippedAndOneAwaitingDispatchAsPaid() {
        assertThat(io.possync.connector.lightspeed.xseries.internal.XSeriesConverters.status("DISPATCHED_CLOSED")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(io.possync.connector.lightspeed.xseries.internal.XSeriesConverters.status("AWAITING_DISPATCH")).isEqualTo(OrderStatus.PAID);
    }
}

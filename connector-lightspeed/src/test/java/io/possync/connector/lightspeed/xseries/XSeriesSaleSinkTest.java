package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Web-shop orders rung up as X-Series sales through {@code /api/register_sales}. */
class XSeriesSaleSinkTest {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
    private LightspeedXSeries pos;
    private String walkIn;

    @BeforeEach
    void seed() {
        sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-1"));
        walkIn = sandbox.seed("customers", Json.MAPPER.createObjectNode().put("first_name", "Walk-in")).get("id").asText();
        pos = LightspeedXSeries.connect(SandboxSettings.sellingOnFirstRegister(sandbox).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Order order(String number, String method, String paid) {
        return Order.builder(new Ref("webshop", EntityType.ORDER, number), number, Instant.parse("2026-11-02T10:00:00Z"))
                .createdAt(Instant.parse("2026-11-02T10:00:00Z")).currency("EUR").pricesIncludeTax(true)
                .lines(List.of(OrderLine.of("MUG-1", "Mug", new BigDecimal("2"), new BigDecimal("12.10"), new BigDecimal("21"))))
                .payments(List.of(new Payment(method, new BigDecimal(paid))))
                .totals(new OrderTotals(new BigDecimal("20.00"), new BigDecimal("4.20"), new BigDecimal("24.20")))
                .build();
    }

    private Flow<Order> flow(List<Order> orders) {
        return Flow.orders("webshop-to-pos").from(new ListSource<>("webshop", orders)).to(pos.sales())
                .customers(pos.customers()).defaultDebtor(walkIn)
                .retrySchedule(new io.possync.core.RetrySchedule(java.time.Duration.ZERO, java.time.Duration.ZERO)).build();
    }

    @Test
    void aPaidOrderIsRungUpOnceAsAClosedSaleWithPriceAndTaxApart() {
        SyncReport first = engine.run(flow(List.of(order("WEB-1", "Credit Card", "24.20"))));
        SyncReport second = engine.run(flow(List.of(order("WEB-1", "Credit Card", "24.20"))));

        assertThat(first.count(EntityType.ORDER, Outcome.CREATED)).as(first.rejections().toString()).isEqualTo(1);
        assertThat(second.count(EntityType.ORDER, Outcome.CREATED)).isZero();
        assertThat(sandbox.records("sales")).singleElement().satisfies(sale -> {
            assertThat(sale.path("invoice_number").asText()).isEqualTo("WEB-1");
            assertThat(sale.path("status").asText()).isEqualTo("CLOSED");
            ObjectNode line = (ObjectNode) sale.path("line_items").get(0);
            assertThat(line.path("unit_price").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(line.path("unit_tax").decimalValue()).isEqualByComparingTo("2.10");
            assertThat(sale.path("payments").get(0).path("name").asText()).isEqualTo("Credit Card");
        });
    }

    @Test
    void aSaleWhoseAnswerIsLostIsFoundByItsInvoiceNumberAndNotRungUpTwice() {
        sandbox.faults().nextWrite(Fault.lostResponse());

        SyncReport first = engine.run(flow(List.of(order("WEB-2", "Cash", "24.20"))));
        SyncReport second = engine.run(flow(List.of(order("WEB-2", "Cash", "24.20"))));

        assertThat(sandbox.faults().injected()).isEqualTo(1);
        assertThat(first.count(EntityType.ORDER, Outcome.RETRY_SCHEDULED)).isEqualTo(1);
        assertThat(second.count(EntityType.ORDER, Outcome.SKIPPED_EXISTING)).as("found by its invoice number").isEqualTo(1);
        assertThat(sandbox.records("sales")).hasSize(1);
    }

    @Test
    void anUnknownSkuOrPaymentMethodRejectsTheOrderWithTheReason() {
        Order unknownSku = Order.builder(new Ref("webshop", EntityType.ORDER, "WEB-3"), "WEB-3", Instant.now()).createdAt(Instant.now())
                .currency("EUR").lines(List.of(OrderLine.of("NOPE", "?", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("21"))))
                .totals(new OrderTotals(BigDecimal.TEN, new BigDecimal("2.10"), new BigDecimal("12.10"))).build();

        SyncReport report = engine.run(flow(List.of(unknownSku, order("WEB-4", "PayPal", "24.20"))));

        assertThat(report.rejections()).extracting(r -> r.fieldPath().orElse(""), r -> r.reason().contains("NOPE") || r.reason().contains("PayPal"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("lines[0].sku", true),
                        org.assertj.core.groups.Tuple.tuple("payments[0].method", true));
        assertThat(sandbox.records("sales")).isEmpty();
    }
}

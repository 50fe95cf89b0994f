package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Web-shop orders rung up as Lightspeed sales (the ERP/shop → POS direction). */
class SaleSinkTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().bucket(10_000, 10_000).start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
    private LightspeedRetail pos;

    @BeforeEach
    void seed() {
        sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        sandbox.seed("Item", SandboxConnectorTest.item("TEE-1", "T-shirt"));
        pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).salesInto("1", "1", "1").build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Order order(String number, String paymentMethod, String paid) {
        return Order.builder(new Ref("webshop", EntityType.ORDER, number), number, Instant.parse("2026-11-02T10:00:00Z"))
                .createdAt(Instant.parse("2026-11-02T10:00:00Z")).currency("EUR")
                .customer(Customer.builder(new Ref("webshop", EntityType.CUSTOMER, "c1"), Instant.parse("2026-11-01T10:00:00Z"))
                        .email("anna@example.nl").contactPerson(io.possync.api.ContactPerson.of("Anna", "de Vries")).build())
                .lines(List.of(OrderLine.of("MUG-1", "Mug", new BigDecimal("2"), new BigDecimal("9.95"), new BigDecimal("21")),
                        OrderLine.of("TEE-1", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                .payments(List.of(new Payment(paymentMethod, new BigDecimal(paid))))
                .totals(new OrderTotals(new BigDecimal("39.85"), new BigDecimal("8.37"), new BigDecimal("48.22")))
                .build();
    }

    private Flow<Order> flow(List<Order> orders) {
        return Flow.orders("webshop-to-pos").from(new ListSource<>("webshop", orders)).to(pos.sales())
                .customers(pos.customers()).products(pos.items()).build();
    }

    @Test
    void aPaidOrderIsRungUpOnceAsACompletedSaleWithItsItemsCustomerAndPayment() {
        SyncReport first = engine.run(flow(List.of(order("WEB-1", "Credit Card", "48.22"))));
        SyncReport second = engine.run(flow(List.of(order("WEB-1", "Credit Card", "48.22"))));

        assertThat(first.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(1);
        assertThat(second.count(EntityType.ORDER, Outcome.CREATED)).isZero();
        assertThat(sandbox.records("Sale")).singleElement().satisfies(sale -> {
            assertThat(sale.path("referenceNumber").asText()).isEqualTo("WEB-1");
            assertThat(sale.path("completed").asText()).isEqualTo("true");
            assertThat(sale.path("customerID").asText()).isEqualTo(sandbox.records("Customer").get(0).get("customerID").asText());
            assertThat(sale.path("SaleLines").path("SaleLine")).extracting(l -> l.path("itemID").asText(),
                    l -> l.path("unitQuantity").asText(), l -> l.path("tax1Rate").asText())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "2", "0.21"),
                            org.assertj.core.groups.Tuple.tuple("2", "1", "0.21"));
            assertThat(sale.path("SalePayments").path("SalePayment").get(0).path("paymentTypeID").asText()).isEqualTo("2");
        });
    }

    @Test
    void anOrderNotFullyPaidStaysOpenForTheTill() {
        engine.run(flow(List.of(order("WEB-2", "Cash", "10.00"))));

        assertThat(sandbox.records("Sale")).singleElement().satisfies(s -> assertThat(s.path("completed").asText()).isEqualTo("false"));
    }

    @Test
    void aPaymentMethodLightspeedDoesNotKnowRejectsTheOrderWithTheReason() {
        SyncReport report = engine.run(flow(List.of(order("WEB-3", "PayPal", "48.22"))));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("payments[0].method");
            assertThat(r.reason()).contains("no payment type 'PayPal'");
        });
        assertThat(sandbox.records("Sale")).isEmpty();
    }
}

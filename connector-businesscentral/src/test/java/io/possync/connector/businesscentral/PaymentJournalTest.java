package io.possync.connector.businesscentral;

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
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A till's payments entered in the payment journal of their method, once, before their invoice. */
class PaymentJournalTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
    private String debtor;

    @BeforeEach
    void seed() {
        sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", "MUG").put("displayName", "Mug").put("type", "Inventory"));
        debtor = sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Till sales").put("type", "Company"))
                .get("number").asText();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Order sale(String number, Payment... payments) {
        return Order.builder(new Ref("pos", EntityType.ORDER, number), number, Instant.parse("2026-11-02T10:00:00Z"))
                .createdAt(Instant.parse("2026-11-02T10:00:00Z")).currency("EUR")
                .lines(List.of(OrderLine.of("MUG", "Mug", BigDecimal.ONE, new BigDecimal("25.22"), new BigDecimal("21"))))
                .payments(List.of(payments))
                .totals(new OrderTotals(new BigDecimal("25.22"), new BigDecimal("5.30"), new BigDecimal("30.52")))
                .build();
    }

    private Flow<Order> flow(List<Order> sales) {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox)
                .paymentJournal("Cash", "KAS").paymentJournal("Credit Card", "BANK").build());
        return Flow.orders("pos-sales").from(new ListSource<>("pos", sales)).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).defaultDebtor(debtor)
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
    }

    private List<ObjectNode> lines() {
        return sandbox.rows("customerPayments");
    }

    private Map<String, String> journalCodes() {
        return sandbox.rows("customerPaymentJournals").stream()
                .collect(Collectors.toMap(j -> j.get("id").asText(), j -> j.get("code").asText()));
    }

    @Test
    void eachPaymentGoesIntoTheJournalOfItsMethodWithTheSaleNumber() {
        List<Order> sales = List.of(sale("S1", new Payment("Cash", new BigDecimal("10.00")), new Payment("Credit Card", new BigDecimal("20.52"))),
                sale("S2", new Payment("credit card", new BigDecimal("30.52"))));

        SyncReport report = engine.run(flow(sales));

        assertThat(report.count(Outcome.CREATED)).isEqualTo(2);
        Map<String, String> codes = journalCodes();
        assertThat(lines()).extracting(l -> codes.get(l.path("journalId").asText()), l -> l.path("externalDocumentNumber").asText(),
                        l -> l.path("amount").decimalValue().stripTrailingZeros().toPlainString(), l -> l.path("customerNumber").asText())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("KAS", "S1", "-10", debtor),
                        org.assertj.core.groups.Tuple.tuple("BANK", "S1", "-20.52", debtor),
                        org.assertj.core.groups.Tuple.tuple("BANK", "S2", "-30.52", debtor));
    }

    @Test
    void aMethodWithoutAJournalRejectsTheSaleBeforeItsInvoiceIsWritten() {
        SyncReport report = engine.run(flow(List.of(sale("S3", new Payment("PayPal", new BigDecimal("30.52"))))));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("payments[0].method");
            assertThat(r.reason()).contains("'PayPal' has no payment journal");
        });
        assertThat(sandbox.rows("salesInvoices")).isEmpty();
        assertThat(lines()).isEmpty();
    }

    @Test
    void aPaymentBatchWhoseAnswerIsLostIsNotEnteredTwice() {
        List<Order> sales = List.of(sale("S4", new Payment("Cash", new BigDecimal("30.52"))));
        sandbox.faults().nextWrite(Fault.lostResponse());

        SyncReport first = engine.run(flow(sales));
        SyncReport second = engine.run(flow(sales));

        assertThat(first.count(Outcome.RETRY_SCHEDULED)).isEqualTo(1);
        assertThat(second.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(lines()).hasSize(1);
        assertThat(sandbox.rows("salesInvoices")).hasSize(1);
    }
}

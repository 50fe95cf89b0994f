package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000 POS orders (30 % by customers Business Central does not know yet, 3 lines on average) into
 * the sandbox as sales invoices, through the engine: every order exactly once, no customer twice,
 * with and without injected faults.
 */
class OrderSyncTest {

    private static final int ORDERS = 1000;
    private static final int ITEMS = 60;
    private static final int KNOWN_CUSTOMERS = 120;

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(500).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<Order> seedAndGenerate() {
        for (int i = 0; i < ITEMS; i++) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", "SKU-" + i).put("displayName", "Item " + i)
                    .put("type", "Inventory").put("unitPrice", 10 + i));
        }
        for (int i = 0; i < KNOWN_CUSTOMERS; i++) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Known " + i)
                    .put("email", "known" + i + "@example.com").put("type", "Person"));
        }
        Random random = new Random(7);
        List<Order> orders = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < ORDERS; i++) {
            boolean isNew = random.nextDouble() < 0.30;
            String email = isNew ? "new" + random.nextInt(250) + "@example.com" : "known" + random.nextInt(KNOWN_CUSTOMERS) + "@example.com";
            Customer customer = Customer.builder(new Ref("pos", EntityType.CUSTOMER, email), start)
                    .email(email).contactPerson(io.possync.api.ContactPerson.of("Test", email.substring(0, email.indexOf('@'))))
                    .build();
            int lineCount = 1 + random.nextInt(5);
            List<OrderLine> lines = new ArrayList<>();
            BigDecimal gross = BigDecimal.ZERO;
            for (int l = 0; l < lineCount; l++) {
                BigDecimal price = new BigDecimal(5 + random.nextInt(50)).add(new BigDecimal("0.95"));
                lines.add(OrderLine.of("SKU-" + random.nextInt(ITEMS), "Line " + l, BigDecimal.ONE, price, new BigDecimal("21")));
                gross = gross.add(price);
            }
            BigDecimal net = gross.divide(new BigDecimal("1.21"), 2, RoundingMode.HALF_UP);
            orders.add(Order.builder(new Ref("pos", EntityType.ORDER, String.valueOf(i)), "POS-" + i, start.plusSeconds(60L * i))
                    .status(OrderStatus.COMPLETED).customer(customer).currency("EUR").lines(lines)
                    .payments(List.of(new Payment("PIN", gross))).totals(new OrderTotals(net, gross.subtract(net), gross))
                    .build());
        }
        return orders;
    }

    private Flow<Order> flow(BusinessCentral bc, List<Order> orders) {
        return Flow.orders("pos-sales").from(new ListSource<>(orders)).to(bc.salesInvoices()).kind(OrderKind.INVOICE)
                .customers(bc.customers()).products(bc.items()).pageSize(100)
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
    }

    private void assertEveryOrderOnceAndNoCustomerTwice() {
        Map<String, Long> invoices = sandbox.rows("salesInvoices").stream()
                .collect(Collectors.groupingBy(r -> r.path("externalDocumentNumber").asText(), Collectors.counting()));
        assertThat(invoices).hasSize(ORDERS).allSatisfy((number, count) -> assertThat(count).as(number).isEqualTo(1L));
        Map<String, Long> customers = sandbox.rows("customers").stream()
                .collect(Collectors.groupingBy(r -> r.path("email").asText().toLowerCase(), Collectors.counting()));
        assertThat(customers).allSatisfy((email, count) -> assertThat(count).as(email).isEqualTo(1L));
    }

    @Test
    void aThousandOrdersArriveExactlyOnceWithoutDuplicateCustomers() {
        List<Order> orders = seedAndGenerate();
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        InMemoryStateStore store = new InMemoryStateStore();

        SyncReport report = SyncEngine.builder().stateStore(store).build().run(flow(bc, orders));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.rejections()).isEmpty();
        assertEveryOrderOnceAndNoCustomerTwice();
        double perOrder = report.requestsBySystem().get("businesscentral") / (double) ORDERS;
        System.out.printf("Business Central requests per order: %.3f (%d requests for %d orders)%n", perOrder,
                report.requestsBySystem().get("businesscentral"), ORDERS);
        assertThat(perOrder).isLessThanOrEqualTo(0.2);
        long lines = sandbox.rows("salesInvoices").stream().mapToLong(r -> r.path("_lines").size()).sum();
        assertThat(lines).isEqualTo(orders.stream().mapToLong(o -> o.lines().size()).sum());
    }

    @Test
    void withOneInFiveRequestsThrottledAndLostWriteAnswersEveryOrderStillArrivesOnce() {
        List<Order> orders = seedAndGenerate();
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        InMemoryStateStore store = new InMemoryStateStore();
        SyncEngine engine = SyncEngine.builder().stateStore(store).build();
        Flow<Order> flow = flow(bc, orders);
        sandbox.faults().randomly(0.20, 0.02, 11)
                .nextWrite(io.possync.testkit.businesscentral.Fault.lostResponse())
                .nextWrite(io.possync.testkit.businesscentral.Fault.lostResponse());

        List<RunStatus> runs = new ArrayList<>();
        for (int run = 0; run < 30; run++) {
            SyncReport report = engine.run(flow);
            runs.add(report.status());
            if (report.status() == RunStatus.COMPLETED && store.retryQueue("pos-sales", 10).isEmpty()) {
                break;
            }
        }

        assertThat(sandbox.faults().injected()).isGreaterThan(5);
        assertThat(sandbox.faults().injected(io.possync.testkit.businesscentral.Fault.Kind.LOST_RESPONSE)).isGreaterThanOrEqualTo(2);
        assertThat(store.retryQueue("pos-sales", 10)).isEmpty();
        assertThat(runs.get(runs.size() - 1)).isEqualTo(RunStatus.COMPLETED);
        assertEveryOrderOnceAndNoCustomerTwice();
        System.out.println("runs until every order arrived: " + runs.size() + " " + runs + "; faults injected: "
                + sandbox.faults().injected());
    }
}

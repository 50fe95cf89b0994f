package io.possync.connector.businesscentral;

import io.possync.testkit.shop.ListSource;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.SyntheticShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final SyntheticShop shop = SyntheticShop.builder().orders(ORDERS).skus(ITEMS).knownCustomers(KNOWN_CUSTOMERS)
            .newCustomerShare(0.30).build();

    private List<Order> seedAndGenerate() {
        for (String sku : shop.skus()) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", "Item " + sku)
                    .put("type", "Inventory").put("unitPrice", 10));
        }
        for (String email : shop.knownCustomerEmails()) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", email).put("email", email)
                    .put("type", "Person"));
        }
        return shop.orders();
    }

    private Flow<Order> flow(BusinessCentral bc, List<Order> orders) {
        return Flow.orders("pos-sales").from(new ListSource<>("pos", orders)).to(bc.salesInvoices()).kind(OrderKind.INVOICE)
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
                .nextWrite(io.possync.testkit.Fault.lostResponse())
                .nextWrite(io.possync.testkit.Fault.lostResponse());

        List<RunStatus> runs = new ArrayList<>();
        for (int run = 0; run < 30; run++) {
            SyncReport report = engine.run(flow);
            runs.add(report.status());
            if (report.status() == RunStatus.COMPLETED && store.retryQueue("pos-sales", 10).isEmpty()) {
                break;
            }
        }

        assertThat(sandbox.faults().injected()).isGreaterThan(5);
        assertThat(sandbox.faults().injected(io.possync.testkit.Fault.Kind.LOST_RESPONSE)).isGreaterThanOrEqualTo(2);
        assertThat(store.retryQueue("pos-sales", 10)).isEmpty();
        assertThat(runs.get(runs.size() - 1)).isEqualTo(RunStatus.COMPLETED);
        assertEveryOrderOnceAndNoCustomerTwice();
        System.out.println("runs until every order arrived: " + runs.size() + " " + runs + "; faults injected: "
                + sandbox.faults().injected());
    }
}

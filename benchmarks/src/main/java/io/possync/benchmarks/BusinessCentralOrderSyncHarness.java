package io.possync.benchmarks;

import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.internal.Json;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.shop.SyntheticShop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syncs N synthetic POS orders (30 % by new customers, 3 lines on average) into the Business Central
 * sandbox as sales invoices and prints the requests Business Central received per order, the
 * writes the batch limit makes necessary at least, and the wall time; optionally with faults.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.possync.benchmarks.BusinessCentralOrderSyncHarness [orders] [busyRate] [lostWriteRate]
 * </pre>
 */
public final class BusinessCentralOrderSyncHarness {

    private BusinessCentralOrderSyncHarness() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double busy = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        double lost = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        SyntheticShop shop = SyntheticShop.builder().orders(orders).build();
        try (BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(1000).start()) {
            shop.skus().forEach(sku -> sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku)
                    .put("displayName", sku).put("type", "Inventory")));
            shop.knownCustomerEmails().forEach(email -> sandbox.seed("customers", Json.MAPPER.createObjectNode()
                    .put("displayName", email).put("email", email).put("type", "Person")));
            List<Order> generated = shop.orders();
            BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(
                    BusinessCentralSettings.cloud(sandbox.tenant(), sandbox.environment(), sandbox.clientId(),
                            Secret.of(sandbox.clientSecret())),
                    sandbox.companyName())
                    .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(50))
                            .maxBackoff(Duration.ofSeconds(1)).build())
                    .build());
            Flow<Order> flow = Flow.orders("pos-sales").from(new ListSource<>("pos", generated)).to(bc.salesInvoices())
                    .kind(OrderKind.INVOICE).customers(bc.customers()).products(bc.items()).pageSize(100)
                    .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
            InMemoryStateStore store = new InMemoryStateStore();
            SyncEngine engine = SyncEngine.builder().stateStore(store).build();
            sandbox.faults().randomly(busy, lost, 11);

            long started = System.nanoTime();
            int runs = 0;
            SyncReport report;
            do {
                report = engine.run(flow);
                runs++;
            } while ((report.status() != RunStatus.COMPLETED || !store.retryQueue("pos-sales", 1).isEmpty()) && runs < 50);
            long millis = (System.nanoTime() - started) / 1_000_000;

            Set<String> newCustomers = generated.stream().map(o -> o.customer().orElseThrow().email().orElseThrow())
                    .filter(e -> e.startsWith("new")).collect(Collectors.toSet());
            Map<String, Long> invoices = sandbox.rows("salesInvoices").stream()
                    .collect(Collectors.groupingBy(r -> r.path("externalDocumentNumber").asText(), Collectors.counting()));
            long requests = bc.requests().count();
            long writeBatches = (orders + 99) / 100 + (newCustomers.size() + 99) / 100;
            System.out.printf("orders                      %d (%d new customers)%n", orders, newCustomers.size());
            System.out.printf("faults                      %.0f %% busy, %.0f %% lost write answers: %d injected%n",
                    busy * 100, lost * 100, sandbox.faults().injected());
            System.out.printf("runs                        %d%n", runs);
            System.out.printf("requests to Business Central %d (%.3f per order)%n", requests, requests / (double) orders);
            System.out.printf("write batches at least       %d%n", writeBatches);
            System.out.printf("invoices                    %d distinct, %d duplicates%n", invoices.size(),
                    invoices.values().stream().mapToLong(n -> n - 1).sum());
            System.out.printf("wall time                   %d ms%n", millis);
        }
    }

}

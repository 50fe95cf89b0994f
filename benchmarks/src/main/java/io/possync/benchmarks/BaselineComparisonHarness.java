package io.possync.benchmarks;

import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
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
import io.possync.testkit.ScaledTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * possync beside the hand-written baseline ({@link HandWrittenBaseline}), in one run: the same N orders
 * ({@code SyntheticShop}, seed 7) into two fresh Business Central sandboxes with Business Central's rate limit
 * (6,000 requests per 5 minutes) on a clock running {@code factor} times faster; prints each side's requests and
 * time on that clock, and their ratio.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.possync.benchmarks.BaselineComparisonHarness [orders] [factor]
 * </pre>
 */
public final class BaselineComparisonHarness {

    private BaselineComparisonHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double factor = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        SyntheticShop shop = SyntheticShop.builder().orders(n).build();
        List<Order> orders = shop.orders();

        ScaledTime possyncTime = ScaledTime.startingAt(Instant.now(), factor);
        long possyncRequests;
        long possyncThrottled;
        Duration possyncTook;
        try (BusinessCentralSandbox sandbox = seeded(shop, possyncTime)) {
            BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(sandbox.tenant(),
                            sandbox.environment(), sandbox.clientId(), Secret.of(sandbox.clientSecret())), sandbox.companyName())
                    .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost()).timeSource(possyncTime)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).build()).build());
            Flow<Order> flow = Flow.orders("pos-sales").from(new ListSource<>("pos", orders)).to(bc.salesInvoices())
                    .kind(OrderKind.INVOICE).customers(bc.customers()).products(bc.items()).pageSize(100)
                    .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
            Instant start = possyncTime.now();
            SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).clock(possyncTime.asClock()).build().run(flow);
            possyncTook = Duration.between(start, possyncTime.now());
            if (report.status() != RunStatus.COMPLETED || sandbox.rows("salesInvoices").size() != n) {
                throw new IllegalStateException("possync did not invoice every order: " + report.summary());
            }
            possyncRequests = sandbox.requestCount();
            possyncThrottled = sandbox.throttledCount();
        }

        ScaledTime baselineTime = ScaledTime.startingAt(Instant.now(), factor);
        long baselineRequests;
        long baselineThrottled;
        Duration baselineTook;
        try (BusinessCentralSandbox sandbox = seeded(shop, baselineTime)) {
            HandWrittenBaseline baseline = new HandWrittenBaseline(sandbox, baselineTime);
            Instant start = baselineTime.now();
            int posted = baseline.sync(orders);
            baselineTook = Duration.between(start, baselineTime.now());
            if (posted != n || sandbox.rows("salesInvoices").size() != n) {
                throw new IllegalStateException("the baseline posted " + posted + " of " + n);
            }
            baselineRequests = sandbox.requestCount();
            baselineThrottled = sandbox.throttledCount();
        }

        System.out.printf("orders %d into Business Central (6,000 requests per 5 minutes), clock ×%.0f%n", n, factor);
        System.out.printf("%-12s %9s %9s %16s%n", "", "requests", "of them 429", "time (scaled)");
        System.out.printf("%-12s %9d %11d %14.1f s%n", "hand-written", baselineRequests, baselineThrottled, baselineTook.toMillis() / 1000.0);
        System.out.printf("%-12s %9d %11d %14.1f s%n", "possync", possyncRequests, possyncThrottled, possyncTook.toMillis() / 1000.0);
        System.out.printf("%-12s %8.1f× %11s %13.1f×%n", "ratio", baselineRequests / (double) possyncRequests, "",
                baselineTook.toMillis() / (double) Math.max(1, possyncTook.toMillis()));
    }

    private static BusinessCentralSandbox seeded(SyntheticShop shop, ScaledTime time) {
        BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().rateLimitTime(time).start();
        shop.skus().forEach(sku -> sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku)
                .put("displayName", sku).put("type", "Inventory")));
        shop.knownCustomerEmails().forEach(email -> sandbox.seed("customers", Json.MAPPER.createObjectNode()
                .put("displayName", email).put("email", email).put("type", "Person")));
        return sandbox;
    }
}

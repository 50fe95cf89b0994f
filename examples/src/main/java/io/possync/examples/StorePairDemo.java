package io.possync.examples;

import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.core.Flow;
import io.possync.core.StockCalculation;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.SyncReportTable;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Winstore ⇄ Business Central pair of the demo ({@code --pair winstore-businesscentral}): a Dutch
 * shop's articles (with their sizes) and stock become Business Central items, item variants and
 * inventory, and the sales orders its office enters in Business Central are posted into Winstore,
 * against both sandboxes, on two days.
 */
final class StorePairDemo {

    static final String NAME = "winstore-businesscentral";
    static final int ORDERS = 100;
    static final int NEW_ORDERS = 10;

    /** The reports of both days and what each side holds afterwards. */
    record Result(List<SyncReport> firstDay, List<SyncReport> secondDay, int items, int pictures, int variants, int ordersPosted,
                  int salesOrders, Map<String, BigDecimal> stockDifferences) {
    }

    private StorePairDemo() {
    }

    static Result run(PrintStream out, Path workDir, boolean terminal) {
        try (WinstoreSandbox storeSandbox = WinstoreSandbox.builder().start();
             BusinessCentralSandbox erpSandbox = BusinessCentralSandbox.builder().start()) {
            out.println("possync demo: Winstore (sandbox) ⇄ Business Central (sandbox)");
            DutchStore shop = new DutchStore(Instant.now());
            shop.seed(storeSandbox);
            out.printf("seeded: %d articles (%d variants), stock in two warehouses%n", DutchStore.ARTICLES, DutchStore.VARIANTS);
            // Winstore publishes no limit; the connector paces at 2 requests a second by default, which the demo need not wait for.
            Winstore winstore = Winstore.connect(WinstoreSettings.builder(storeSandbox.username(), Secret.of(storeSandbox.password()))
                    .baseUrl(storeSandbox.apiUri()).branch(1).channel("Kantoor").build(), RateLimiter.unlimited());
            BusinessCentral erp = BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(erpSandbox.tenant(),
                            erpSandbox.environment(), erpSandbox.clientId(), Secret.of(erpSandbox.clientSecret())), erpSandbox.companyName())
                    .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost())
                    .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(50)).build()).build());

            try (DemoRun.Session run = DemoRun.open(out, workDir, "-" + NAME, terminal)) {
                SyncEngine engine = run.engine();
                ProgressListener progress = run.progress();
                DemoRun.Files files = run.files();
                List<Flow<?>> flows = flows(winstore, erp);
                List<String> systems = List.of(Winstore.SYSTEM, "businesscentral");

                out.println();
                out.printf("day 1: articles and stock into Business Central; the office enters %d sales orders, posted into Winstore%n", ORDERS);
                List<SyncReport> first = DemoRun.runFlows(engine, flows, progress, "orders",
                        () -> shop.enterSalesOrders(engine, erp, 1, ORDERS));
                SyncReportTable.of(systems).print(out, "day 1", first);

                DutchStore.nextDay(storeSandbox);
                out.println();
                out.printf("day 2: one article renamed, one size sold out, %d new sales orders%n", NEW_ORDERS);
                List<SyncReport> second = DemoRun.runFlows(engine, flows, progress, "orders",
                        () -> shop.enterSalesOrders(engine, erp, ORDERS + 1, ORDERS + NEW_ORDERS));
                SyncReportTable.of(systems).print(out, "day 2 (only the changes move)", second);
                out.println();
                out.println("activity log written to " + files.activity().toAbsolutePath());
                Map<String, BigDecimal> differences = stockDifferences(storeSandbox, erpSandbox);
                out.printf("Business Central holds %d items (each with its picture) and %d item variants; Winstore holds %d orders for"
                                + " %d sales orders; stock differences: %d%n", erpSandbox.rows("items").size(), erpSandbox.rows("itemVariants").size(),
                        storeSandbox.orders().size(), erpSandbox.rows("salesOrders").size(), differences.size());
                int pictures = (int) erpSandbox.rows("items").stream().filter(i -> i.path("_pictureBytes").asInt() > 0).count();
                return new Result(first, second, erpSandbox.rows("items").size(), pictures, erpSandbox.rows("itemVariants").size(),
                        storeSandbox.orders().size(), erpSandbox.rows("salesOrders").size(), differences);
            }
        }
    }

    /** Articles before the stock of their items; Winstore's "available" already excludes reservations. */
    static List<Flow<?>> flows(Winstore winstore, BusinessCentral erp) {
        return List.of(
                Flow.products("articles winstore→erp").from(winstore.articles()).to(erp.items()).build(),
                Flow.stock("stock winstore→erp").from(winstore.stock()).to(erp.stock()).calculation(StockCalculation.AVAILABLE).build(),
                Flow.orders("orders erp→winstore").from(erp.salesOrders().withCustomers()).to(winstore.orders()).build());
    }

    /** Items whose inventory differs from the article's available stock in Winstore: article number → difference. */
    static Map<String, BigDecimal> stockDifferences(WinstoreSandbox store, BusinessCentralSandbox erp) {
        Map<String, BigDecimal> expected = DutchStore.availableByArticle(store);
        Map<String, BigDecimal> out = new TreeMap<>();
        erp.rows("items").forEach(i -> {
            BigDecimal want = expected.getOrDefault(i.path("number").asText(), BigDecimal.ZERO);
            BigDecimal diff = i.path("inventory").decimalValue().subtract(want);
            if (diff.signum() != 0) {
                out.put(i.path("number").asText(), diff);
            }
        });
        return out;
    }
}

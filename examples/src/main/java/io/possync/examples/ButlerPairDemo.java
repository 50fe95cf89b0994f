package io.possync.examples;

import io.possync.api.KeyType;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.SyncReportTable;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Lightspeed → BuchhaltungsButler pair of the demo ({@code --pair lightspeed-buchhaltungsbutler}):
 * a German shop's customers become debtor accounts and its sales outgoing receipts with their postings
 * (revenue account and VAT key per rate), against both sandboxes, on two days.
 */
final class ButlerPairDemo {

    static final String NAME = "lightspeed-buchhaltungsbutler";

    /** The reports of both days, and what BuchhaltungsButler holds afterwards. */
    record Result(List<SyncReport> firstDay, List<SyncReport> secondDay, int receipts, int debtors, int sales, int customers) {
    }

    private ButlerPairDemo() {
    }

    static Result run(PrintStream out, Path workDir, boolean terminal) {
        // BuchhaltungsButler allows 100 requests a minute and one receipt batch every 5 seconds; its sandbox's
        // clock runs 50 times faster so the demo does not wait, and the pacing is real.
        ScaledTime butlerTime = ScaledTime.startingAt(Instant.now(), 50);
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Köln").bucket(100_000, 100_000).start();
             BuchhaltungsButlerSandbox booksSandbox = BuchhaltungsButlerSandbox.builder().time(butlerTime).start()) {
            out.println("possync demo: Lightspeed Retail (sandbox) → BuchhaltungsButler (sandbox)");
            GermanShop shop = new GermanShop(Instant.now());
            shop.seed(posSandbox, booksSandbox);
            out.printf("seeded: %d items (books at 7 %%, the rest at 19 %%), %d customers, %d sales over 10 days%n",
                    GermanShop.ITEMS, GermanShop.CUSTOMERS, GermanShop.SALES);
            List<String> issued = posSandbox.issuedRefreshTokens();
            LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(posSandbox.clientId(),
                            Secret.of(posSandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                    .endpoints(posSandbox.apiUri(), posSandbox.tokenUri()).currency("EUR").build());
            BuchhaltungsButler books = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder(booksSandbox.apiClient(),
                            Secret.of(booksSandbox.apiSecret()), Secret.of(booksSandbox.apiKey())).baseUrl(booksSandbox.apiUri())
                    .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300)     // SKR03
                    .timeSource(butlerTime)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(200))
                            .maxBackoff(Duration.ofSeconds(5)).maxElapsed(Duration.ofMinutes(30)).build())
                    .build());

            try (DemoRun.Session run = DemoRun.open(out, workDir, "-" + NAME, terminal)) {
                SyncEngine engine = run.engine();
                ProgressListener progress = run.progress();
                Path activityFile = run.files().activity();
                List<Flow<?>> flows = flows(pos, books);
                List<String> systems = List.of(LightspeedRetail.SYSTEM, BuchhaltungsButler.SYSTEM);

                out.println();
                out.println("day 1: the shop's customers become debtors, every sale a receipt with its postings");
                List<SyncReport> first = DemoRun.runFlows(engine, flows, progress, "", () -> { });
                SyncReportTable.of(systems).print(out, "day 1", first);

                shop.nextDay(posSandbox, Instant.now());
                out.println();
                out.printf("day 2: %d new customer and %d new sales in the shop%n", GermanShop.NEW_CUSTOMERS, GermanShop.NEW_SALES);
                List<SyncReport> second = DemoRun.runFlows(engine, flows, progress, "", () -> { });
                SyncReportTable.of(systems).print(out, "day 2 (only the changes move)", second);
                out.println();
                out.println("activity log written to " + activityFile.toAbsolutePath());
                int debtors = (int) booksSandbox.debtors().stream().filter(d -> !d.path("customer_number").asText().isEmpty()).count();
                out.printf("BuchhaltungsButler holds %d receipts for %d sales and %d debtors for %d customers%n",
                        booksSandbox.receipts().size(), shop.sales(), debtors, shop.customerIds().size());
                return new Result(first, second, booksSandbox.receipts().size(), debtors, shop.sales(), shop.customerIds().size());
            }
        }
    }

    /** Customers before the sales that refer to them; anonymous sales on the cash-sales debtor. */
    static List<Flow<?>> flows(LightspeedRetail pos, BuchhaltungsButler books) {
        return List.of(
                Flow.customers("customers pos→books").from(pos.customers()).to(books.debtors()).matchKey(KeyType.CUSTOMER_NUMBER).build(),
                Flow.orders("sales pos→books").from(pos.sales()).to(books.receipts()).customers(books.debtors())
                        .customerMatchKey(KeyType.CUSTOMER_NUMBER).defaultDebtor(GermanShop.CASH_DEBTOR).build());
    }
}

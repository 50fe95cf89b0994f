package io.possync.examples;

import io.possync.api.KeyType;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.SyncReportTable;
import io.possync.core.mapping.ValueMap;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lightspeed ⇄ MplusKASSA pair of the demo ({@code --pair lightspeed-mpluskassa}): the web shop's
 * items become till articles (the turnover group per VAT rate through a value map) and its customers
 * relations, its orders are entered in the till (employee 999999, payment methods mapped to the till's
 * codes), and the till's stock and its own sales go back to the web shop — against both sandboxes, on
 * two days.
 */
final class TillPairDemo {

    static final String NAME = "lightspeed-mpluskassa";

    /** The reports of both days, and what each side holds afterwards. */
    record Result(List<SyncReport> firstDay, List<SyncReport> secondDay, int tillOrders, int webOrders, int shopSalesFromTill,
                  int tillSales, int relations, int customers, List<String> stockDifferences) {
    }

    private TillPairDemo() {
    }

    static Result run(PrintStream out, Path workDir, boolean terminal) {
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
             MplusSandbox tillSandbox = MplusSandbox.builder().start()) {
            out.println("possync demo: Lightspeed Retail (sandbox) ⇄ MplusKASSA (sandbox)");
            DutchTill shop = new DutchTill(Instant.now());
            shop.seedShop(posSandbox);
            out.printf("seeded: %d items (numeric SKUs; books at 9 %%, the rest at 21 %%), %d customers, %d web orders%n",
                    DutchTill.ITEMS, DutchTill.CUSTOMERS, DutchTill.WEB_ORDERS);
            LightspeedRetail pos = LightspeedRetail.connect(posSettings(posSandbox));
            MplusKassa till = MplusKassa.connect(MplusSettings.builder(0, tillSandbox.ident(), Secret.of(tillSandbox.secret()))
                    .baseUrl(tillSandbox.apiUri()).turnoverGroup(10)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
                            .build())
                    .build());

            try (DemoRun.Session run = DemoRun.open(out, workDir, "-" + NAME, terminal)) {
                SyncEngine engine = run.engine();
                ProgressListener progress = run.progress();
                Path activityFile = run.files().activity();
                List<Flow<?>> flows = flows(pos, till);
                List<String> systems = List.of(LightspeedRetail.SYSTEM, MplusKassa.SYSTEM);

                out.println();
                out.println("day 1: items, customers and web orders go to the till; the till's stock and sales come back");
                List<SyncReport> first = DemoRun.runFlows(engine, flows, progress, "till sales", () -> shop.openTill(tillSandbox));
                SyncReportTable.of(systems).print(out, "day 1", first);

                shop.nextDay(posSandbox, tillSandbox, Instant.now());
                out.println();
                out.printf("day 2: %d new web orders, %d new till sales%n", DutchTill.NEW_WEB_ORDERS, DutchTill.NEW_TILL_SALES);
                List<SyncReport> second = DemoRun.runFlows(engine, flows, progress, "", () -> { });
                SyncReportTable.of(systems).print(out, "day 2 (only the changes move)", second);
                out.println();
                out.println("activity log written to " + activityFile.toAbsolutePath());
                int fromTill = (int) posSandbox.records("Sale").stream().filter(s -> s.path("referenceNumber").asText().startsWith("1-1-")).count();
                Result result = new Result(first, second, tillSandbox.orders().size(), shop.webOrders(), fromTill, shop.tillSales(),
                        tillSandbox.relations().size(), DutchTill.CUSTOMERS, stockDifferences(shop, posSandbox, tillSandbox));
                out.printf("MplusKASSA holds %d orders for %d web orders; Lightspeed holds %d sales for %d till sales;"
                                + " stock differs for %d of %d items%n", result.tillOrders(), result.webOrders(), result.shopSalesFromTill(),
                        result.tillSales(), result.stockDifferences().size(), DutchTill.ITEMS);
                return result;
            }
        }
    }

    /** Every SKU whose stock differs between the till (branch 1) and the web shop (shop 1), with both numbers. */
    static List<String> stockDifferences(DutchTill shop, LightspeedSandbox pos, MplusSandbox till) {
        java.util.Map<String, String> itemIds = new java.util.HashMap<>();
        pos.records("Item").forEach(i -> itemIds.put(i.path("customSku").asText(), i.path("itemID").asText()));
        List<String> differences = new ArrayList<>();
        for (String sku : shop.skus()) {
            java.math.BigDecimal inTill = till.stock(Long.parseLong(sku))
                    .map(s -> java.math.BigDecimal.valueOf(s.amount(), s.decimalPlaces())).orElse(java.math.BigDecimal.ZERO);
            java.math.BigDecimal inShop = pos.records("ItemShop").stream()
                    .filter(s -> s.path("itemID").asText().equals(itemIds.get(sku)) && s.path("shopID").asText().equals("1"))
                    .map(s -> new java.math.BigDecimal(s.path("qoh").asText("0"))).findFirst().orElse(java.math.BigDecimal.ZERO);
            if (inTill.compareTo(inShop) != 0) {
                differences.add(sku + ": till " + inTill.toPlainString() + ", shop " + inShop.toPlainString());
            }
        }
        return differences;
    }

    static LightspeedRetailSettings posSettings(LightspeedSandbox sandbox) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).currency("EUR").stockShop("1").salesInto("1", "1", "1")
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
                        .build())
                .build();
    }

    /** Master data before the orders that refer to it; the till's stock and sales after the till has its articles. */
    static List<Flow<?>> flows(LightspeedRetail pos, MplusKassa till) {
        return flows(pos, till, io.possync.core.RetrySchedule.ofDefaults());
    }

    /** {@link #flows(LightspeedRetail, MplusKassa)} with failed records retried on {@code retries}. */
    static List<Flow<?>> flows(LightspeedRetail pos, MplusKassa till, io.possync.core.RetrySchedule retries) {
        ValueMap paymentCodes = ValueMap.builder("paymentCodes").row("Cash", "CONTANT").row("Credit Card", "PIN").build();
        ValueMap paymentTypes = ValueMap.builder("paymentTypes").row("CONTANT", "Cash").row("PIN", "Credit Card").build();
        // The till books turnover per VAT rate: the web shop's tax class says which group a new article joins.
        ValueMap turnoverGroups = ValueMap.builder("turnoverGroups").row("1", "10").row("2", "20").build();
        return List.of(
                Flow.products("items pos→till").from(pos.items()).to(till.articles())
                        .mapping(m -> m.withValueMap(turnoverGroups).override("turnoverGroup", "$valueMap('turnoverGroups', taxClass)",
                                io.possync.api.FieldMode.CREATE_ONLY))
                        .retrySchedule(retries).build(),
                // Articles the till adds itself go to the web shop; those that came from it are not sent back.
                Flow.products("articles till→pos").from(till.articles()).to(pos.items()).retrySchedule(retries).build(),
                Flow.customers("customers pos→till").from(pos.customers()).to(till.relations()).matchKey(KeyType.EMAIL)
                        .retrySchedule(retries).build(),
                // The engine does not send back what it wrote from the till (its links say so); a till sale whose write
                // answer was lost has no link until its retry, so the sale's reference (the till's receipt number,
                // branch-workplace-year-number) keeps it out as well.
                Flow.orders("web orders pos→till").from(pos.sales()).to(till.orders())
                        .filter(sale -> !sale.raw().map(r -> r.path("referenceNumber").asText()).orElse("").matches("\\d+-\\d+-\\d{4}-\\d+"))
                        .customers(till.relations()).products(till.articles()).defaultDebtor("0")
                        .mapping(m -> m.withValueMap(paymentCodes)
                                .override("payments", "[payments.{'method': $valueMap('paymentCodes', method), 'amount': amount}]"))
                        .retrySchedule(retries).build(),
                Flow.orders("till sales till→pos").from(till.receipts()).to(pos.sales()).products(pos.items())
                        .mapping(m -> m.withValueMap(paymentTypes)
                                .override("payments", "[payments.{'method': $valueMap('paymentTypes', method), 'amount': amount}]"))
                        .retrySchedule(retries).build(),
                // Last: the till's stock after every sale of the run, written as absolute numbers.
                Flow.stock("stock till→pos").from(till.stock()).to(pos.stock()).retrySchedule(retries).build());
    }
}

package io.possync.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads N completed sales (2 lines each, with payments) from the Lightspeed sandbox at Lightspeed's
 * default bucket (60 units, 1 unit per second, GET = 1 unit), on a clock running {@code factor}
 * times faster, and prints sales read per second of API time, the bound the bucket allows (100
 * sales per page, one page per drip after the first 60) and the ratio of the two.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.possync.benchmarks.LightspeedSalesReadHarness [sales] [factor]
 * </pre>
 */
public final class LightspeedSalesReadHarness {

    private LightspeedSalesReadHarness() {
    }

    public static void main(String[] args) {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double factor = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), factor);
        try (LightspeedSandbox sandbox = LightspeedSandbox.builder().time(time).shop("Amsterdam").shop("Utrecht").start()) {
            ObjectNode mug = sandbox.seed("Item", item("MUG-1", "Mug"));
            ObjectNode tee = sandbox.seed("Item", item("TEE-1", "T-shirt"));
            DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
            for (int i = 0; i < sales; i++) {
                ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false")
                        .put("shopID", String.valueOf(1 + i % 2))
                        .put("timeStamp", format.format(Instant.parse("2026-10-01T09:00:00Z").plusSeconds(i * 7L / 5)
                                .atOffset(ZoneOffset.UTC)));
                var lines = sale.putObject("SaleLines").putArray("SaleLine");
                lines.addObject().put("itemID", mug.get("itemID").asText()).put("unitQuantity", "2").put("unitPrice", "9.95")
                        .put("tax1Rate", "0.21");
                lines.addObject().put("itemID", tee.get("itemID").asText()).put("unitQuantity", "1").put("unitPrice", "24.5")
                        .put("tax1Rate", "0.21");
                sale.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", "53.72").put("paymentTypeID", "1");
                sandbox.seed("Sale", sale);
            }
            List<String> issued = sandbox.issuedRefreshTokens();
            LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(),
                            Secret.of(sandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                    .endpoints(sandbox.apiUri(), sandbox.tokenUri()).accountId(sandbox.accountId()).timeSource(time).build());

            long start = time.nanoTime();
            long wallStart = System.nanoTime();
            Set<String> seen = new HashSet<>();
            Cursor cursor = Cursor.initial();
            int pages = 0;
            while (true) {
                Page<Order> page = pos.sales().changesSince(cursor, 100);
                pages++;
                page.records().forEach(o -> seen.add(o.number()));
                cursor = page.next();
                if (!page.hasMore()) {
                    break;
                }
            }
            double seconds = (time.nanoTime() - start) / 1e9;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            int minimumPages = (sales + 99) / 100;
            double bound = Math.max(minimumPages - 60, 0) / 1.0;
            System.out.printf("sales read: %d distinct of %d in %d pages (%d API requests)%n", seen.size(), sales, pages,
                    pos.requests().count());
            System.out.printf("API time: %.0f s (scaled ×%.0f, wall %.1f s); bound %.0f s; ratio %.3f%n", seconds, factor, wall,
                    bound, seconds / bound);
            System.out.printf("sales/s: %.1f; bound %.1f sales/s; 429s %d%n", sales / seconds, sales / bound,
                    sandbox.throttledCount());
        }
    }

    private static ObjectNode item(String sku, String description) {
        ObjectNode item = Json.MAPPER.createObjectNode().put("description", description).put("customSku", sku);
        item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", "9.95").put("useType", "Default");
        return item;
    }
}

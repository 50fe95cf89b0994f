package io.possync.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

/** A completed Lightspeed sale as the pair demos' shops ring it up: 1–3 random lines, 30 % with a customer, paid in full. */
final class SaleSeed {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private SaleSeed() {
    }

    /**
     * Seeds the sale at {@code at} in shop 1: items picked from {@code items}, each taxed at {@code rateOf(item)}
     * (a fraction), up to {@code maxQuantity} of each, paid with the payment type {@code paymentType} gives.
     */
    static void completed(LightspeedSandbox pos, Instant at, List<ObjectNode> items, List<String> customerIds, Random random,
                          Function<ObjectNode, String> rateOf, int maxQuantity, Supplier<String> paymentType) {
        String stamp = STAMP.format(at.atOffset(ZoneOffset.UTC));
        ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1")
                .put("timeStamp", stamp).put("createTime", stamp).put("completeTime", stamp);
        if (random.nextInt(10) < 3) {
            sale.put("customerID", customerIds.get(random.nextInt(customerIds.size())));
        }
        ArrayNode lines = sale.putObject("SaleLines").putArray("SaleLine");
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
            ObjectNode item = items.get(random.nextInt(items.size()));
            String rate = rateOf.apply(item);
            int quantity = 1 + random.nextInt(maxQuantity);
            String price = item.path("Prices").path("ItemPrice").get(0).path("amount").asText();
            lines.addObject().put("itemID", item.get("itemID").asText()).put("unitQuantity", String.valueOf(quantity))
                    .put("unitPrice", price).put("tax1Rate", rate);
            BigDecimal net = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity));
            total = total.add(net).add(net.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP));
        }
        sale.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", total.toPlainString())
                .put("paymentTypeID", paymentType.get());
        pos.seed("Sale", sale);
    }
}

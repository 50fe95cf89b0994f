package io.possync.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A Dutch retailer for the Lightspeed ⇄ MplusKASSA pair, seeded deterministically: a Lightspeed web
 * shop with 20 items (numeric SKUs, as MplusKASSA's article numbers must be; books at 9 %, the rest at
 * 21 % VAT), 20 customers and 100 completed orders; a MplusKASSA till in the shop that receives the
 * goods and rings up its own sales.
 */
final class DutchTill {

    static final int ITEMS = 20;
    static final int CUSTOMERS = 20;
    static final int WEB_ORDERS = 100;
    static final int TILL_SALES = 40;
    static final int RECEIVED = 50;
    /** Day 2: new web orders and till sales. */
    static final int NEW_WEB_ORDERS = 10;
    static final int NEW_TILL_SALES = 5;

    private final Random random = new Random(21);
    private final Instant firstDay;
    private final List<ObjectNode> items = new ArrayList<>();
    private final List<String> customerIds = new ArrayList<>();
    private int webOrders;
    private int tillSales;

    DutchTill(Instant now) {
        this.firstDay = now.minusSeconds(10L * 24 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    int webOrders() {
        return webOrders;
    }

    int tillSales() {
        return tillSales;
    }

    List<String> skus() {
        return items.stream().map(i -> i.path("customSku").asText()).toList();
    }

    /** The web shop's items, customers and orders. */
    void seedShop(LightspeedSandbox pos) {
        for (int i = 0; i < ITEMS; i++) {
            // Tax class 2 is the reduced rate (books), 1 the standard rate.
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", (i % 5 == 0 ? "Kookboek " : "Mok ") + i)
                    .put("customSku", String.valueOf(100_001 + i)).put("taxClassID", i % 5 == 0 ? "2" : "1");
            item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", (4 + i) + ".95").put("useType", "Default");
            items.add(pos.seed("Item", item));
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            ObjectNode c = Json.MAPPER.createObjectNode().put("firstName", "Jan").put("lastName", "Jansen " + i);
            c.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject().put("address", "klant" + i + "@example.nl")
                    .put("useType", "Primary");
            customerIds.add(pos.seed("Customer", c).get("customerID").asText());
        }
        for (int i = 0; i < WEB_ORDERS; i++) {
            webOrder(pos, firstDay.plusSeconds(i * 7_200L));
        }
    }

    /** The till receives every article's first delivery and rings up its own sales (after the articles reached it). */
    void openTill(MplusSandbox till) {
        for (String sku : skus()) {
            till.receiveGoods(Long.parseLong(sku), RECEIVED);
        }
        for (int i = 0; i < TILL_SALES; i++) {
            tillSale(till);
        }
    }

    /** The article the till adds on day 2, which the web shop then sells too. */
    static final long TILL_ARTICLE = 200_001;

    /** The second day: new web orders and till sales, and an article the till adds itself. */
    void nextDay(LightspeedSandbox pos, MplusSandbox till, Instant now) {
        till.seedArticle(TILL_ARTICLE, "Theedoek", 795);
        for (int i = 0; i < NEW_WEB_ORDERS; i++) {
            webOrder(pos, now.minusSeconds(3_600 + (NEW_WEB_ORDERS - i) * 60L));
        }
        for (int i = 0; i < NEW_TILL_SALES; i++) {
            tillSale(till);
        }
    }

    private void tillSale(MplusSandbox till) {
        till.ringUp(Long.parseLong(skus().get(random.nextInt(ITEMS))), 1 + random.nextInt(2), random.nextBoolean() ? "CONTANT" : "PIN", 0);
        tillSales++;
    }

    private void webOrder(LightspeedSandbox pos, Instant at) {
        SaleSeed.completed(pos, at, items, customerIds, random,
                item -> item.path("description").asText().startsWith("Kookboek") ? "0.09" : "0.21", 2, () -> random.nextBoolean() ? "1" : "2");
        webOrders++;
    }
}

package io.possync.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A German shop on Lightspeed Retail, seeded deterministically for the Lightspeed → BuchhaltungsButler
 * pair: 20 items (books at 7 %, the rest at 19 % VAT), 30 customers in Cologne (every third a company),
 * 300 completed sales over the last 10 days, 30 % of them with a customer; and its bookkeeping tenant
 * with the cash-sales debtor 10000.
 */
final class GermanShop {

    static final int ITEMS = 20;
    static final int CUSTOMERS = 30;
    static final int SALES = 300;
    /** Day 2: one new customer and 20 new sales. */
    static final int NEW_CUSTOMERS = 1;
    static final int NEW_SALES = 20;
    static final String CASH_DEBTOR = "10000";

    private final Random random = new Random(19);
    private final Instant firstDay;
    private final List<ObjectNode> items = new ArrayList<>();
    private final List<String> customerIds = new ArrayList<>();
    private int sales;

    GermanShop(Instant now) {
        this.firstDay = now.minusSeconds(10L * 24 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The Lightspeed ids of the shop's customers. */
    List<String> customerIds() {
        return List.copyOf(customerIds);
    }

    /** How many sales the shop has rung up. */
    int sales() {
        return sales;
    }

    void seed(LightspeedSandbox pos, BuchhaltungsButlerSandbox books) {
        books.seedDebtor(Json.MAPPER.createObjectNode().put("postingaccount_number", CASH_DEBTOR).put("name", "Barverkauf"));
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", (i % 4 == 0 ? "Buch " : "Tasse ") + i)
                    .put("customSku", "DE-" + i);
            item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", (5 + i) + ".90").put("useType", "Default");
            items.add(pos.seed("Item", item));
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            customerIds.add(customer(pos, i));
        }
        for (int i = 0; i < SALES; i++) {
            sale(pos, firstDay.plusSeconds(i * 2_400L));
        }
    }

    /** The second day: a new customer and new sales, the last an hour ago. */
    void nextDay(LightspeedSandbox pos, Instant now) {
        for (int i = 0; i < NEW_CUSTOMERS; i++) {
            customerIds.add(customer(pos, customerIds.size()));
        }
        for (int i = 0; i < NEW_SALES; i++) {
            sale(pos, now.minusSeconds(3_600 + (NEW_SALES - i) * 60L));
        }
    }

    private String customer(LightspeedSandbox pos, int i) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("firstName", "Erika").put("lastName", "Muster " + i);
        if (i % 3 == 0) {
            c.put("company", "Muster GmbH " + i);
        }
        ObjectNode contact = c.putObject("Contact");
        contact.putObject("Emails").putArray("ContactEmail").addObject().put("address", "kunde" + i + "@example.de").put("useType", "Primary");
        contact.putObject("Addresses").putArray("ContactAddress").addObject().put("address1", "Hauptstraße " + (i + 1)).put("city", "Köln")
                .put("zip", "50667").put("countryCode", "DE");
        return pos.seed("Customer", c).get("customerID").asText();
    }

    private void sale(LightspeedSandbox pos, Instant at) {
        SaleSeed.completed(pos, at, items, customerIds, random,
                item -> item.path("description").asText().startsWith("Buch") ? "0.07" : "0.19", 3, () -> "1");
        sales++;
    }
}

package io.possync.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Dutch shop whose articles live in AccountView and whose till is Lightspeed Retail, seeded
 * deterministically for the Lightspeed ⇄ AccountView pair: 20 articles in two groups (every fifth at
 * 9 % VAT, the rest at 21 %) with their stock, the cash-sales debtor 10000; 30 customers in the shop
 * (every third a company), and the sales the till rings up once it sells the articles.
 */
final class DutchLedger {

    static final int ARTICLES = 20;
    static final int CUSTOMERS = 30;
    static final String CASH_DEBTOR = "10000";

    private final Random random = new Random(23);
    private final Instant firstDay;
    private final List<String> customerIds = new ArrayList<>();
    private int sales;

    DutchLedger(Instant now) {
        this.firstDay = now.minusSeconds(10L * 24 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The article code of article {@code a} (1…20). */
    static String code(int a) {
        return String.format("ART%03d", a);
    }

    /** The bookkeeping: article groups, articles with stock, the cash-sales debtor. */
    void seedBooks(AccountViewSandbox books) {
        books.seedGroup("BOEK", "Boeken");
        books.seedGroup("KOFFIE", "Koffie en thee");
        books.seedDebtor(Map.of("SUB_NR", CASH_DEBTOR, "ACCT_NAME", "Kassaverkopen", "SRC_CODE", "KASSA", "ACCT_NR", "1300"));
        for (int a = 1; a <= ARTICLES; a++) {
            books.seedArticle(Map.of("ART_CODE", code(a), "ART_DESC1", (a % 5 == 0 ? "Boek " : "Koffie ") + a,
                    "AG_CODE", a % 5 == 0 ? "BOEK" : "KOFFIE", "PX_SELL", 5 + a + 0.95, "QTY_AVAIL", 10 + a % 7,
                    "VAT_CODE", a % 5 == 0 ? "1" : "2", "EAN_CODE", String.format("87100000%05d", a)));
        }
    }

    /** The shop's customers in Lightspeed. */
    void seedShop(LightspeedSandbox pos) {
        for (int i = 0; i < CUSTOMERS; i++) {
            customerIds.add(customer(pos, i));
        }
    }

    /** Rings up {@code n} completed sales over the last ten days, of the items the till sells. */
    void ringUp(LightspeedSandbox pos, int n) {
        List<ObjectNode> items = pos.records("Item");
        for (int i = 0; i < n; i++) {
            SaleSeed.completed(pos, firstDay.plusSeconds(i * 1_200L), items, customerIds, random,
                    item -> item.path("description").asText().startsWith("Boek") ? "0.09" : "0.21", 3, () -> "1");
            sales++;
        }
    }

    /** Day 2 in the books: a price and a stock level change, and a debtor the bookkeeper enters (a customer on account). */
    static void nextDay(AccountViewSandbox books) {
        books.seedDebtor(Map.of("ACCT_NAME", "Hotel De Waag", "SRC_CODE", "DE WAAG", "ACCT_NR", "1300", "MAIL_BUS", "inkoop@dewaag.nl",
                "MAIN_CONT", "Els Bakker", "CNT_CODE", "NL"));
        books.modifyArticle(code(3), "PX_SELL", 12.5);
        books.modifyArticle(code(4), "QTY_AVAIL", 0);
    }

    /** Day 2 in the shop: a new customer and {@code n} new sales. */
    void nextDay(LightspeedSandbox pos, int n) {
        customerIds.add(customer(pos, customerIds.size()));
        List<ObjectNode> items = pos.records("Item");
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            SaleSeed.completed(pos, now.minusSeconds(3_600 + (n - i) * 60L), items, customerIds, random,
                    item -> item.path("description").asText().startsWith("Boek") ? "0.09" : "0.21", 3, () -> "1");
            sales++;
        }
    }

    int sales() {
        return sales;
    }

    List<String> customerIds() {
        return List.copyOf(customerIds);
    }

    private static String customer(LightspeedSandbox pos, int i) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("firstName", "Sanne").put("lastName", "de Vries " + i);
        if (i % 3 == 0) {
            c.put("company", "Koffiebar " + i);
        }
        ObjectNode contact = c.putObject("Contact");
        contact.putObject("Emails").putArray("ContactEmail").addObject().put("address", "klant" + i + "@example.nl").put("useType", "Primary");
        contact.putObject("Addresses").putArray("ContactAddress").addObject().put("address1", "Oudegracht " + (i + 1)).put("city", "Utrecht")
                .put("zip", "3511 AB").put("countryCode", "NL");
        return pos.seed("Customer", c).get("customerID").asText();
    }
}

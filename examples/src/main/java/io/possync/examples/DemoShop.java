package io.possync.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's retailer, seeded deterministically: a Lightspeed account with two shops, 40 configurable
 * products (3 colours × 3 sizes each), 100 simple products, 200 customers and 1,000 sales over 30
 * days; a Business Central company that already knows 20 of the customers and has a debtor for
 * anonymous till sales. Three records are bad on purpose: a product name too long for Business
 * Central (and the two sales that sold it), and a customer with an invalid e-mail address.
 */
final class DemoShop {

    static final int MATRICES = 40;
    static final int SIMPLE = 100;
    static final int CUSTOMERS = 200;
    static final int KNOWN_TO_ERP = 20;
    static final int COMPANIES = 60;
    static final int SALES = 1_000;
    static final int SALES_WITH_BAD_PRODUCT = 2;
    static final String BAD_EMAIL = "jan.jansen(at)example.nl";
    static final String[] COLOURS = {"Navy", "Sand", "Black"};
    static final String[] SIZES = {"S", "M", "L"};

    /** Day 2: changes made in both systems between the runs. */
    static final int CHANGED_PRODUCTS = 10;
    static final int NEW_CUSTOMERS = 5;
    static final int CHANGED_CUSTOMERS = 1;
    static final int NEW_SALES = 100;
    static final int CHANGED_STOCK = 10;
    static final int CANCELLED_INVOICES = 2;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Random random = new Random(2026);
    private final Instant firstDay;
    private final List<ObjectNode> sellable = new ArrayList<>();
    private final List<String> customerIds = new ArrayList<>();
    private ObjectNode badItem;
    private String defaultDebtorNumber;

    DemoShop(Instant today) {
        this.firstDay = today.truncatedTo(ChronoUnit.DAYS).minus(30, ChronoUnit.DAYS);
    }

    /** The Business Central number of the debtor anonymous sales are booked on. */
    String defaultDebtorNumber() {
        return defaultDebtorNumber;
    }

    void seed(LightspeedSandbox pos, BusinessCentralSandbox erp) {
        seedErp(erp);
        String clothing = category(pos, "Clothing", "0");
        String[] clothes = {category(pos, "T-shirts", clothing), category(pos, "Sweaters", clothing)};
        String home = category(pos, "Home", "0");
        String[] homeware = {category(pos, "Mugs", home), category(pos, "Candles", home), category(pos, "Books", "0")};
        for (int m = 0; m < MATRICES; m++) {
            boolean tee = m % 2 == 0;
            String name = (tee ? "Organic T-shirt " : "Wool sweater ") + (m + 1);
            ObjectNode matrix = Json.MAPPER.createObjectNode().put("description", name).put("itemAttributeSetID", "1")
                    .put("categoryID", clothes[m % 2]);
            price(matrix, tee ? "29.00" : "79.00");
            String matrixId = pos.seed("ItemMatrix", matrix).get("itemMatrixID").asText();
            for (String colour : COLOURS) {
                for (String size : SIZES) {
                    String sku = (tee ? "TEE-" : "SWT-") + (m + 1) + "-" + colour.toUpperCase() + "-" + size;
                    ObjectNode item = Json.MAPPER.createObjectNode().put("description", name + " " + colour + " " + size)
                            .put("customSku", sku).put("itemMatrixID", matrixId).put("categoryID", clothes[m % 2])
                            .put("defaultCost", tee ? "11.00" : "31.00");
                    item.putObject("ItemAttributes").put("attribute1", colour).put("attribute2", size).put("itemAttributeSetID", "1");
                    price(item, tee ? "29.00" : "79.00");
                    sellable.add(pos.seed("Item", item));
                }
            }
        }
        String[] kinds = {"Stoneware mug", "Soy candle", "Cookbook"};
        for (int i = 0; i < SIMPLE - 1; i++) {
            int kind = i % 3;
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", kinds[kind] + " no. " + (i + 1))
                    .put("customSku", "HOME-" + (1000 + i)).put("ean", ean(i)).put("categoryID", homeware[kind])
                    .put("defaultCost", "4.50");
            price(item, kind == 2 ? "24.95" : "12.95");
            sellable.add(pos.seed("Item", item));
        }
        // Business Central's item displayName holds 100 characters; Lightspeed's description more.
        ObjectNode bad = Json.MAPPER.createObjectNode().put("description", "Hand-thrown stoneware serving bowl with reactive"
                + " glaze in ocean blue, dishwasher safe, made in a small studio in Friesland").put("customSku", "HOME-BOWL-XL")
                .put("categoryID", homeware[0]);
        price(bad, "64.00");
        badItem = pos.seed("Item", bad);
        stock(pos);
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = customer(pos, i, email(i)).get("customerID").asText();
            if (i < CUSTOMERS - 1) {
                customerIds.add(id);
            }
        }
        for (int i = 0; i < SALES; i++) {
            Instant at = firstDay.plusSeconds((long) i * 30 * 24 * 3600 / SALES + random.nextInt(600));
            sale(pos, at, i == SALES / 2 || i == SALES / 2 + 1);
        }
    }

    private void seedErp(BusinessCentralSandbox erp) {
        defaultDebtorNumber = erp.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Kassaverkopen (anoniem)")
                .put("type", "Company").put("country", "NL")).get("number").asText();
        for (int i = 0; i < KNOWN_TO_ERP; i++) {
            erp.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "Debiteur " + (i * 10)).put("type", "Person")
                    .put("email", email(i * 10)).put("country", "NL"));
        }
    }

    /** Day 2: new and changed records in both systems. */
    void nextDay(LightspeedSandbox pos, BusinessCentralSandbox erp) {
        for (int i = 0; i < CHANGED_PRODUCTS; i++) {
            ObjectNode item = sellable.get(sellable.size() - 1 - i);
            pos.modify("Item", item.get("itemID").asText(), "description", item.get("description").asText() + " (new edition)");
        }
        for (int i = 0; i < NEW_CUSTOMERS; i++) {
            customerIds.add(customer(pos, CUSTOMERS + i, email(CUSTOMERS + i)).get("customerID").asText());
        }
        pos.modify("Customer", customerIds.get(1), "lastName", "Jansen-de Boer");
        Instant day31 = firstDay.plus(30, ChronoUnit.DAYS);
        for (int i = 0; i < NEW_SALES; i++) {
            sale(pos, day31.plusSeconds(i * 300L), false);
        }
        List<ObjectNode> invoices = erp.rows("salesInvoices");
        for (int i = 0; i < CANCELLED_INVOICES; i++) {
            erp.modify("salesInvoices", invoices.get(i * 7).get("id").asText(), "status", com.fasterxml.jackson.databind.node.TextNode.valueOf("Canceled"));
        }
        List<ObjectNode> items = erp.rows("items").stream().filter(r -> r.path("number").asText().startsWith("HOME-")).toList();
        for (int i = 0; i < CHANGED_STOCK; i++) {
            ObjectNode item = items.get(i);
            erp.modify("items", item.get("id").asText(), "inventory", IntNode.valueOf(item.path("inventory").asInt() + 12));
        }
    }

    /**
     * The warehouse (the ERP) receives goods for every simple product and every variant: the stock the ERP → POS flow
     * passes on (variants' through the extension's variant stock route).
     */
    void receiveGoods(BusinessCentralSandbox erp) {
        for (ObjectNode item : erp.rows("items")) {
            if (item.path("number").asText().startsWith("HOME-")) {
                erp.modify("items", item.get("id").asText(), "inventory", IntNode.valueOf(20 + random.nextInt(80)));
            }
        }
        for (ObjectNode variant : erp.rows("itemVariants")) {
            erp.postVariantStock(variant.path("itemNumber").asText(), variant.path("code").asText(), 2 + random.nextInt(10));
        }
    }

    private String category(LightspeedSandbox pos, String name, String parent) {
        return pos.seed("Category", Json.MAPPER.createObjectNode().put("name", name).put("parentID", parent))
                .get("categoryID").asText();
    }

    private static void price(ObjectNode node, String amount) {
        ArrayNode prices = node.putObject("Prices").putArray("ItemPrice");
        prices.addObject().put("amount", amount).put("useTypeID", "1").put("useType", "Default");
        prices.addObject().put("amount", amount).put("useTypeID", "2").put("useType", "MSRP");
    }

    private static String ean(int i) {
        String body = "871234" + String.format("%06d", i);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private void stock(LightspeedSandbox pos) {
        for (ObjectNode s : pos.records("ItemShop")) {
            if (!s.path("shopID").asText().equals("0")) {
                pos.modify("ItemShop", s.get("itemShopID").asText(), "qoh", String.valueOf(random.nextInt(25)));
            }
        }
    }

    static String email(int i) {
        return i == CUSTOMERS - 1 ? BAD_EMAIL : "customer" + i + "@example.nl";
    }

    private ObjectNode customer(LightspeedSandbox pos, int i, String email) {
        String[] first = {"Anna", "Piet", "Sanne", "Daan", "Emma", "Lars", "Noor", "Sem"};
        String[] last = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"};
        ObjectNode c = Json.MAPPER.createObjectNode().put("firstName", first[i % first.length])
                .put("lastName", last[(i / 8) % last.length]);
        if (i < COMPANIES) {
            c.put("company", last[(i / 8) % last.length] + " Interieur " + (i + 1) + " B.V.").put("vatNumber", "NL00" + (1000000 + i) + "B01");
        }
        ObjectNode contact = c.putObject("Contact");
        contact.putObject("Emails").putArray("ContactEmail").addObject().put("address", email).put("useType", "Primary");
        contact.putObject("Phones").putArray("ContactPhone").addObject().put("number", "+31 6 " + (10000000 + i)).put("useType", "Mobile");
        boolean belgian = i % 10 == 7;
        contact.putObject("Addresses").putArray("ContactAddress").addObject()
                .put("address1", (belgian ? "Meir " : "Oudegracht ") + (i + 1)).put("city", belgian ? "Antwerpen" : "Utrecht")
                .put("zip", belgian ? "2000" : "3511 " + (char) ('A' + i % 26) + "B").put("countryCode", belgian ? "BE" : "NL");
        return pos.seed("Customer", c);
    }

    private void sale(LightspeedSandbox pos, Instant at, boolean withBadProduct) {
        String stamp = STAMP.format(at.atOffset(ZoneOffset.UTC));
        ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false")
                .put("shopID", String.valueOf(1 + random.nextInt(2))).put("registerID", "1").put("employeeID", "1")
                .put("timeStamp", stamp).put("createTime", stamp).put("completeTime", stamp);
        if (random.nextInt(10) < 3) {
            sale.put("customerID", customerIds.get(random.nextInt(customerIds.size())));
        }
        ArrayNode lines = sale.putObject("SaleLines").putArray("SaleLine");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        int count = 1 + random.nextInt(4);
        for (int l = 0; l < count; l++) {
            ObjectNode item = withBadProduct && l == 0 ? badItem : sellable.get(random.nextInt(sellable.size()));
            boolean book = item.path("description").asText().startsWith("Cookbook");
            int quantity = 1 + random.nextInt(3);
            String price = item.path("Prices").path("ItemPrice").get(0).path("amount").asText();
            String rate = book ? "0.09" : "0.21";
            lines.addObject().put("itemID", item.get("itemID").asText()).put("unitQuantity", String.valueOf(quantity))
                    .put("unitPrice", price).put("tax1Rate", rate);
            java.math.BigDecimal net = new java.math.BigDecimal(price).multiply(java.math.BigDecimal.valueOf(quantity));
            total = total.add(net).add(net.multiply(new java.math.BigDecimal(rate)).setScale(2, java.math.RoundingMode.HALF_UP));
        }
        sale.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", total.toPlainString())
                .put("paymentTypeID", random.nextBoolean() ? "1" : "2");
        pos.seed("Sale", sale);
    }
}

package io.possync.testkit.shop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.Product;
import io.possync.api.internal.Json;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One way to fill any sandbox from a {@link SyntheticShop}: its products and customers as the vendor
 * keeps them, and — where the sandbox is a till that rings sales up (Lightspeed R-Series, Winstore) —
 * its orders as completed sales. Deterministic: the same shop gives the same records.
 *
 * <pre>{@code
 * SyntheticShop shop = SyntheticShop.builder().orders(200).skus(20).build();
 * try (LightspeedSandbox pos = LightspeedSandbox.builder().start();
 *      BusinessCentralSandbox erp = BusinessCentralSandbox.builder().start()) {
 *     SandboxFill.into(pos, shop);         // items, customers, 200 completed sales
 *     SandboxFill.into(erp, shop);         // items and customers the ERP already knows
 * }
 * }</pre>
 */
public final class SandboxFill {

    private static final BigDecimal VAT = new BigDecimal("1.21");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private SandboxFill() {
    }

    /** Business Central: items (number = SKU, GTIN, price including VAT) and customers ({@code K<i>}, e-mail). */
    public static void into(BusinessCentralSandbox bc, SyntheticShop shop) {
        for (Product p : shop.products()) {
            bc.seed("items", Map.of("number", p.sku(), "displayName", p.name(), "gtin", p.ean().orElseThrow(),
                    "unitPrice", p.price().orElseThrow().amount(), "priceIncludesTax", true));
        }
        List<Customer> customers = shop.customers();
        for (int i = 0; i < customers.size(); i++) {
            bc.seed("customers", Map.of("number", "K" + i, "displayName", name(customers.get(i)), "type", "Person",
                    "email", customers.get(i).email().orElseThrow()));
        }
    }

    /** Lightspeed R-Series: items (custom SKU, EAN, price), customers (e-mail) and every order as a completed sale in shop 1. */
    public static void into(LightspeedSandbox pos, SyntheticShop shop) {
        Map<String, String> itemIds = new HashMap<>();
        for (Product p : shop.products()) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", p.name()).put("customSku", p.sku()).put("ean", p.ean().orElseThrow());
            item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", p.price().orElseThrow().amount().toPlainString())
                    .put("useType", "Default");
            itemIds.put(p.sku(), pos.seed("Item", item).get("itemID").asText());
        }
        Map<String, String> customerIds = new HashMap<>();
        for (Customer c : shop.customers()) {
            ObjectNode customer = Json.MAPPER.createObjectNode().put("firstName", c.contactPerson().flatMap(x -> x.firstName()).orElse(""))
                    .put("lastName", c.contactPerson().flatMap(x -> x.lastName()).orElse(""));
            customer.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject().put("address", c.email().orElseThrow())
                    .put("useType", "Primary");
            customerIds.put(c.email().orElseThrow(), pos.seed("Customer", customer).get("customerID").asText());
        }
        for (Order o : shop.orders()) {
            String stamp = STAMP.format(o.createdAt().atOffset(ZoneOffset.UTC));
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1")
                    .put("timeStamp", stamp).put("createTime", stamp).put("completeTime", stamp);
            o.customer().flatMap(Customer::email).ifPresent(e -> sale.put("customerID", customerIds.get(e)));
            ArrayNode lines = sale.putObject("SaleLines").putArray("SaleLine");
            for (OrderLine l : o.lines()) {
                lines.addObject().put("itemID", itemIds.get(l.sku())).put("unitQuantity", l.quantity().stripTrailingZeros().toPlainString())
                        .put("unitPrice", net(l.unitPrice()).toPlainString()).put("tax1Rate", "0.21");
            }
            sale.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", o.totals().gross().toPlainString())
                    .put("paymentTypeID", "1");
            pos.seed("Sale", sale);
        }
    }

    /** Lightspeed X-Series: products (SKU, price including VAT) and customers (e-mail). */
    public static void into(XSeriesSandbox pos, SyntheticShop shop) {
        for (Product p : shop.products()) {
            pos.seed("products", Json.MAPPER.createObjectNode().put("name", p.name()).put("sku", p.sku())
                    .put("price_including_tax", p.price().orElseThrow().amount()));
        }
        for (Customer c : shop.customers()) {
            pos.seed("customers", Json.MAPPER.createObjectNode().put("first_name", c.contactPerson().flatMap(x -> x.firstName()).orElse(""))
                    .put("last_name", c.contactPerson().flatMap(x -> x.lastName()).orElse("")).put("email", c.email().orElseThrow()));
        }
    }

    /**
     * MplusKASSA: articles numbered {@code 100000 + i} for {@code SKU-i} (MplusKASSA's article numbers are digits only),
     * price in cents, and relations (e-mail).
     */
    public static void into(MplusSandbox till, SyntheticShop shop) {
        List<Product> products = shop.products();
        for (int i = 0; i < products.size(); i++) {
            till.seedArticle(100_000 + i, products.get(i).name(), products.get(i).price().orElseThrow().amount().movePointRight(2).longValueExact());
        }
        for (Customer c : shop.customers()) {
            till.seedRelation(Map.of("name", name(c), "email", c.email().orElseThrow()));
        }
    }

    /** BuchhaltungsButler: a debtor account ({@code 10000 + i}) per customer; it keeps no articles. */
    public static void into(BuchhaltungsButlerSandbox books, SyntheticShop shop) {
        List<Customer> customers = shop.customers();
        for (int i = 0; i < customers.size(); i++) {
            books.seedDebtor(Map.of("postingaccount_number", String.valueOf(10_000 + i), "name", name(customers.get(i)),
                    "email", customers.get(i).email().orElseThrow()));
        }
    }

    /** Winstore: articles (article number = SKU, GTIN = EAN) and every order as a till sale; its customers travel inside the orders. */
    public static void into(WinstoreSandbox store, SyntheticShop shop) {
        Map<String, String> gtins = new HashMap<>();
        for (Product p : shop.products()) {
            store.seedArticle(Map.of("artnr", p.sku(), "gtin", p.ean().orElseThrow(), "description", p.name(),
                    "price_incl", p.price().orElseThrow().amount().toPlainString(), "vat_rate", "21"));
            gtins.put(p.sku(), p.ean().orElseThrow());
        }
        for (Order o : shop.orders()) {
            List<Map<String, Object>> positions = new ArrayList<>();
            o.lines().forEach(l -> positions.add(Map.of("product_id", gtins.get(l.sku()), "amount", l.quantity().intValue(),
                    "single_price", l.unitPrice().toPlainString())));
            Map<String, String> customer = o.customer().map(c -> Map.of("email", c.email().orElse(""),
                    "fname", c.contactPerson().flatMap(x -> x.firstName()).orElse(""),
                    "lname", c.contactPerson().flatMap(x -> x.lastName()).orElse(""))).orElse(Map.of());
            store.enterOrder(o.number(), "pos", customer, positions);
        }
    }

    /** AccountView: articles (code = SKU, price excluding VAT, 10 in stock, VAT code 2) and debtors (e-mail). */
    public static void into(AccountViewSandbox books, SyntheticShop shop) {
        for (Product p : shop.products()) {
            books.seedArticle(Map.of("ART_CODE", p.sku(), "ART_DESC1", p.name(), "PX_SELL", net(p.price().orElseThrow().amount()),
                    "QTY_AVAIL", 10, "EAN_CODE", p.ean().orElseThrow(), "VAT_CODE", "2"));
        }
        for (Customer c : shop.customers()) {
            String name = name(c);
            books.seedDebtor(Map.of("ACCT_NAME", name, "SRC_CODE", name.toUpperCase(java.util.Locale.ROOT).substring(0, Math.min(10, name.length())),
                    "MAIL_BUS", c.email().orElseThrow(), "ACCT_NR", "1300"));
        }
    }

    private static BigDecimal net(BigDecimal gross) {
        return gross.divide(VAT, 2, RoundingMode.HALF_UP);
    }

    private static String name(Customer c) {
        return c.contactPerson().map(p -> (p.firstName().orElse("") + " " + p.lastName().orElse("")).strip())
                .filter(n -> !n.isEmpty()).orElse(c.email().orElse("?"));
    }
}

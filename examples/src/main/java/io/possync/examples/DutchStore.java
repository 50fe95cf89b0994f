package io.possync.examples;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Dutch shoe and care shop on Winstore, seeded deterministically for the Winstore ⇄ Business Central
 * pair: 20 articles of two suppliers (every fourth in three sizes, 15 variants in all), each GTIN stocked
 * in two warehouses; and the sales orders its office enters in Business Central (taken by phone), half
 * of them for a known buyer, half for the counter.
 */
final class DutchStore {

    static final int ARTICLES = 20;
    static final int VARIANTS = ARTICLES / 4 * 3;

    private final Instant day;

    DutchStore(Instant day) {
        this.day = day;
    }

    /** The article number of article {@code a} (1…20). */
    static String articleNumber(int a) {
        return "W" + (1000 + a);
    }

    /** The GTIN of article {@code a} (a simple one) or of its variant in {@code size}. */
    static String gtin(int a, String size) {
        return size.isEmpty() ? String.format("0871000%05d", a) : String.format("087100%04d%s", a, size);
    }

    /** Whether article {@code a} comes in sizes. */
    static boolean hasSizes(int a) {
        return a % 4 == 0;
    }

    void seed(WinstoreSandbox store) {
        store.seedSupplier(12, "Voorbeeld Textiel BV");
        for (int a = 1; a <= ARTICLES; a++) {
            Map<String, Object> article = new HashMap<>(Map.of("artnr", articleNumber(a), "description", "Article " + a,
                    "price_incl", "19.95", "group", a % 2 == 0 ? "SHOES" : "CARE", "supplier_id", a % 2 == 0 ? 7 : 12,
                    "image_url", store.imageUrl(articleNumber(a) + ".jpg").toString()));
            List<String> gtins = new ArrayList<>();
            if (hasSizes(a)) {
                List<Map<String, Object>> variants = new ArrayList<>();
                for (String size : List.of("40", "41", "42")) {
                    variants.add(Map.of("gtin", gtin(a, size), "size", size, "colour", "black"));
                    gtins.add(gtin(a, size));
                }
                article.put("variants", variants);
            } else {
                article.put("gtin", gtin(a, ""));
                gtins.add(gtin(a, ""));
            }
            store.seedArticle(article);
            for (String g : gtins) {
                store.setStock(g, 1, 5 + a % 3, a % 2);
                store.setStock(g, 2, 2, 0);
            }
        }
    }

    /**
     * Enters sales orders {@code from}…{@code to} in Business Central as its office would (through a
     * flow from a list, named after the range): even ones for a known buyer, odd ones for the counter;
     * each of one simple article.
     */
    SyncReport enterSalesOrders(SyncEngine engine, BusinessCentral erp, int from, int to) {
        Customer buyer = Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c1"), day).email("anna@example.nl")
                .contactPerson(ContactPerson.of("Anna", "de Vries")).build();
        Customer counter = Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c0"), day).email("balie@example.nl")
                .contactPerson(ContactPerson.of("Balie", "Verkoop")).build();
        List<Order> orders = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            int a = i % ARTICLES == 0 || hasSizes(i % ARTICLES) ? 1 : i % ARTICLES;
            orders.add(Order.builder(new Ref("phone", EntityType.ORDER, "P" + i), "TEL-" + i, day).currency("EUR")
                    .customer(i % 2 == 0 ? buyer : counter)
                    .lines(List.of(OrderLine.of(articleNumber(a), "x", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        return engine.run(Flow.orders("phone→erp " + from).from(new ListSource<>("phone", orders)).to(erp.salesOrders())
                .kind(OrderKind.ORDER).customers(erp.customers()).products(erp.items()).build());
    }

    /** Day 2 in the shop: article 3 renamed, the size 42 of article 4 sold out in warehouse 1. */
    static void nextDay(WinstoreSandbox store) {
        long key = store.articles().stream().filter(x -> x.get("artnr").equals(articleNumber(3))).map(x -> (Long) x.get("artkey"))
                .findFirst().orElseThrow();
        store.modifyArticle(key, "description", "Article 3, new");
        store.setStock(gtin(4, "42"), 1, 0, 0);
    }

    /** Each article's quantity minus reserved over its GTINs and warehouses, by article number. */
    @SuppressWarnings("unchecked")
    static Map<String, BigDecimal> availableByArticle(WinstoreSandbox store) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map<String, Object> a : store.articles()) {
            List<String> gtins = a.get("variants") instanceof List<?> v ? ((List<Map<String, Object>>) v).stream()
                    .map(x -> (String) x.get("gtin")).toList() : List.of((String) a.get("gtin"));
            out.put((String) a.get("artnr"), store.available(gtins).stripTrailingZeros());
        }
        return out;
    }
}

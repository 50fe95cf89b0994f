package io.possync.examples;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.StockCalculation;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Winstore ⇄ Business Central end to end, both sandboxes, two days: Winstore's articles (with
 * variants) and stock into Business Central items, item variants and inventory; 500 sales orders
 * entered in Business Central posted into Winstore, anonymous ones on the default debtor; with 20 %
 * 429/5xx and 2 % lost answers on Winstore every order is there exactly once; on day 2 only what
 * changed moves; bad records are rejected naming the field.
 */
class WinstoreBusinessCentralTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final int ARTICLES = 20;
    private static final int ORDERS = 500;

    /** Winstore's side runs 50 × faster, so its Retry-After and timeout waits do not make the test slow. */
    private final ScaledTime time = ScaledTime.startingAt(Instant.now(), 50);
    private final WinstoreSandbox store = WinstoreSandbox.builder().time(time).start();
    private final BusinessCentralSandbox erpSandbox = BusinessCentralSandbox.builder().start();
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(state).build();

    @AfterEach
    void stop() {
        store.close();
        erpSandbox.close();
    }

    private BusinessCentral erp() {
        return BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(erpSandbox.tenant(),
                        erpSandbox.environment(), erpSandbox.clientId(), Secret.of(erpSandbox.clientSecret())), erpSandbox.companyName())
                .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost()).overlap(Duration.ZERO).pictures(false)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20)).build()).build());
    }

    private Winstore winstore() {
        return Winstore.connect(WinstoreSettings.builder(store.username(), Secret.of(store.password())).baseUrl(store.apiUri())
                .branch(1).channel("ERP").requestTimeout(Duration.ofSeconds(2)).timeSource(time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50)).build())
                .build(), RateLimiter.unlimited());
    }

    /** Articles 1…20: every fourth with three sizes; each GTIN stocked in two warehouses. */
    private void seedStore() {
        store.seedSupplier(12, "Voorbeeld Textiel BV");
        for (int a = 1; a <= ARTICLES; a++) {
            Map<String, Object> article = new HashMap<>(Map.of("artnr", "W" + (1000 + a), "description", "Article " + a,
                    "price_incl", "19.95", "group", a % 2 == 0 ? "SHOES" : "CARE", "supplier_id", a % 2 == 0 ? 7 : 12,
                    "image_url", "https://img.example.invalid/" + a + ".jpg"));
            List<String> gtins = new ArrayList<>();
            if (a % 4 == 0) {
                List<Map<String, Object>> variants = new ArrayList<>();
                for (String size : List.of("40", "41", "42")) {
                    String gtin = String.format("087100%04d%s", a, size);
                    variants.add(Map.of("gtin", gtin, "size", size, "colour", "black"));
                    gtins.add(gtin);
                }
                article.put("variants", variants);
            } else {
                String gtin = String.format("0871000%05d", a);
                article.put("gtin", gtin);
                gtins.add(gtin);
            }
            store.seedArticle(article);
            for (String gtin : gtins) {
                store.setStock(gtin, 1, 5 + a % 3, a % 2);
                store.setStock(gtin, 2, 2, 0);
            }
        }
    }

    private List<Flow<?>> flows(Winstore winstore, BusinessCentral erp) {
        return List.of(
                Flow.products("articles→items").from(winstore.articles()).to(erp.items()).build(),
                Flow.stock("stock→inventory").from(winstore.stock()).to(erp.stock()).calculation(StockCalculation.AVAILABLE).build(),
                Flow.orders("sales orders→winstore").from(erp.salesOrders().withCustomers()).to(winstore.orders())
                        .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build());
    }

    /** Sales orders taken by phone, entered in Business Central (half with a customer). */
    private void enterSalesOrders(BusinessCentral erp, int from, int to) {
        Customer buyer = Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c1"), T).email("anna@example.nl")
                .contactPerson(ContactPerson.of("Anna", "de Vries")).build();
        Customer counter = Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c0"), T).email("balie@example.nl")
                .contactPerson(ContactPerson.of("Balie", "Verkoop")).build();
        List<Order> orders = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String sku = "W" + (1000 + (i % ARTICLES == 0 || i % ARTICLES % 4 == 0 ? 1 : i % ARTICLES));
            orders.add(Order.builder(new Ref("phone", EntityType.ORDER, "P" + i), "TEL-" + i, T).currency("EUR")
                    .customer(i % 2 == 0 ? buyer : counter)
                    .lines(List.of(OrderLine.of(sku, "x", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        SyncReport entered = engine.run(Flow.orders("phone→erp " + from).from(new ListSource<>("phone", orders)).to(erp.salesOrders())
                .kind(OrderKind.ORDER).customers(erp.customers()).products(erp.items()).build());
        assertThat(entered.rejections()).isEmpty();
    }

    @Test
    void articlesAndStockReachBusinessCentralAndItsSalesOrdersReachWinstoreExactlyOnceOverTwoDays() {
        seedStore();
        BusinessCentral erp = erp();
        Winstore winstore = winstore();

        // Day 1: articles and stock in, then orders out with faults on Winstore.
        SyncReport products = engine.run(flows(winstore, erp).get(0));
        SyncReport stock = engine.run(flows(winstore, erp).get(1));
        enterSalesOrders(erp, 1, ORDERS);
        store.faults().randomly(0.20, 0.02, 20);
        List<io.possync.core.Rejection> left = runUntilQueueEmpty(flows(winstore, erp).get(2));
        store.faults().clear();

        assertThat(products.rejections()).isEmpty();
        assertThat(products.count(EntityType.PRODUCT, Outcome.CREATED)).isEqualTo(ARTICLES + ARTICLES / 4 * 3);
        assertThat(erpSandbox.rows("items")).hasSize(ARTICLES);
        assertThat(erpSandbox.rows("itemVariants")).hasSize(ARTICLES / 4 * 3);
        assertThat(stock.count(EntityType.STOCK_LEVEL, Outcome.UPDATED)).isEqualTo(ARTICLES);
        assertThat(inventoryByItem()).isEqualTo(availableByArticle());
        assertThat(left).isEmpty();
        assertThat(store.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(50);
        Map<Object, Long> posted = store.orders().stream().collect(Collectors.groupingBy(o -> o.get("ordernr"), Collectors.counting()));
        assertThat(posted).hasSize(ORDERS).allSatisfy((number, times) -> assertThat(times).as(number + " posted").isEqualTo(1));
        assertThat(store.orders()).allSatisfy(o -> assertThat(o.get("customerid")).isEqualTo("999999"));
        assertThat(store.orders()).anySatisfy(o -> assertThat(o.get("email")).isEqualTo("anna@example.nl"));

        // Day 2: two articles and one stock row change, ten orders are entered: only those move.
        long key = store.articles().get(2).get("artkey") instanceof Long k ? k : 0;
        store.modifyArticle(key, "description", "Article 3, new");
        store.setStock("087100000442", 1, 0, 0);
        enterSalesOrders(erp, ORDERS + 1, ORDERS + 10);
        long requestsBefore = store.requestCount();
        SyncReport products2 = engine.run(flows(winstore, erp).get(0));
        SyncReport stock2 = engine.run(flows(winstore, erp).get(1));
        SyncReport orders2 = engine.run(flows(winstore, erp).get(2));

        assertThat(products2.count(EntityType.PRODUCT, Outcome.UPDATED)).isEqualTo(1);
        assertThat(erpSandbox.rows("items")).anySatisfy(i -> assertThat(i.path("displayName").asText()).isEqualTo("Article 3, new"));
        assertThat(stock2.count(EntityType.STOCK_LEVEL, Outcome.UPDATED)).isEqualTo(1);
        assertThat(inventoryByItem()).isEqualTo(availableByArticle());
        assertThat(orders2.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(10);
        assertThat(store.orders()).hasSize(ORDERS + 10);
        assertThat(store.requestCount() - requestsBefore).as("Winstore requests on day 2").isLessThanOrEqualTo(2 + 1 + 1 + 10 * 2 + 2);
    }

    @Test
    void badRecordsAreRejectedNamingTheFieldAndTheRestGoesOn() {
        store.seedArticle(Map.of("artnr", "GOOD", "gtin", "08710000000017", "description", "Good article"));
        store.seedArticle(Map.of("artnr", "BADEAN", "gtin", "12345", "description", "Barcode too short"));
        BusinessCentral erp = erp();
        Winstore winstore = winstore();
        erpSandbox.seed("items", Map.of("number", "ONLY-IN-BC", "displayName", "Not sold in Winstore"));

        SyncReport products = engine.run(flows(winstore, erp).get(0));
        enterOneOrderOf(erp, "ONLY-IN-BC");
        SyncReport orders = engine.run(flows(winstore, erp).get(2));

        assertThat(products.count(EntityType.PRODUCT, Outcome.CREATED)).isEqualTo(1);
        assertThat(products.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("ean");
            assertThat(r.source().id()).isEqualTo(String.valueOf(store.articles().get(1).get("artkey")));
        });
        assertThat(orders.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("positions[0].product_id");
            assertThat(r.reason()).contains("ONLY-IN-BC");
        });
        assertThat(store.orders()).isEmpty();
    }

    private void enterOneOrderOf(BusinessCentral erp, String sku) {
        Order o = Order.builder(new Ref("phone", EntityType.ORDER, "X1"), "TEL-X1", T).currency("EUR")
                .customer(Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c9"), T).email("x@example.nl")
                        .contactPerson(ContactPerson.of("X", "Y")).build())
                .lines(List.of(OrderLine.of(sku, "x", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("21"))))
                .totals(new OrderTotals(new BigDecimal("8.26"), new BigDecimal("1.74"), BigDecimal.TEN)).build();
        engine.run(Flow.orders("phone→erp").from(new ListSource<>("phone", List.of(o))).to(erp.salesOrders())
                .kind(OrderKind.ORDER).customers(erp.customers()).products(erp.items()).build());
    }

    /** Runs the flow again while records wait in its retry queue (faults make some wait); the rejections left at the end. */
    private List<io.possync.core.Rejection> runUntilQueueEmpty(Flow<?> flow) {
        SyncReport last = engine.run(flow);
        for (int i = 0; i < 20 && !state.retryQueue(flow.name(), 1).isEmpty(); i++) {
            last = engine.run(flow);
        }
        return last.rejections();
    }

    private Map<String, BigDecimal> inventoryByItem() {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        erpSandbox.rows("items").forEach(i -> out.put(i.path("number").asText(), i.path("inventory").decimalValue().stripTrailingZeros()));
        return out;
    }

    /** Each article's quantity minus reserved, summed over its GTINs and warehouses. */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> availableByArticle() {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        for (Map<String, Object> a : store.articles()) {
            List<String> gtins = a.get("variants") instanceof List<?> v ? ((List<Map<String, Object>>) v).stream()
                    .map(x -> (String) x.get("gtin")).toList() : List.of((String) a.get("gtin"));
            out.put((String) a.get("artnr"), store.available(gtins).stripTrailingZeros());
        }
        return out;
    }
}

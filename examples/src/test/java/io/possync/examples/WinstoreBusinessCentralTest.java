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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Winstore ⇄ Business Central end to end, both sandboxes, two days: Winstore's articles (with
 * variants) and stock into Business Central items, item variants and inventory; 500 sales orders
 * entered in Business Central posted into Winstore, anonymous ones on the default debtor; with 20 %
 * 429/5xx and 2 % lost answers on both sides every order is there exactly once; on day 2 only what
 * changed moves; bad records are rejected naming the field.
 */
class WinstoreBusinessCentralTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
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
                .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost()).overlap(Duration.ZERO)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20)).build()).build());
    }

    private Winstore winstore() {
        return Winstore.connect(WinstoreSettings.builder(store.username(), Secret.of(store.password())).baseUrl(store.apiUri())
                .branch(1).channel("ERP").requestTimeout(Duration.ofSeconds(2)).timeSource(time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50)).build())
                .build(), RateLimiter.unlimited());
    }

    /** The demo's flows; failed orders are due again at the next run, so the test's few runs clear the queue. */
    private List<Flow<?>> flows(Winstore winstore, BusinessCentral erp) {
        List<Flow<?>> demo = StorePairDemo.flows(winstore, erp);
        return List.of(demo.get(0), demo.get(1), Flow.orders("orders erp→winstore").from(erp.salesOrders().withCustomers())
                .to(winstore.orders()).retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build());
    }

    @Test
    void theDemoPairMovesArticlesStockAndOrdersAndOnlyTheSecondDaysChanges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path workDir) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

        StorePairDemo.Result result = StorePairDemo.run(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                workDir, false);

        assertThat(result.firstDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.secondDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.items()).isEqualTo(DutchStore.ARTICLES);
        assertThat(result.pictures()).as("items with the article's one image").isEqualTo(DutchStore.ARTICLES);
        assertThat(result.variants()).isEqualTo(DutchStore.VARIANTS);
        assertThat(result.ordersPosted()).isEqualTo(result.salesOrders()).isEqualTo(StorePairDemo.ORDERS + StorePairDemo.NEW_ORDERS);
        assertThat(result.secondDay().get(0).count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(result.secondDay().get(2).count(Outcome.CREATED)).isEqualTo(StorePairDemo.NEW_ORDERS);
        assertThat(result.stockDifferences()).isEmpty();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("day 2 (only the changes move)")
                .contains("winstore").contains("state-winstore-businesscentral.db");
    }

    @Test
    void articlesAndStockReachBusinessCentralAndItsSalesOrdersReachWinstoreExactlyOnceOverTwoDays() {
        DutchStore shop = new DutchStore(T);
        shop.seed(store);
        BusinessCentral erp = erp();
        Winstore winstore = winstore();

        // Day 1: articles and stock in, then orders out with faults on Winstore.
        SyncReport products = engine.run(flows(winstore, erp).get(0));
        SyncReport stock = engine.run(flows(winstore, erp).get(1));
        assertThat(shop.enterSalesOrders(engine, erp, 1, ORDERS).rejections()).isEmpty();
        store.faults().randomly(0.20, 0.02, 20);
        erpSandbox.faults().randomly(0.20, 0.02, 23);
        List<io.possync.core.Rejection> left = runUntilQueueEmpty(flows(winstore, erp).get(2));
        store.faults().clear();
        erpSandbox.faults().clear();

        assertThat(products.rejections()).isEmpty();
        assertThat(products.count(EntityType.PRODUCT, Outcome.CREATED)).isEqualTo(DutchStore.ARTICLES + DutchStore.VARIANTS);
        assertThat(erpSandbox.rows("items")).hasSize(DutchStore.ARTICLES);
        assertThat(erpSandbox.rows("itemVariants")).hasSize(DutchStore.VARIANTS);
        assertThat(stock.count(EntityType.STOCK_LEVEL, Outcome.UPDATED)).isEqualTo(DutchStore.ARTICLES);
        assertThat(StorePairDemo.stockDifferences(store, erpSandbox)).isEmpty();
        assertThat(left).isEmpty();
        assertThat(store.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(50);
        Map<Object, Long> posted = store.orders().stream().collect(Collectors.groupingBy(o -> o.get("ordernr"), Collectors.counting()));
        assertThat(posted).hasSize(ORDERS).allSatisfy((number, times) -> assertThat(times).as(number + " posted").isEqualTo(1));
        assertThat(store.orders()).allSatisfy(o -> assertThat(o.get("customerid")).isEqualTo("999999"));
        assertThat(store.orders()).anySatisfy(o -> assertThat(o.get("email")).isEqualTo("anna@example.nl"));

        // Day 2: two articles and one stock row change, ten orders are entered: only those move.
        DutchStore.nextDay(store);
        shop.enterSalesOrders(engine, erp, ORDERS + 1, ORDERS + 10);
        long requestsBefore = store.requestCount();
        SyncReport products2 = engine.run(flows(winstore, erp).get(0));
        SyncReport stock2 = engine.run(flows(winstore, erp).get(1));
        SyncReport orders2 = engine.run(flows(winstore, erp).get(2));

        assertThat(products2.count(EntityType.PRODUCT, Outcome.UPDATED)).isEqualTo(1);
        assertThat(erpSandbox.rows("items")).anySatisfy(i -> assertThat(i.path("displayName").asText()).isEqualTo("Article 3, new"));
        assertThat(stock2.count(EntityType.STOCK_LEVEL, Outcome.UPDATED)).isEqualTo(1);
        assertThat(StorePairDemo.stockDifferences(store, erpSandbox)).isEmpty();
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

    @Test
    void withTheProposedOrderFeedSwitchedOnWinstoreSalesBecomeBusinessCentralInvoicesAndTheirStatusGoesBack() {
        new DutchStore(T).seed(store);
        BusinessCentral erp = erp();
        Winstore winstore = Winstore.connect(WinstoreSettings.builder(store.username(), Secret.of(store.password())).baseUrl(store.apiUri())
                .orderFeed(true).statusWrites(true).timeSource(time).requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50)).build())
                .build(), RateLimiter.unlimited());
        erpSandbox.seed("customers", Map.of("number", "CASH", "displayName", "Kassa", "type", "Person"));
        engine.run(flows(winstore, erp).get(0));
        for (int i = 1; i <= 40; i++) {
            Map<String, String> customer = i % 4 == 0 ? Map.of()
                    : Map.of("customerid", String.valueOf(10_000 + i % 5), "email", "klant" + i % 5 + "@example.nl", "fname", "Klant",
                    "lname", String.valueOf(i % 5), "street", "Damrak", "streetnr", String.valueOf(i), "zip", "1012 LG");
            String product = i % 3 == 0 ? "087100000440" : String.format("0871000%05d", i % 4 == 0 ? 1 : i % 20 == 0 ? 1 : i % 20 % 4 == 0 ? 1 : i % 20);
            store.enterOrder("POS-" + i, "pos", customer, List.of(Map.of("product_id", product, "amount", 1 + i % 2, "single_price", "19.95")));
        }
        store.faults().next(io.possync.testkit.Fault.status(503)).next(io.possync.testkit.Fault.malformed()).randomly(0.20, 0.02, 21);
        Flow<Order> sales = Flow.orders("winstore sales→invoices").from(winstore.orderFeed()).to(erp.salesInvoices())
                .kind(OrderKind.INVOICE).customers(erp.customers()).products(erp.items()).defaultDebtor("CASH")
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();

        List<io.possync.core.Rejection> left = runUntilQueueEmpty(sales);
        store.faults().clear();

        assertThat(left).isEmpty();
        assertThat(store.faults().injected()).as("faults injected").isGreaterThan(0);
        assertThat(erpSandbox.rows("salesInvoices")).hasSize(40)
                .extracting(r -> r.path("externalDocumentNumber").asText()).doesNotHaveDuplicates();
        assertThat(erpSandbox.rows("customers")).as("five buyers found or created by e-mail, and the cash debtor").hasSize(6);
        assertThat(erpSandbox.rows("salesInvoices").stream().filter(r -> r.path("customerNumber").asText().equals("CASH"))).hasSize(10);

        // A cancelled invoice in Business Central cancels the sale in Winstore.
        var invoice = erpSandbox.rows("salesInvoices").stream().filter(r -> r.path("externalDocumentNumber").asText().equals("POS-7"))
                .findFirst().orElseThrow();
        erpSandbox.modify("salesInvoices", invoice.get("id").asText(), "status", com.fasterxml.jackson.databind.node.TextNode.valueOf("Canceled"));
        SyncReport status = engine.run(Flow.orderStatus("invoice status→winstore").from(erp.salesInvoices()).to(winstore.orderStatus()).build());

        assertThat(status.rejections()).isEmpty();
        assertThat(store.orders()).filteredOn(o -> o.get("ordernr").equals("POS-7")).singleElement()
                .satisfies(o -> assertThat(o.get("status")).isEqualTo("cancelled"));
    }
}

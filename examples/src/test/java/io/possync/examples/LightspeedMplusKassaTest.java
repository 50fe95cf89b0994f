package io.possync.examples;

import io.possync.api.http.RetryPolicy;
import io.possync.api.internal.Json;
import io.possync.api.http.Secret;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed Retail ⇄ MplusKASSA end to end: items, customers and web orders into the till, the till's
 * sales and stock back into the web shop, through both connectors and both sandboxes, over two days (the
 * demo's pair); nothing possync wrote comes back as a copy; and with faults on both sides every order
 * is entered once each way, no customer twice, and the stock ends equal on both sides.
 */
class LightspeedMplusKassaTest {

    @Test
    void theDemoPairMovesEveryRecordOnceEachWayAndEndsWithEqualStock(@TempDir Path workDir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        TillPairDemo.Result result = TillPairDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8), workDir, false);

        assertThat(result.firstDay()).allSatisfy(r -> assertThat(r.rejections()).as(r.flow()).isEmpty());
        assertThat(result.secondDay()).allSatisfy(r -> assertThat(r.rejections()).as(r.flow()).isEmpty());
        assertThat(result.tillOrders()).isEqualTo(result.webOrders());
        assertThat(result.shopSalesFromTill()).isEqualTo(result.tillSales());
        assertThat(result.relations()).isEqualTo(result.customers());
        assertThat(result.stockDifferences()).isEmpty();
        assertThat(result.secondDay().get(3).count(Outcome.CREATED)).as("web orders entered on day 2").isEqualTo(DutchTill.NEW_WEB_ORDERS);
        assertThat(result.secondDay().get(3).count(Outcome.FILTERED)).as("the till's sales not sent back")
                .isEqualTo(DutchTill.TILL_SALES);
        assertThat(result.secondDay().get(1).count(Outcome.CREATED)).as("the article the till added, now in the web shop").isEqualTo(1);
        assertThat(result.firstDay().get(1).count(Outcome.CREATED)).as("the web shop's own items not sent back").isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("mpluskassa").contains("state-lightspeed-mpluskassa.db");
    }

    /** Both sandboxes with the demo's shop, the connectors, and the shop's items and customers already in the till. */
    private record TillWithItems(LightspeedSandbox pos, MplusSandbox till, DutchTill shop, SyncEngine engine, LightspeedRetail lightspeed,
                                 MplusKassa mplus, List<Flow<?>> flows) implements AutoCloseable {

        static TillWithItems open() {
            LightspeedSandbox pos = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
            MplusSandbox till = MplusSandbox.builder().start();
            DutchTill shop = new DutchTill(Instant.now());
            shop.seedShop(pos);
            SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
            LightspeedRetail lightspeed = LightspeedRetail.connect(TillPairDemo.posSettings(pos));
            MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(0, till.ident(), Secret.of(till.secret())).baseUrl(till.apiUri())
                    .turnoverGroup(10).build());
            List<Flow<?>> flows = TillPairDemo.flows(lightspeed, mplus);
            engine.run(flows.get(0));
            engine.run(flows.get(2));
            return new TillWithItems(pos, till, shop, engine, lightspeed, mplus, flows);
        }

        @Override
        public void close() {
            till.close();
            pos.close();
        }
    }

    @Test
    void aNewArticlesTurnoverGroupFollowsItsTaxClassAndWebOrdersCanBeEnteredAsInvoices() {
        try (TillWithItems pair = TillWithItems.open()) {
            MplusSandbox till = pair.till();
            MplusKassa mplus = pair.mplus();
            SyncEngine engine = pair.engine();
            LightspeedRetail lightspeed = pair.lightspeed();
            DutchTill shop = pair.shop();

            SyncReport invoices = engine.run(Flow.orders("web orders as invoices").from(lightspeed.sales()).to(mplus.invoices())
                    .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0").build());

            assertThat(till.articles()).hasSize(DutchTill.ITEMS).allSatisfy(a -> assertThat(a.turnoverGroup())
                    .contains(a.description().startsWith("Kookboek") ? 20 : 10));
            assertThat(invoices.rejections()).isEmpty();
            assertThat(till.invoices()).hasSize(shop.webOrders());
        }
    }

    @Test
    void aWebOrderTheTillCancelsIsVoidedInLightspeedAndOneItDeliversIsLeftAsTheStatusMapSays() {
        try (TillWithItems pair = TillWithItems.open()) {
            LightspeedSandbox pos = pair.pos();
            MplusSandbox till = pair.till();
            MplusKassa mplus = pair.mplus();
            SyncEngine engine = pair.engine();
            LightspeedRetail lightspeed = pair.lightspeed();
            List<Flow<?>> flows = pair.flows();
            engine.run(flows.stream().filter(f -> f.name().startsWith("web orders")).findFirst().orElseThrow());
            List<MplusSandbox.Order> entered = till.orders();
            till.orderState(entered.get(0).orderId(), false, false, true);
            till.orderState(entered.get(1).orderId(), true, true, false);
            Flow<io.possync.api.Order> statuses = Flow.orderStatus("till status→pos").from(mplus.orders()).to(lightspeed.sales())
                    .statusMap(io.possync.core.mapping.StatusMap.identity().ignore(io.possync.api.OrderStatus.OPEN,
                            io.possync.api.OrderStatus.PAID, io.possync.api.OrderStatus.SHIPPED, io.possync.api.OrderStatus.COMPLETED))
                    .build();

            long voidedBefore = pos.records("Sale").stream().filter(s -> s.path("voided").asText().equals("true")).count();

            SyncReport report = engine.run(statuses);

            assertThat(report.count(io.possync.core.Outcome.UPDATED)).as(report.summary()).isEqualTo(1);
            assertThat(pos.records("Sale").stream().filter(s -> s.path("voided").asText().equals("true")).count())
                    .as("the cancelled one only").isEqualTo(voidedBefore + 1);
        }
    }

    @Test
    void withFaultsOnBothSidesEveryOrderIsEnteredOnceEachWayAndTheStockEndsEqual() {
        try (LightspeedSandbox pos = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
             MplusSandbox till = MplusSandbox.builder().start()) {
            DutchTill shop = new DutchTill(Instant.now());
            shop.seedShop(pos);
            pos.faults().randomly(0.20, 0.02, 11);
            till.faults().randomly(0.20, 0.02, 12);
            InMemoryStateStore store = new InMemoryStateStore();
            SyncEngine engine = SyncEngine.builder().stateStore(store).build();
            LightspeedRetail lightspeed = LightspeedRetail.connect(TillPairDemo.posSettings(pos));
            MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(0, till.ident(), Secret.of(till.secret())).baseUrl(till.apiUri())
                    .turnoverGroup(10).retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20))
                            .maxBackoff(Duration.ofMillis(200)).build())
                    .build());
            List<Flow<?>> flows = TillPairDemo.flows(lightspeed, mplus, new RetrySchedule(Duration.ZERO, Duration.ZERO));
            boolean opened = false;

            for (int run = 0; run < 30; run++) {
                for (Flow<?> flow : flows) {
                    if (flow.name().startsWith("till sales") && !opened && till.articles().size() == DutchTill.ITEMS) {
                        shop.openTill(till);
                        opened = true;
                    }
                    engine.run(flow);
                }
                if (opened && flows.stream().allMatch(f -> store.retryQueue(f.name(), 1).isEmpty())
                        && till.orders().size() >= shop.webOrders() && saleCountFromTill(pos) >= shop.tillSales()) {
                    break;
                }
            }
            flows.stream().filter(f -> f.name().startsWith("stock")).forEach(engine::run);

            assertThat(opened).as("every item reached the till").isTrue();
            assertThat(till.faults().injected() + pos.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(10);
            assertThat(till.orders()).extracting(MplusSandbox.Order::extOrderId).doesNotHaveDuplicates().hasSize(shop.webOrders());
            assertThat(saleCountFromTill(pos)).isEqualTo(shop.tillSales());
            assertThat(pos.records("Sale").stream().filter(s -> s.path("referenceNumber").asText().startsWith("1-1-"))
                    .map(s -> s.path("referenceNumber").asText()).toList()).doesNotHaveDuplicates();
            assertThat(till.relations().values()).extracting(r -> r.get("email")).doesNotHaveDuplicates().hasSize(DutchTill.CUSTOMERS);
            assertThat(TillPairDemo.stockDifferences(shop, pos, till)).isEmpty();
        }
    }

    private static long saleCountFromTill(LightspeedSandbox pos) {
        return pos.records("Sale").stream().filter(s -> s.path("referenceNumber").asText().startsWith("1-1-")).count();
    }

    @Test
    void eachLightspeedShopIsAMplusBranchForItsOrdersAndItsStock() {
        try (LightspeedSandbox pos = LightspeedSandbox.builder().shop("Utrecht").shop("Amersfoort").bucket(100_000, 100_000).start();
             MplusSandbox till = MplusSandbox.builder().branches(1, 2).start()) {
            DutchTill shop = new DutchTill(Instant.now());
            shop.seedShop(pos);
            SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
            LightspeedRetail lightspeed = LightspeedRetail.connect(TillPairDemo.posSettings(pos));
            MplusKassa mplus = MplusKassa.connect(MplusSettings.builder(0, till.ident(), Secret.of(till.secret())).baseUrl(till.apiUri())
                    .turnoverGroup(10).branchOfShop("1", 1).branchOfShop("2", 2).build());
            List<Flow<?>> flows = TillPairDemo.flows(lightspeed, mplus);
            engine.run(flows.get(0));
            var amersfoort = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "2")
                    .put("timeStamp", "2026-12-01T10:00:00+00:00").put("completeTime", "2026-12-01T10:00:00+00:00");
            String itemId = pos.records("Item").get(0).path("itemID").asText();
            amersfoort.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", itemId).put("unitQuantity", "1")
                    .put("unitPrice", "4.95").put("tax1Rate", "0.21");
            amersfoort.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", "5.99").put("paymentTypeID", "1");
            String saleId = pos.seed("Sale", amersfoort).get("saleID").asText();

            till.receiveGoods(2, Long.parseLong(shop.skus().get(0)), 12);
            engine.run(flows.get(3));      // web orders: the Amersfoort sale is entered in branch 2, which sells one of its 12
            engine.run(flows.get(5));      // stock: branch 2's 11 become Amersfoort's

            assertThat(till.orders()).filteredOn(o -> o.extOrderId().equals(saleId)).singleElement()
                    .satisfies(o -> assertThat(o.branchNumber()).isEqualTo(2));
            assertThat(till.orders()).filteredOn(o -> !o.extOrderId().equals(saleId)).allSatisfy(o -> assertThat(o.branchNumber()).isEqualTo(1));
            assertThat(pos.records("ItemShop")).filteredOn(s -> s.path("itemID").asText().equals(itemId) && s.path("shopID").asText().equals("2"))
                    .singleElement().satisfies(s -> assertThat(s.path("qoh").asText()).isEqualTo("11"));
        }
    }
}

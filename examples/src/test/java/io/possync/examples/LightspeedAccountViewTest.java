package io.possync.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.OrderKind;
import io.possync.api.internal.Json;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.Rejection;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed Retail ⇄ AccountView end to end: the books' articles and stock reach the till, the till's
 * customers become debtors and its sales invoices or sales orders, through both connectors and both
 * sandboxes, over two days (the demo's pair); with faults on both sides every sale is booked exactly
 * once and no customer becomes two debtors; bad records are rejected naming the field.
 */
class LightspeedAccountViewTest {

    private static final RetrySchedule RETRY_AT_ONCE = new RetrySchedule(Duration.ZERO, Duration.ZERO);

    @Test
    void theDemoPairMovesArticlesStockCustomersAndSalesAndOnlyTheSecondDaysChanges(@TempDir Path workDir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LedgerPairDemo.Result result = LedgerPairDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8), workDir, false);

        assertThat(result.firstDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.secondDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.items()).isEqualTo(DutchLedger.ARTICLES);
        assertThat(result.invoices()).isEqualTo(result.sales());
        assertThat(result.debtors()).as("the shop's customers and the one entered in the books").isEqualTo(result.customers() + 1);
        assertThat(result.secondDay().get(0).count(Outcome.UPDATED)).as("the changed price").isEqualTo(1);
        assertThat(result.secondDay().get(1).count(Outcome.UPDATED)).as("the changed stock").isEqualTo(1);
        assertThat(result.secondDay().get(2).count(Outcome.CREATED)).isEqualTo(1);
        assertThat(result.firstDay().get(3).count(Outcome.CREATED)).as("the till's customers not sent back").isZero();
        assertThat(result.secondDay().get(3).count(Outcome.CREATED)).as("the debtor entered in the books, now in the till").isEqualTo(1);
        assertThat(result.secondDay().get(4).count(Outcome.CREATED)).isEqualTo(LedgerPairDemo.NEW_SALES);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("day 2 (only the changes move)").contains("accountview")
                .contains("state-lightspeed-accountview.db");
    }

    @ParameterizedTest
    @EnumSource(value = OrderKind.class, names = {"INVOICE", "ORDER"})
    void withFaultsOnBothSides500SalesAreBookedExactlyOnceAndNoCustomerTwice(OrderKind kind) {
        // Both sides run 50 × faster, so Retry-After and timeout waits do not make the test slow.
        ScaledTime time = ScaledTime.startingAt(Instant.now(), 50);
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).time(time).start();
             AccountViewSandbox books = AccountViewSandbox.builder().time(time).start()) {
            DutchLedger shop = new DutchLedger(Instant.now());
            shop.seedBooks(books);
            shop.seedShop(posSandbox);
            InMemoryStateStore state = new InMemoryStateStore();
            SyncEngine engine = SyncEngine.builder().stateStore(state).build();
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(posSandbox).toBuilder().timeSource(time).build());
            AccountView av = AccountView.connect(LedgerPairDemo.booksSettings(books).timeSource(time).build(),
                    io.possync.api.http.RateLimiter.unlimited());
            List<Flow<?>> flows = LedgerPairDemo.flows(pos, av, kind, RETRY_AT_ONCE);
            engine.run(flows.get(0));
            shop.ringUp(posSandbox, 500);
            posSandbox.faults().randomly(0.20, 0.02, 31);
            books.faults().randomly(0.20, 0.02, 32);

            String header = kind == OrderKind.INVOICE ? "DJ_PAGE" : "SO_HDR";
            String key = kind == OrderKind.INVOICE ? "INV_NR" : "COMMENT1";
            for (int run = 0; run < 30 && (books.rows(header).size() < shop.sales() || flows.stream()
                    .anyMatch(f -> !state.retryQueue(f.name(), 1).isEmpty())); run++) {
                flows.forEach(engine::run);
            }

            assertThat(books.faults().injected() + posSandbox.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(50);
            Map<String, Long> booked = books.rows(header).stream().collect(Collectors.groupingBy(r -> r.path(key).asText(), Collectors.counting()));
            assertThat(booked).hasSize(shop.sales()).allSatisfy((number, times) -> assertThat(times).as(number).isEqualTo(1));
            Map<String, Long> debtors = books.rows("CONTACT").stream().filter(r -> !r.path("MAIL_BUS").asText().isEmpty())
                    .collect(Collectors.groupingBy(r -> r.path("MAIL_BUS").asText(), Collectors.counting()));
            assertThat(debtors).hasSize(DutchLedger.CUSTOMERS).allSatisfy((email, times) -> assertThat(times).as(email).isEqualTo(1));
            assertThat(posSandbox.records("Item")).hasSize(DutchLedger.ARTICLES);
            Map<String, String> itemIds = posSandbox.records("Item").stream()
                    .collect(Collectors.toMap(i -> i.path("itemID").asText(), i -> i.path("customSku").asText()));
            Map<String, java.math.BigDecimal> inTill = posSandbox.records("ItemShop").stream().filter(s -> s.path("shopID").asText().equals("1"))
                    .collect(Collectors.toMap(s -> itemIds.get(s.path("itemID").asText()), s -> new java.math.BigDecimal(s.path("qoh").asText("0"))));
            assertThat(books.rows("ARTICLE")).as("the stock equal on both sides").allSatisfy(a -> assertThat(inTill.get(a.path("ART_CODE").asText()))
                    .isEqualByComparingTo(a.path("QTY_AVAIL").decimalValue()));
        }
    }

    @Test
    void badRecordsAreRejectedNamingTheFieldAndTheRestIsBooked() {
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
             AccountViewSandbox books = AccountViewSandbox.builder().start()) {
            DutchLedger shop = new DutchLedger(Instant.now());
            shop.seedBooks(books);
            shop.seedShop(posSandbox);
            ObjectNode longMail = Json.MAPPER.createObjectNode().put("firstName", "Lange").put("lastName", "Naam");
            longMail.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject()
                    .put("address", "een.heel.erg.lang.adres.voor.de.boekhouding@voorbeeld-bedrijf.nl").put("useType", "Primary");
            posSandbox.seed("Customer", longMail);
            SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(posSandbox));
            AccountView av = AccountView.connect(LedgerPairDemo.booksSettings(books).build(), io.possync.api.http.RateLimiter.unlimited());
            List<Flow<?>> flows = LedgerPairDemo.flows(pos, av, OrderKind.ORDER, RETRY_AT_ONCE);
            engine.run(flows.get(0));
            ObjectNode onlyInTheShop = Json.MAPPER.createObjectNode().put("description", "Cadeaubon").put("customSku", "BON-25");
            onlyInTheShop.putObject("Prices").putArray("ItemPrice").addObject().put("amount", "25.00").put("useType", "Default");
            posSandbox.seed("Item", onlyInTheShop);
            shop.ringUp(posSandbox, 20);

            List<Rejection> rejections = new ArrayList<>();
            flows.stream().skip(2).filter(f -> !f.name().startsWith("debtors")).forEach(f -> rejections.addAll(engine.run(f).rejections()));

            assertThat(rejections).filteredOn(r -> r.entityType() == EntityType.CUSTOMER).singleElement()
                    .satisfies(r -> assertThat(r.fieldPath()).contains("MAIL_BUS"));
            List<Rejection> sales = rejections.stream().filter(r -> r.entityType() == EntityType.ORDER).toList();
            assertThat(sales).allSatisfy(r -> {
                assertThat(r.fieldPath().orElse("")).matches("lines\\[\\d+]\\.ART_CODE");
                assertThat(r.reason()).contains("BON-25");
            });
            assertThat(books.rows("SO_HDR")).hasSize(shop.sales() - sales.size());
            assertThat(books.rows("CONTACT")).as("every customer but the one with the long address, and the cash debtor")
                    .hasSize(DutchLedger.CUSTOMERS + 1);
        }
    }

    @Test
    void aSalesOrderCancelledInAccountViewVoidsItsSaleInLightspeed() {
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
             AccountViewSandbox books = AccountViewSandbox.builder().start()) {
            DutchLedger shop = new DutchLedger(Instant.now());
            shop.seedBooks(books);
            shop.seedShop(posSandbox);
            SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(posSandbox));
            AccountView av = AccountView.connect(LedgerPairDemo.booksSettings(books).build(), io.possync.api.http.RateLimiter.unlimited());
            List<Flow<?>> flows = LedgerPairDemo.flows(pos, av, OrderKind.ORDER, RETRY_AT_ONCE);
            engine.run(flows.get(0));
            shop.ringUp(posSandbox, 10);
            flows.stream().skip(2).forEach(engine::run);
            // Lightspeed takes a cancellation (the sale is voided); an open order has no status there.
            Flow<?> status = Flow.orderStatus("status erp→pos").from(av.salesOrders()).to(pos.sales())
                    .filter(o -> o.status() != io.possync.api.OrderStatus.OPEN).build();
            engine.run(status);
            ObjectNode cancelled = books.rows("SO_HDR").get(3);

            books.setSalesOrderStatus(cancelled.path("ORD_NR").asText(), "V");
            SyncReport report = engine.run(status);

            assertThat(report.rejections()).isEmpty();
            assertThat(posSandbox.records("Sale")).filteredOn(s -> s.path("voided").asText().equals("true")).singleElement()
                    .satisfies(s -> assertThat(cancelled.path("COMMENT1").asText()).isEqualTo(s.path("saleID").asText()));
        }
    }
}

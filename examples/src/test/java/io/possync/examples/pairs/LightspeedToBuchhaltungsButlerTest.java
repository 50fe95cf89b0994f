package io.possync.examples.pairs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.KeyType;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed Retail → BuchhaltungsButler end to end: a German shop's customers become debtors and its
 * sales receipts with postings, through both connectors and both sandboxes, over two days, and with
 * faults on both sides every sale is booked exactly once and no customer becomes two debtors.
 */
class LightspeedToBuchhaltungsButlerTest {

    private static final int ITEMS = 20;
    private static final int CUSTOMERS = 30;
    private static final int SALES = 300;
    /** Records that failed are due again at the next run, so a test's few runs clear the queue. */
    private static final io.possync.core.RetrySchedule RETRY_AT_ONCE = new io.possync.core.RetrySchedule(Duration.ZERO, Duration.ZERO);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Instant start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final ScaledTime butlerTime = ScaledTime.startingAt(Instant.now(), 50);
    private final LightspeedSandbox pos = LightspeedSandbox.builder().shop("Köln").bucket(100_000, 100_000).start();
    private final BuchhaltungsButlerSandbox butler = BuchhaltungsButlerSandbox.builder().time(butlerTime).start();
    private final Random random = new Random(19);
    private final List<ObjectNode> items = new ArrayList<>();
    private final List<String> customerIds = new ArrayList<>();
    private int salesSeeded;

    @AfterEach
    void stop() {
        pos.close();
        butler.close();
    }

    private void seedShop() {
        butler.seedDebtor(Json.MAPPER.createObjectNode().put("postingaccount_number", "10000").put("name", "Barverkauf"));
        for (int i = 0; i < ITEMS; i++) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("description", (i % 4 == 0 ? "Buch " : "Tasse ") + i)
                    .put("customSku", "DE-" + i);
            item.putObject("Prices").putArray("ItemPrice").addObject().put("amount", (5 + i) + ".90").put("useType", "Default");
            items.add(pos.seed("Item", item));
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            customerIds.add(seedCustomer(i));
        }
        for (int i = 0; i < SALES; i++) {
            seedSale(start.plusSeconds(i * 2_400L));
        }
    }

    private String seedCustomer(int i) {
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

    private void seedSale(Instant at) {
        String stamp = STAMP.format(at.atOffset(ZoneOffset.UTC));
        ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1")
                .put("timeStamp", stamp).put("createTime", stamp).put("completeTime", stamp);
        if (random.nextInt(10) < 3) {
            sale.put("customerID", customerIds.get(random.nextInt(customerIds.size())));
        }
        ArrayNode lines = sale.putObject("SaleLines").putArray("SaleLine");
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
            ObjectNode item = items.get(random.nextInt(items.size()));
            String rate = item.path("description").asText().startsWith("Buch") ? "0.07" : "0.19";
            int quantity = 1 + random.nextInt(3);
            String price = item.path("Prices").path("ItemPrice").get(0).path("amount").asText();
            lines.addObject().put("itemID", item.get("itemID").asText()).put("unitQuantity", String.valueOf(quantity))
                    .put("unitPrice", price).put("tax1Rate", rate);
            BigDecimal net = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity));
            total = total.add(net).add(net.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP));
        }
        sale.putObject("SalePayments").putArray("SalePayment").addObject().put("amount", total.toPlainString()).put("paymentTypeID", "1");
        pos.seed("Sale", sale);
        salesSeeded++;
    }

    private List<Flow<?>> flows() {
        List<String> issued = pos.issuedRefreshTokens();
        LightspeedRetail lightspeed = LightspeedRetail.connect(LightspeedRetailSettings.builder(pos.clientId(), Secret.of(pos.clientSecret()),
                        Secret.of(issued.get(issued.size() - 1))).endpoints(pos.apiUri(), pos.tokenUri()).currency("EUR")
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
                        .build())
                .build());
        BuchhaltungsButler books = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder(butler.apiClient(),
                        Secret.of(butler.apiSecret()), Secret.of(butler.apiKey())).baseUrl(butler.apiUri())
                .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300).timeSource(butlerTime)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .maxElapsed(Duration.ofMinutes(30)).build())
                .build());
        return List.of(
                Flow.customers("customers pos→butler").from(lightspeed.customers()).to(books.debtors()).matchKey(KeyType.CUSTOMER_NUMBER)
                        .retrySchedule(RETRY_AT_ONCE).build(),
                Flow.orders("sales pos→butler").from(lightspeed.sales()).to(books.receipts()).customers(books.debtors())
                        .customerMatchKey(KeyType.CUSTOMER_NUMBER).defaultDebtor("10000").retrySchedule(RETRY_AT_ONCE).build());
    }

    private static List<SyncReport> runAll(SyncEngine engine, List<Flow<?>> flows) {
        List<SyncReport> reports = new ArrayList<>();
        flows.forEach(f -> reports.add(engine.run(f)));
        return reports;
    }

    private void assertEverySaleBookedOnceAndEveryCustomerOneDebtor() {
        List<ObjectNode> receipts = butler.receipts();
        Set<String> numbers = new HashSet<>();
        receipts.forEach(r -> numbers.add(r.path("invoicenumber").asText()));
        assertThat(receipts).hasSize(salesSeeded);
        assertThat(numbers).as("distinct sale numbers").hasSize(salesSeeded);
        assertThat(receipts).allSatisfy(r -> {
            BigDecimal posted = BigDecimal.ZERO;
            for (JsonNode p : r.path("postings")) {
                posted = posted.add(new BigDecimal(p.path("amount").asText()));
            }
            assertThat(posted).as("postings of receipt %s", r.path("invoicenumber").asText())
                    .isEqualByComparingTo(new BigDecimal(r.path("amount").asText()));
        });
        Set<String> customerNumbers = new HashSet<>();
        butler.debtors().stream().map(d -> d.path("customer_number").asText()).filter(n -> !n.isEmpty()).forEach(n ->
                assertThat(customerNumbers.add(n)).as("debtor for customer %s made once", n).isTrue());
        assertThat(customerNumbers).hasSize(customerIds.size());
    }

    @Test
    void customersBecomeDebtorsAndEverySaleOneReceiptWithPostingsAndTheSecondDayMovesOnlyItsChanges() {
        seedShop();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
        List<Flow<?>> flows = flows();

        List<SyncReport> first = runAll(engine, flows);
        customerIds.add(seedCustomer(CUSTOMERS));
        for (int i = 0; i < 20; i++) {
            seedSale(Instant.now().minusSeconds(3_600 - i * 60L));
        }
        List<SyncReport> second = runAll(engine, flows);

        assertThat(first).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(second).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(second.get(1).count(io.possync.core.Outcome.CREATED)).as("receipts created on day 2").isEqualTo(20);
        assertThat(second.get(1).count(io.possync.core.Outcome.FETCHED)).as("sales read on day 2").isEqualTo(20);
        assertThat(butler.receipts()).allSatisfy(r -> assertThat(r.path("postings").size()).isBetween(1, 2));
        assertEverySaleBookedOnceAndEveryCustomerOneDebtor();
    }

    @Test
    void withFaultsOnBothSidesEverySaleIsBookedExactlyOnceAndNoCustomerTwice() {
        seedShop();
        pos.faults().randomly(0.20, 0.02, 5);
        butler.faults().randomly(0.20, 0.02, 6);
        InMemoryStateStore store = new InMemoryStateStore();
        SyncEngine engine = SyncEngine.builder().stateStore(store).build();
        List<Flow<?>> flows = flows();

        for (int run = 0; run < 30 && (butler.receipts().size() < salesSeeded || !store.retryQueue("sales pos→butler", 1).isEmpty()
                || !store.retryQueue("customers pos→butler", 1).isEmpty()); run++) {
            runAll(engine, flows);
        }

        assertThat(pos.faults().injected() + butler.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(5);
        assertEverySaleBookedOnceAndEveryCustomerOneDebtor();
    }
}

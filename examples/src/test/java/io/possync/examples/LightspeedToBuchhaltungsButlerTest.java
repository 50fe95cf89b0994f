package io.possync.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.KeyType;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed Retail → BuchhaltungsButler end to end: a German shop's customers become debtors and its
 * sales receipts with postings, through both connectors and both sandboxes, over two days (the demo's
 * pair), and with faults on both sides every sale is booked exactly once and no customer becomes two
 * debtors.
 */
class LightspeedToBuchhaltungsButlerTest {

    /** Records that failed are due again at the next run, so a test's few runs clear the queue. */
    private static final RetrySchedule RETRY_AT_ONCE = new RetrySchedule(Duration.ZERO, Duration.ZERO);

    @Test
    void theDemoPairBooksEverySaleOnceAndMovesOnlyTheSecondDaysChanges(@TempDir Path workDir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ButlerPairDemo.Result result = ButlerPairDemo.run(new PrintStream(printed, true, StandardCharsets.UTF_8), workDir, false);

        assertThat(result.firstDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.secondDay()).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
        assertThat(result.firstDay().get(1).count(Outcome.CREATED)).isEqualTo(GermanShop.SALES);
        assertThat(result.secondDay().get(1).count(Outcome.FETCHED)).isEqualTo(GermanShop.NEW_SALES);
        assertThat(result.secondDay().get(1).count(Outcome.CREATED)).isEqualTo(GermanShop.NEW_SALES);
        assertThat(result.secondDay().get(0).count(Outcome.CREATED)).isEqualTo(GermanShop.NEW_CUSTOMERS);
        assertThat(result.receipts()).isEqualTo(result.sales());
        assertThat(result.debtors()).isEqualTo(result.customers());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("day 2 (only the changes move)")
                .contains("buchhaltungsbutler").contains("state-lightspeed-buchhaltungsbutler.db");
    }

    @Test
    void withFaultsOnBothSidesEverySaleIsBookedExactlyOnceAndNoCustomerTwice() {
        ScaledTime butlerTime = ScaledTime.startingAt(Instant.now(), 50);
        try (LightspeedSandbox pos = LightspeedSandbox.builder().shop("Köln").bucket(100_000, 100_000).start();
             BuchhaltungsButlerSandbox books = BuchhaltungsButlerSandbox.builder().time(butlerTime).start()) {
            GermanShop shop = new GermanShop(Instant.now());
            shop.seed(pos, books);
            pos.faults().randomly(0.20, 0.02, 5);
            books.faults().randomly(0.20, 0.02, 6);
            InMemoryStateStore store = new InMemoryStateStore();
            SyncEngine engine = SyncEngine.builder().stateStore(store).build();
            List<Flow<?>> flows = flows(pos, books, butlerTime);

            for (int run = 0; run < 30 && (books.receipts().size() < shop.sales() || !store.retryQueue("sales", 1).isEmpty()
                    || !store.retryQueue("customers", 1).isEmpty()); run++) {
                flows.forEach(engine::run);
            }

            assertThat(pos.faults().injected() + books.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(5);
            List<ObjectNode> receipts = books.receipts();
            Set<String> numbers = new HashSet<>();
            receipts.forEach(r -> numbers.add(r.path("invoicenumber").asText()));
            assertThat(receipts).hasSize(shop.sales());
            assertThat(numbers).as("distinct sale numbers").hasSize(shop.sales());
            assertThat(receipts).allSatisfy(r -> assertThat(posted(r)).as("postings of receipt %s", r.path("invoicenumber").asText())
                    .isEqualByComparingTo(new BigDecimal(r.path("amount").asText())));
            List<String> customerNumbers = books.debtors().stream().map(d -> d.path("customer_number").asText()).filter(n -> !n.isEmpty())
                    .toList();
            assertThat(customerNumbers).doesNotHaveDuplicates().hasSameSizeAs(shop.customerIds());
        }
    }

    private static BigDecimal posted(JsonNode receipt) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode p : receipt.path("postings")) {
            sum = sum.add(new BigDecimal(p.path("amount").asText()));
        }
        return sum;
    }

    /** The pair's flows, retried at once, with fast retries of transient failures. */
    private static List<Flow<?>> flows(LightspeedSandbox pos, BuchhaltungsButlerSandbox books, ScaledTime butlerTime) {
        List<String> issued = pos.issuedRefreshTokens();
        LightspeedRetail lightspeed = LightspeedRetail.connect(LightspeedRetailSettings.builder(pos.clientId(), Secret.of(pos.clientSecret()),
                        Secret.of(issued.get(issued.size() - 1))).endpoints(pos.apiUri(), pos.tokenUri()).currency("EUR")
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
                        .build())
                .build());
        BuchhaltungsButler butler = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder(books.apiClient(),
                        Secret.of(books.apiSecret()), Secret.of(books.apiKey())).baseUrl(books.apiUri())
                .revenueAccount("*", "19", 8400).revenueAccount("*", "7", 8300).timeSource(butlerTime)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .maxElapsed(Duration.ofMinutes(30)).build())
                .build());
        return List.of(
                Flow.customers("customers").from(lightspeed.customers()).to(butler.debtors()).matchKey(KeyType.CUSTOMER_NUMBER)
                        .retrySchedule(RETRY_AT_ONCE).build(),
                Flow.orders("sales").from(lightspeed.sales()).to(butler.receipts()).customers(butler.debtors())
                        .customerMatchKey(KeyType.CUSTOMER_NUMBER).defaultDebtor(GermanShop.CASH_DEBTOR).retrySchedule(RETRY_AT_ONCE).build());
    }
}

package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 POS sales with 19 %, 7 % and 0 % lines to Germany, Austria and the Netherlands into the
 * sandbox through the engine: one receipt per sale, postings that add up to its gross amount, each on
 * the revenue account and VAT key the settings map, with and without lost answers.
 */
class ReceiptSyncTest {

    private static final int SALES = 1000;
    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
    private final List<Order> sales = GermanTill.sales(SALES, Sandboxes.START.minus(Duration.ofDays(7)), 5, 42);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Flow<Order> flow(BuchhaltungsButler butler) {
        return Flow.orders("till-to-butler").from(new ListSource<>("till", sales)).to(butler.receipts())
                .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER).defaultDebtor("10000")
                .pageSize(100).retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
    }

    @Test
    void everySaleIsOneReceiptWhosePostingsAddUpToItsGrossOnTheMappedAccountsAndKeys() {
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(flow(butler));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.rejections()).isEmpty();
        assertEverySaleBookedOnce();
        long requests = report.requestsBySystem().get("buchhaltungsbutler");
        System.out.printf("BuchhaltungsButler: %d requests for %d sales (%.3f per sale), %d receipt batches, 429s: %d%n", requests,
                SALES, requests / (double) SALES, sandbox.requestCount("/receipts/addBatch"), sandbox.throttledCount());
        assertThat(sandbox.throttledCount()).as("requests refused by the per-minute budget or the batch pacing").isZero();
    }

    @Test
    void withTenPercentThrottledAndTwoPercentOfWriteAnswersLostEverySaleIsStillBookedOnce() {
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
        InMemoryStateStore store = new InMemoryStateStore();
        SyncEngine engine = SyncEngine.builder().stateStore(store).build();
        Flow<Order> flow = flow(butler);
        sandbox.faults().randomly(0.10, 0.02, 7).nextWrite(Fault.lostResponse()).nextWrite(Fault.lostResponse());

        List<RunStatus> runs = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            SyncReport report = engine.run(flow);
            runs.add(report.status());
            if (report.status() == RunStatus.COMPLETED && store.retryQueue("till-to-butler", 10).isEmpty()) {
                break;
            }
        }

        assertThat(sandbox.faults().injected(Fault.Kind.LOST_RESPONSE)).isGreaterThanOrEqualTo(2);
        assertThat(store.retryQueue("till-to-butler", 10)).isEmpty();
        assertEverySaleBookedOnce();
        Map<String, Long> debtors = sandbox.debtors().stream()
                .collect(Collectors.groupingBy(d -> d.path("customer_number").asText(""), Collectors.counting()));
        debtors.remove("");
        assertThat(debtors).allSatisfy((number, count) -> assertThat(count).as(number).isEqualTo(1L));
        System.out.println("runs: " + runs + "; lost answers: " + sandbox.faults().injected(Fault.Kind.LOST_RESPONSE));
    }

    private void assertEverySaleBookedOnce() {
        List<ObjectNode> receipts = sandbox.receipts();
        Map<String, Long> perNumber = receipts.stream()
                .collect(Collectors.groupingBy(r -> r.path("invoicenumber").asText(), Collectors.counting()));
        assertThat(perNumber).hasSize(SALES).allSatisfy((number, count) -> assertThat(count).as(number).isEqualTo(1L));
        Map<String, ObjectNode> byNumber = receipts.stream().collect(Collectors.toMap(r -> r.path("invoicenumber").asText(),
                Function.identity()));
        for (Order sale : sales) {
            ObjectNode receipt = byNumber.get(sale.number());
            BigDecimal amount = new BigDecimal(receipt.path("amount").asText());
            assertThat(amount).as(sale.number()).isEqualByComparingTo(sale.totals().gross());
            BigDecimal sum = BigDecimal.ZERO;
            Map<String, BigDecimal> booked = new TreeMap<>();
            for (JsonNode p : receipt.path("postings")) {
                sum = sum.add(new BigDecimal(p.path("signed_amount").asText()));
                booked.merge(p.path("postingaccount").asText() + " " + p.path("vat_option").asText(),
                        new BigDecimal(p.path("signed_amount").asText()), BigDecimal::add);
            }
            assertThat(sum).as("postings of " + sale.number()).isEqualByComparingTo(amount);
            assertThat(booked).as("accounts and VAT keys of " + sale.number()).isEqualTo(expected(sale));
        }
    }

    private static Map<String, BigDecimal> expected(Order sale) {
        String country = sale.billingAddress().orElseThrow().country();
        Map<String, BigDecimal> out = new TreeMap<>();
        for (OrderLine line : sale.lines()) {
            String rate = line.taxRate().stripTrailingZeros().toPlainString();
            out.merge(Sandboxes.expectedAccount(country, rate) + " " + Sandboxes.expectedVatKey(rate),
                    line.quantity().multiply(line.unitPrice()).setScale(2), BigDecimal::add);
        }
        return new HashMap<>(out).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                TreeMap::new));
    }
}

package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Order;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.core.summary.DailySummaries;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily-summary mode: one receipt per shop and closed day, whose postings add up to the gross of
 * that day's sales in that shop; an open day waits, and no day is booked twice.
 */
class DailySummaryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant FIRST_DAY = Instant.parse("2026-10-26T07:00:00Z");

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
    private final BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
    private final List<Order> sales = GermanTill.sales(400, FIRST_DAY, 3, 9);
    private final InMemoryStateStore store = new InMemoryStateStore();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private SyncReport runAt(Instant now) {
        DailySummaries days = DailySummaries.builder(new ListSource<>("till", sales)).zone(BERLIN).closeAfter(Duration.ofHours(2))
                .clock(Clock.fixed(now, BERLIN)).build();
        Flow<Order> flow = Flow.orders("daily-till").from(days).to(butler.receipts()).defaultDebtor("10000").build();
        return SyncEngine.builder().stateStore(store).build().run(flow);
    }

    private Map<String, BigDecimal> expectedThrough(LocalDate lastDay) {
        return sales.stream().filter(o -> !LocalDate.ofInstant(o.createdAt(), BERLIN).isAfter(lastDay))
                .collect(Collectors.groupingBy(o -> DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(o.createdAt(), BERLIN))
                                + "-" + o.store().orElseThrow(), TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, o -> o.totals().gross(), BigDecimal::add)));
    }

    private Map<String, BigDecimal> bookedReceipts() {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (ObjectNode r : sandbox.receipts()) {
            BigDecimal postings = BigDecimal.ZERO;
            for (JsonNode p : r.path("postings")) {
                postings = postings.add(new BigDecimal(p.path("signed_amount").asText()));
            }
            assertThat(postings).as("postings of " + r.path("invoicenumber").asText()).isEqualByComparingTo(r.path("amount").asText());
            assertThat(out.put(r.path("invoicenumber").asText(), postings)).as("receipts numbered " + r.path("invoicenumber")).isNull();
        }
        return out;
    }

    @Test
    void eachClosedDayIsOneReceiptPerShopWhosePostingsEqualThatDaysSalesAndTheOpenDayWaits() {
        LocalDate first = LocalDate.ofInstant(FIRST_DAY, BERLIN);
        Instant secondDayClosed = first.plusDays(2).atTime(3, 0).atZone(BERLIN).toInstant();   // day 3 still open

        SyncReport report = runAt(secondDayClosed);

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.rejections()).isEmpty();
        Map<String, BigDecimal> expected = expectedThrough(first.plusDays(1));
        assertThat(expected).hasSize(4);
        assertThat(bookedReceipts()).isEqualTo(expected);
    }

    @Test
    void whenTheLastDayClosesItIsBookedAndNoEarlierDayTwice() {
        LocalDate first = LocalDate.ofInstant(FIRST_DAY, BERLIN);
        runAt(first.plusDays(2).atTime(3, 0).atZone(BERLIN).toInstant());

        SyncReport later = runAt(first.plusDays(5).atTime(3, 0).atZone(BERLIN).toInstant());

        assertThat(later.status()).isEqualTo(RunStatus.COMPLETED);
        Map<String, BigDecimal> expected = expectedThrough(first.plusDays(5));
        assertThat(expected.keySet()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(bookedReceipts()).isEqualTo(expected);
        assertThat(runAt(first.plusDays(6).atTime(3, 0).atZone(BERLIN).toInstant()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(bookedReceipts()).isEqualTo(expected);
    }
}

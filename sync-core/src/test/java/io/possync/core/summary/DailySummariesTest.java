package io.possync.core.summary;

import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** One order per shop and closed day: open days wait, no day is summed twice, pages hold whole days. */
class DailySummariesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private final InMemorySource<Order> sales = new InMemorySource<>("pos");

    private static Instant day(int day, int hour) {
        return Instant.parse("2026-11-0" + day + "T00:00:00Z").plus(Duration.ofHours(hour));
    }

    private static Order sale(String id, Instant at) {
        Order o = Fixtures.order(id, null, at);
        return o.toBuilder().createdAt(at).store("1").build();
    }

    private DailySummaries at(Instant now) {
        return DailySummaries.builder(sales).zone(ZONE).closeAfter(Duration.ofHours(2)).clock(Clock.fixed(now, ZONE)).build();
    }

    @Test
    void aClosedDayIsOneOrderWithItsSalesSummedAndTheOpenDayWaitsForTheNextRead() {
        sales.put(sale("1", day(2, 9))).put(sale("2", day(2, 15))).put(sale("3", day(3, 10)));

        Page<Order> first = at(day(3, 12)).changesSince(Cursor.initial(), 100);

        assertThat(first.records()).singleElement().satisfies(s -> {
            assertThat(s.number()).isEqualTo("20261102-1");
            assertThat(s.totals().gross()).isEqualByComparingTo("24.20");
            assertThat(s.lines()).singleElement().satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("24.20"));
            assertThat(s.customFields()).containsEntry("orders", "2");
        });
        sales.put(sale("4", day(3, 17)));

        Page<Order> second = at(day(4, 3)).changesSince(first.next(), 100);

        assertThat(second.records()).singleElement().satisfies(s -> {
            assertThat(s.number()).isEqualTo("20261103-1");
            assertThat(s.totals().gross()).isEqualByComparingTo(new BigDecimal("24.20"));
        });
        assertThat(at(day(4, 4)).changesSince(second.next(), 100).records()).isEmpty();
    }

    @Test
    void aSaleOfASummarisedDayChangedLaterIsNotSummedAgain() {
        sales.put(sale("1", day(2, 9)));
        Page<Order> first = at(day(3, 12)).changesSince(Cursor.initial(), 100);
        sales.put(sale("1", day(2, 9)).toBuilder().modifiedAt(day(3, 13)).build());

        assertThat(at(day(3, 14)).changesSince(first.next(), 100).records()).isEmpty();
    }

    @Test
    void aPageHoldsWholeDaysAndSaysWhenMoreFollow() {
        for (int d = 1; d <= 4; d++) {
            sales.put(sale("a" + d, day(d, 9)));
            sales.put(sale("b" + d, day(d, 10)).toBuilder().store("2").build());
        }

        Page<Order> first = at(day(6, 12)).changesSince(Cursor.initial(), 3);
        Page<Order> rest = at(day(6, 12)).changesSince(first.next(), 100);

        assertThat(first.records()).extracting(Order::number).containsExactly("20261101-1", "20261101-2", "20261102-1", "20261102-2");
        assertThat(first.hasMore()).isTrue();
        assertThat(rest.records()).extracting(Order::number).containsExactly("20261103-1", "20261103-2", "20261104-1", "20261104-2");
    }
}

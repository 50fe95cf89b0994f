package io.possync.core;

import io.possync.api.EntityType;
import io.possync.api.Ref;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table people read after a run: one row per report, a requests column per system, the rejections a person must see. */
class SyncReportTableTest {

    private static SyncReport report(String flow, long created, List<Rejection> rejections, Map<String, Long> requests) {
        return new SyncReport(flow, EntityType.ORDER, RunStatus.COMPLETED, false, Instant.parse("2026-12-05T10:00:00Z"),
                Duration.ofMillis(2345), Map.of(EntityType.ORDER, Map.of(Outcome.FETCHED, created + rejections.size(),
                Outcome.CREATED, created, Outcome.REJECTED, (long) rejections.size())), rejections, List.of(), requests,
                OptionalLong.of(rejections.size()), Optional.empty(), Optional.empty());
    }

    @Test
    void eachReportIsARowWithItsCountsRequestsPerSystemAndTime() {
        String table = SyncReportTable.of("lightspeed", "businesscentral")
                .render("day 1", List.of(report("sales", 98, List.of(), Map.of("lightspeed", 10L, "businesscentral", 4L))));

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEmpty();
        assertThat(lines.get(1)).isEqualTo("day 1");
        assertThat(lines.get(2)).containsSubsequence("flow", "fetched", "created", "updated", "unchanged", "rejected", "lightspeed",
                "businesscentral", "time");
        assertThat(lines.get(3)).matches("-+").hasSize(lines.get(2).length());
        assertThat(lines.get(4).split(" +")).containsExactly("sales", "98", "98", "0", "0", "0", "10", "4", "2.3", "s");
    }

    @Test
    void permanentRejectionsAreListedAndTransientOnesAreNot() {
        Rejection unknownSku = new Rejection(EntityType.ORDER, new Ref("pos", EntityType.ORDER, "1042"), Optional.of("lines[0].sku"),
                "product 'X' does not exist", false);
        Rejection outage = new Rejection(EntityType.ORDER, new Ref("pos", EntityType.ORDER, "1043"), Optional.empty(), "HTTP 503", true);

        String table = SyncReportTable.of("erp").render("sync", List.of(report("sales", 1, List.of(unknownSku, outage), Map.of())));

        assertThat(table).contains("  rejected in sales: order 1042 (lines[0].sku) — product 'X' does not exist").doesNotContain("1043");
    }

    @Test
    void aColumnCanBeMadeNarrowerOrWider() {
        SyncReport r = report("sales", 1, List.of(), Map.of("businesscentral", 4L));

        int wide = SyncReportTable.of("businesscentral").render("t", List.of(r)).lines().toList().get(4).length();
        int narrow = SyncReportTable.of("businesscentral").withWidth("businesscentral", 14).render("t", List.of(r)).lines().toList()
                .get(4).length();

        assertThat(wide - narrow).isEqualTo(2);
        assertThatThrownBy(() -> SyncReportTable.of("erp").withWidth("pos", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pos'");
    }
}

package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading sales by time stamp across many pages, with many sales sharing a time stamp. */
class IncrementalReadTest {

    private static final int SALES = 2_000;
    /** Sales per time stamp: 7 does not divide the page size, so groups straddle page boundaries. */
    private static final int PER_SECOND = 7;

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().bucket(100_000, 100_000).start();
    private LightspeedRetail pos;

    @BeforeEach
    void seed() {
        ObjectNode item = sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        for (int i = 0; i < SALES; i++) {
            String stamp = format.format(start.plusSeconds(i / PER_SECOND).atOffset(ZoneOffset.UTC));
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1")
                    .put("timeStamp", stamp);
            sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", item.get("itemID").asText())
                    .put("unitQuantity", "1").put("unitPrice", "2.5").put("tax1Rate", "0.09");
            sandbox.seed("Sale", sale);
        }
        pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private record Read(List<Order> orders, Cursor cursor, int pages) {
    }

    private Read readAll(Cursor from) {
        List<Order> orders = new ArrayList<>();
        Cursor cursor = from;
        int pages = 0;
        while (true) {
            Page<Order> page = pos.sales().changesSince(cursor, 100);
            pages++;
            orders.addAll(page.records());
            cursor = page.next();
            if (!page.hasMore()) {
                return new Read(orders, cursor, pages);
            }
        }
    }

    @Test
    void everySaleArrivesExactlyOnceAcrossPagesWithEqualTimeStamps() {
        Read first = readAll(Cursor.initial());

        Set<String> numbers = new HashSet<>();
        first.orders().forEach(o -> numbers.add(o.number()));
        assertThat(first.orders()).hasSize(SALES);
        assertThat(numbers).hasSize(SALES);
        assertThat(first.pages()).isEqualTo(SALES / 100);
    }

    @Test
    void aSecondReadWithoutChangesDeliversNothing() {
        Read first = readAll(Cursor.initial());

        Read second = readAll(first.cursor());

        assertThat(second.orders()).isEmpty();
    }

    @Test
    void aSecondReadWithTheOverlapWindowStillDeliversNothingNew() {
        pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).overlap(java.time.Duration.ofMinutes(1)).build());
        Read first = readAll(Cursor.initial());

        Read second = readAll(first.cursor());

        assertThat(second.orders()).isEmpty();
    }

    @Test
    void aChangedSaleIsReadAgainAndOnlyIt() {
        Read first = readAll(Cursor.initial());
        sandbox.modify("Sale", "17", "referenceNumber", "corrected");

        Read second = readAll(first.cursor());

        assertThat(second.orders()).extracting(Order::number).containsExactly("17");
    }

    @Test
    void aSaleChangedAgainWithinTheSecondItWasReadInIsReadAgain() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        io.possync.api.http.TimeSource standingClock = new io.possync.api.http.TimeSource() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(java.time.Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
        try (LightspeedSandbox frozen = LightspeedSandbox.builder().bucket(100_000, 100_000).time(standingClock).start()) {
            ObjectNode item = frozen.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1");
            sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", item.get("itemID").asText())
                    .put("unitQuantity", "1").put("unitPrice", "2.5").put("tax1Rate", "0.09");
            String id = frozen.seed("Sale", sale).get("saleID").asText();
            pos = LightspeedRetail.connect(SandboxConnectorTest.settings(frozen).build());
            Read first = readAll(Cursor.initial());

            frozen.modify("Sale", id, "referenceNumber", "corrected");   // the same second: the same time stamp
            Read second = readAll(first.cursor());
            Read third = readAll(second.cursor());

            assertThat(second.orders()).extracting(o -> o.sourceRef().id()).containsExactly(id);
            assertThat(third.orders()).isEmpty();
        }
    }
}

package io.possync.core;

import static io.possync.core.fixtures.Fixtures.stock;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.possync.api.StockLevel;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.fixtures.StockChangeFeed;
import io.possync.core.state.InMemoryStateStore;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StockFlowTest {

    private final InMemorySource<StockLevel> source = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<StockLevel> sink = Fixtures.stockSink();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();

    @BeforeEach
    void products() {
        sink.seed(JsonNodeFactory.instance.objectNode().put("number", "TEE-M"));
    }

    @Test
    void unchangedStockIsNotWrittenAgain() {
        Flow<StockLevel> flow = Flow.stock("stock").from(source).to(sink).build();
        source.put(stock("TEE-M", "MAIN", 10, 0, at(1)));
        engine.run(flow);

        source.put(stock("TEE-M", "MAIN", 10, 0, at(2)));
        SyncReport again = engine.run(flow);

        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(sink.updates()).isEqualTo(1);
    }

    @Test
    void severalChangesOfOneSkuSpreadOverPagesAreCoalescedIntoOneWrite() {
        StockChangeFeed feed = new StockChangeFeed(Fixtures.POS);
        feed.add(stock("TEE-M", "MAIN", 10, 0, at(1)));
        feed.add(stock("TEE-M", "MAIN", 9, 0, at(2)));
        feed.add(stock("TEE-M", "MAIN", 7, 0, at(3)));
        Flow<StockLevel> flow = Flow.stock("stock").from(feed).to(sink).pageSize(1).build();

        SyncReport report = engine.run(flow);

        assertThat(report.count(Outcome.FETCHED)).isEqualTo(3);
        assertThat(sink.updates()).isEqualTo(1);
        assertThat(sink.byKey("TEE-M").orElseThrow().fields().path("inventory").decimalValue())
                .isEqualByComparingTo("7");
    }

    @Test
    void onHandMinusReservedIsWrittenByDefault() {
        source.put(StockLevel.of(Fixtures.POS, "TEE-M", "MAIN", new BigDecimal("12"), new BigDecimal("3"),
                new BigDecimal("9"), at(1)));

        engine.run(Flow.stock("stock").from(source).to(sink).build());

        assertThat(sink.byKey("TEE-M").orElseThrow().fields().path("inventory").decimalValue())
                .as("reservations subtracted once, whatever the source calls available").isEqualByComparingTo("9");
    }

    @Test
    void aSafetyStockIsKeptBackAndNothingGoesBelowZero() {
        sink.seed(JsonNodeFactory.instance.objectNode().put("number", "MUG"));
        source.put(stock("TEE-M", "MAIN", 10, 3, at(1)));
        source.put(stock("MUG", "MAIN", 1, 0, at(2)));

        engine.run(Flow.stock("stock").from(source).to(sink)
                .calculation(StockCalculation.ON_HAND_MINUS_RESERVED.minus(new BigDecimal("2"))).build());

        assertThat(sink.byKey("TEE-M").orElseThrow().fields().path("inventory").decimalValue()).isEqualByComparingTo("5");
        assertThat(sink.byKey("MUG").orElseThrow().fields().path("inventory").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void onlyTheChosenLocationsAreWritten() {
        source.put(stock("TEE-M", "SHOP", 4, 0, at(1)));
        source.put(stock("TEE-M", "WAREHOUSE", 40, 0, at(2)));

        SyncReport report = engine.run(Flow.stock("stock").from(source).to(sink).locations("SHOP").build());

        assertThat(report.count(Outcome.FILTERED)).isEqualTo(1);
        assertThat(sink.byKey("TEE-M").orElseThrow().fields().path("inventory").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void aSourceThatReportsNoReservationsIsNotedOncePerRun() {
        sink.seed(JsonNodeFactory.instance.objectNode().put("number", "MUG"));
        source.put(stock("TEE-M", "MAIN", 10, 0, at(1)));
        source.put(stock("MUG", "MAIN", 5, 0, at(2)));
        io.possync.api.StockSource withoutReservations = new io.possync.api.StockSource() {
            public io.possync.api.Page<StockLevel> changesSince(io.possync.api.Cursor cursor, int limit) {
                return source.changesSince(cursor, limit);
            }

            public java.util.Optional<StockLevel> fetch(String id) {
                return source.fetch(id);
            }

            public String system() {
                return source.system();
            }

            public boolean knowsReservations() {
                return false;
            }
        };
        java.util.List<SyncEvent> events = new java.util.ArrayList<>();
        SyncEngine listened = SyncEngine.builder().stateStore(store).listener(new SyncListener() {
            @Override
            public void onEvent(SyncEvent e) {
                events.add(e);
            }
        }).build();

        SyncReport report = listened.run(Flow.stock("stock").from(withoutReservations).to(sink).build());

        assertThat(report.count(Outcome.UPDATED)).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.outcome() == Outcome.WARNING).singleElement()
                .satisfies(e -> assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).contains("reports no sales reservations")));
        source.put(stock("TEE-M", "MAIN", 11, 0, at(3)));
        SyncReport chosen = listened.run(Flow.stock("stock").from(withoutReservations).to(sink).calculation(StockCalculation.ON_HAND).build());
        assertThat(chosen.count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(chosen.count(Outcome.WARNING)).as("a chosen calculation is not noted").isZero();
    }

    @Test
    void anotherCalculationCanBeChosen() {
        source.put(StockLevel.of(Fixtures.POS, "TEE-M", "MAIN", new BigDecimal("12"), new BigDecimal("3"),
                new BigDecimal("10"), at(1)));

        engine.run(Flow.stock("stock").from(source).to(sink).calculation(StockCalculation.ON_HAND).build());

        assertThat(sink.byKey("TEE-M").orElseThrow().fields().path("inventory").decimalValue()).isEqualByComparingTo("12");
    }

    @Test
    void stockOfAProductMissingInTheTargetIsAWarningNotAFailure() {
        source.put(stock("GHOST", "MAIN", 4, 0, at(1)));

        SyncReport report = engine.run(Flow.stock("stock").from(source).to(sink).build());

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.count(Outcome.WARNING)).isEqualTo(1);
        assertThat(store.retryQueue("stock", 10)).isEmpty();
        assertThat(store.cursor("stock")).isPresent();
        assertThat(sink.updates()).isZero();
    }
}

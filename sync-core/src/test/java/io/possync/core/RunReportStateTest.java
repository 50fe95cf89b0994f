package io.possync.core;

import io.possync.api.Customer;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

/** A report says how full the retry queue is and how new the newest change the cursor passed; listeners hear every page. */
class RunReportStateTest {

    private final InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<Customer> sink = Fixtures.customerSink();
    private final Flow<Customer> flow = Flow.customers("customers").from(source).to(sink).pageSize(2).build();

    @Test
    void aReportCountsTheRetryQueueAsTheRunLeavesIt() {
        source.put(Fixtures.customer("a", "a@example.com", at(1)));
        source.put(Fixtures.customer("b", "b@example.com", at(2)));
        source.put(Fixtures.customer("c", "c@example.com", at(3)));
        sink.rejectWhen(r -> r.record().sourceRef().id().equals("b"));
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

        SyncReport report = engine.run(flow);

        assertThat(report.count(Outcome.REJECTED)).isEqualTo(1);
        assertThat(report.retryQueueSize()).hasValue(1);
    }

    @Test
    void theNewestChangeIsTheLatestModificationTheCursorPassed() {
        source.put(Fixtures.customer("a", "a@example.com", at(5)));
        source.put(Fixtures.customer("b", "b@example.com", at(9)));
        source.put(Fixtures.customer("c", "c@example.com", at(7)));
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

        assertThat(engine.dryRun(flow).newestChange()).isEmpty();
        assertThat(engine.run(flow).newestChange()).contains(at(9));
        assertThat(engine.run(flow).newestChange()).as("a run that passes no change has none").isEmpty();
    }

    @Test
    void aListenerHearsEachPageStartAndFinish() {
        for (int i = 0; i < 5; i++) {
            source.put(Fixtures.customer("c" + i, "c" + i + "@example.com", at(i + 1)));
        }
        List<String> pages = new ArrayList<>();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(new SyncListener() {
            @Override
            public void onPageStarted(String flow, int records) {
                pages.add("start " + records);
            }

            @Override
            public void onPageFinished(String flow, int records) {
                pages.add("end " + records);
            }
        }).build();

        engine.run(flow);

        assertThat(pages).containsExactly("start 2", "end 2", "start 2", "end 2", "start 1", "end 1");
    }
}

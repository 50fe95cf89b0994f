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

/** A listener hears a run begin before its records and end after them, dry runs included. */
class RunLifecycleListenerTest {

    private final List<String> heard = new ArrayList<>();
    private final SyncListener listener = new SyncListener() {
        @Override
        public void onRunStarted(String flow, boolean dryRun) {
            heard.add("started " + flow + (dryRun ? " (dry)" : ""));
        }

        @Override
        public void onEvent(SyncEvent event) {
            heard.add(event.outcome().name());
        }

        @Override
        public void onRunFinished(SyncReport report) {
            heard.add("finished " + report.flow());
        }
    };

    @Test
    void aRunAndADryRunAreHeardFromStartToFinish() {
        InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
        InMemorySink<Customer> sink = Fixtures.customerSink();
        source.put(Fixtures.customer("a", "a@example.com", at(1)));
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(listener).build();
        Flow<Customer> flow = Flow.customers("customers").from(source).to(sink).build();

        engine.dryRun(flow);
        engine.run(flow);

        assertThat(heard.get(0)).isEqualTo("started customers (dry)");
        assertThat(heard).containsSubsequence("started customers (dry)", "finished customers", "started customers", "CREATED",
                "finished customers");
        assertThat(heard.get(heard.size() - 1)).isEqualTo("finished customers");
    }
}

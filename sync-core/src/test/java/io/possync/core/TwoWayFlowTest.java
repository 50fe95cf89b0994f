package io.possync.core;

import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappingDefaults;
import io.possync.api.Ref;
import io.possync.core.activity.RingBufferSyncListener;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import io.possync.core.state.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flows both ways between two systems: what possync wrote into a system is not sent back from it by
 * the opposite flow (it would come back as a copy, and the copy go round again), while the records
 * people made there flow as usual.
 */
class TwoWayFlowTest {

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final RingBufferSyncListener activity = new RingBufferSyncListener(1_000);
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).listener(activity).build();

    private final InMemorySource<Customer> posCustomers = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<Customer> erpCustomers = Fixtures.customerSink();
    private final InMemorySource<Customer> erpSource = new InMemorySource<>(Fixtures.ERP);
    private final InMemorySink<Customer> posSink = new InMemorySink<>(Fixtures.POS, EntityType.CUSTOMER,
            MappingDefaults.builder().field("email", "email").build(), KeyType.EMAIL, f -> f.path("email").asText(null));

    @Test
    void aRecordPossyncWroteIntoTheErpIsNotSentBackWhileTheErpsOwnRecordsAre() {
        posCustomers.put(Fixtures.customer("P1", "anna@example.com", at(1)));
        engine.run(Flow.customers("customers pos→erp").from(posCustomers).to(erpCustomers).build());
        Link written = store.links(List.of(new Ref(Fixtures.POS, EntityType.CUSTOMER, "P1")), Fixtures.ERP).values().iterator().next();
        // The ERP lists the customer possync made there, and one its own people made.
        erpSource.put(Customer.builder(written.target(), at(2)).email("anna@example.com").build());
        erpSource.put(Customer.builder(new Ref(Fixtures.ERP, EntityType.CUSTOMER, "E7"), at(3)).email("bert@example.com").build());

        SyncReport back = engine.run(Flow.customers("customers erp→pos").from(erpSource).to(posSink).build());

        assertThat(posSink.stored()).extracting(s -> s.fields().path("email").asText()).containsExactly("bert@example.com");
        assertThat(back.count(Outcome.FILTERED)).isEqualTo(1);
        assertThat(activity.events()).filteredOn(e -> e.outcome() == Outcome.FILTERED).singleElement()
                .satisfies(e -> assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).contains("written here by possync")));
    }
}

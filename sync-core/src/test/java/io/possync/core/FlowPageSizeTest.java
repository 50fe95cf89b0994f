package io.possync.core;

import io.possync.api.ConfigurationException;
import io.possync.api.Customer;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A flow wired elsewhere can be given another page size and stays the same flow. */
class FlowPageSizeTest {

    private final InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
    private final Flow<Customer> flow = Flow.customers("customers").from(source).to(Fixtures.customerSink()).build();

    @Test
    void aFlowWithAnotherPageSizeReadsPagesOfThatSizeUnderTheSameName() {
        for (int i = 0; i < 5; i++) {
            source.put(Fixtures.customer("c" + i, "c" + i + "@example.com", at(i + 1)));
        }
        List<Integer> pages = new ArrayList<>();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(new SyncListener() {
            @Override
            public void onPageStarted(String flow, int records) {
                pages.add(records);
            }
        }).build();

        Flow<Customer> paged = flow.withPageSize(2);
        engine.run(paged);

        assertThat(paged.name()).isEqualTo(flow.name());
        assertThat(paged.sink()).isEqualTo(flow.sink());
        assertThat(flow.pageSize()).isEqualTo(100);
        assertThat(pages).containsExactly(2, 2, 1);
    }

    @Test
    void aPageSizeOutOfRangeIsRefusedNamingTheFlow() {
        assertThatThrownBy(() -> flow.withPageSize(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flow.customers.pageSize");
    }
}

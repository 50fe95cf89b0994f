package io.possync.connector.mpluskassa;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.mapping.ValueMap;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's classification becomes the relation's price group through the host's value map. */
class CustomerGroupTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aCustomersGroupBecomesTheRelationsPriceGroupThroughAValueMap() {
        Customer jan = Customer.builder(new Ref("shop", EntityType.CUSTOMER, "7"), Instant.parse("2026-12-01T08:00:00Z"))
                .email("jan@example.nl").contactPerson(ContactPerson.of("Jan", "Jansen")).group("Wholesale").build();

        engine.run(Flow.customers("relations").from(new ListSource<>("shop", List.of(jan))).to(mplus.relations())
                .mapping(m -> m.withValueMap(ValueMap.builder("groups").row("Wholesale", "3").row("Retail", "1").build())
                        .override("priceGroupNumber", "$number($valueMap('groups', group))")).build());

        assertThat(sandbox.relations().values()).singleElement().satisfies(r -> assertThat(r).containsEntry("priceGroupNumber", "3"));
    }
}

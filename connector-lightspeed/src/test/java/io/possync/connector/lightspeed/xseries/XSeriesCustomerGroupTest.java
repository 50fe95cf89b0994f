package io.possync.connector.lightspeed.xseries;

import io.possync.api.ContactPerson;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.mapping.ValueMap;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An X-Series customer group is the customer's classification, read as it is and written through a value map; custom fields travel both ways. */
class XSeriesCustomerGroupTest {

    private static final String WHOLESALE = "0adfd74a-153e-11e9-fa42-67b5781ba1fb";
    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final LightspeedXSeries pos = LightspeedXSeries.connect(SandboxSettings.of(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aCustomersGroupIsItsCustomerGroupId() {
        sandbox.seed("customers", Json.MAPPER.createObjectNode().put("first_name", "Jan").put("last_name", "Jansen")
                .put("email", "jan@example.nl").put("customer_group_id", WHOLESALE));

        List<Customer> customers = pos.customers().changesSince(Cursor.initial(), 100).records();

        assertThat(customers).singleElement().satisfies(c -> assertThat(c.group()).contains(WHOLESALE));
    }

    @Test
    void aCustomersGroupIsWrittenThroughAValueMap() {
        Customer jan = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "K1"), Instant.parse("2026-12-01T08:00:00Z"))
                .email("jan@example.nl").contactPerson(ContactPerson.of("Jan", "Jansen")).group("GROOTHANDEL").build();

        SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("customers")
                .from(new ListSource<>("erp", List.of(jan))).to(pos.customers())
                .mapping(m -> m.withValueMap(ValueMap.builder("groups").row("GROOTHANDEL", WHOLESALE).build())
                        .override("customer_group_id", "$valueMap('groups', group)")).build());

        assertThat(sandbox.records("customers")).singleElement()
                .satisfies(c -> assertThat(c.path("customer_group_id").asText()).isEqualTo(WHOLESALE));
    }

    @Test
    void customFieldsAreReadIntoCustomFieldsAndWrittenFromTheMapping() {
        sandbox.seed("customers", Json.MAPPER.createObjectNode().put("first_name", "Jan").put("last_name", "Jansen")
                .put("email", "jan@example.nl").put("custom_field_2", "loyalty:gold"));
        assertThat(pos.customers().changesSince(Cursor.initial(), 100).records()).singleElement()
                .satisfies(c -> assertThat(c.customFields()).containsExactly(java.util.Map.entry("custom_field_2", "loyalty:gold")));

        Customer piet = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "K2"), Instant.parse("2026-12-01T08:00:00Z"))
                .email("piet@example.nl").contactPerson(ContactPerson.of("Piet", "Peters")).customFields(java.util.Map.of("KLANTNR", "K2"))
                .build();
        SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("customers")
                .from(new ListSource<>("erp", List.of(piet))).to(pos.customers())
                .mapping(m -> m.override("custom_field_1", "customFields.KLANTNR")).build());

        assertThat(sandbox.records("customers")).filteredOn(c -> c.path("email").asText().equals("piet@example.nl")).singleElement()
                .satisfies(c -> assertThat(c.path("custom_field_1").asText()).isEqualTo("K2"));
    }
}

package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A company debtor's contact person as a person contact under the customer's company contact. */
class ContactPersonTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Customer company(String id, String last, int minute) {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, id), Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * minute))
                .kind(CustomerKind.COMPANY).companyName("Bakkerij " + id).contactPerson(ContactPerson.of("Piet", last))
                .email(id + "@bakkerij.nl").build();
    }

    private SyncReport run(List<Customer> customers, boolean contactPersons) {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).contactPersons(contactPersons).build());
        return engine.run(Flow.customers("pos-customers").from(new ListSource<>("pos", customers)).to(bc.customers()).build());
    }

    private List<ObjectNode> persons() {
        return sandbox.rows("contacts").stream().filter(c -> c.path("type").asText().equals("Person")).toList();
    }

    @Test
    void aCompanysContactPersonIsAPersonContactUnderItsCompanyContactOnce() {
        List<Customer> customers = new ArrayList<>(List.of(company("c1", "Jansen", 1),
                Customer.builder(new Ref("pos", EntityType.CUSTOMER, "p1"), Instant.parse("2026-11-01T08:05:00Z"))
                        .contactPerson(ContactPerson.of("Anna", "de Vries")).email("anna@example.nl").build()));

        SyncReport first = run(customers, true);
        customers.add(company("c1", "Jansen", 9).toBuilder().phone("+31 30 1234567").build());
        SyncReport second = run(customers, true);

        assertThat(first.count(Outcome.CREATED)).isEqualTo(2);
        assertThat(second.count(Outcome.UPDATED)).isEqualTo(1);
        ObjectNode companyContact = sandbox.rows("contacts").stream().filter(c -> c.path("type").asText().equals("Company"))
                .findFirst().orElseThrow();
        assertThat(persons()).singleElement().satisfies(p -> {
            assertThat(p.path("displayName").asText()).isEqualTo("Piet Jansen");
            assertThat(p.path("companyNumber").asText()).isEqualTo(companyContact.path("number").asText());
            assertThat(p.path("email").asText()).isEqualTo("c1@bakkerij.nl");
        });
    }

    @Test
    void contactPersonsCanBeTurnedOffForBusinessCentral17() {
        SyncReport report = run(List.of(company("c2", "Visser", 1)), false);

        assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(persons()).isEmpty();
    }
}

package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers as debtor accounts: numbered from the settings' range, found again by customer number, companies with a contact person. */
class DebtorTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<Customer> customers(int n) {
        List<Customer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer.Builder c = Customer.builder(new Ref("till", EntityType.CUSTOMER, "C" + i), Sandboxes.START)
                    .kind(i % 2 == 0 ? CustomerKind.COMPANY : CustomerKind.PERSON).contactPerson(ContactPerson.of("Max", "Muster" + i))
                    .email("c" + i + "@example.de").vatNumber(i % 2 == 0 ? "DE12345678" + (i % 10) : null)
                    .billingAddress(Address.builder().street("Lindenweg").houseNumber(String.valueOf(i)).postalCode("50667")
                            .city("Köln").country("DE").build());
            if (i % 2 == 0) {
                c.companyName("Muster AG " + i);
            }
            out.add(c.build());
        }
        return out;
    }

    private SyncReport sync(BuchhaltungsButler butler, List<Customer> customers, InMemoryStateStore store) {
        return SyncEngine.builder().stateStore(store).build().run(Flow.customers("till-customers")
                .from(new ListSource<>("till", customers)).to(butler.debtors()).matchKey(KeyType.CUSTOMER_NUMBER).build());
    }

    @Test
    void newCustomersAreDebtorsNumberedFromTheRangeInBatchesOf50() {
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).debtorAccounts(20000, 29999).build());

        SyncReport report = sync(butler, customers(120), new InMemoryStateStore());

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.debtors()).hasSize(121);
        assertThat(sandbox.debtors()).filteredOn(d -> !d.path("postingaccount_number").asText().equals("10000"))
                .extracting(d -> Long.parseLong(d.path("postingaccount_number").asText())).allMatch(a -> a >= 20000 && a <= 20119);
        ObjectNode company = sandbox.debtors().stream().filter(d -> d.path("customer_number").asText().equals("C0")).findFirst().orElseThrow();
        assertThat(company.path("name").asText()).isEqualTo("Muster AG 0");
        assertThat(company.path("contact_person_name").asText()).isEqualTo("Max Muster0");
        assertThat(company.path("street").asText()).isEqualTo("Lindenweg 0");
        assertThat(company.path("sales_tax_id").asText()).isEqualTo("DE123456780");
        assertThat(sandbox.requestCount("/settings/add-batch/debtors")).isEqualTo(3);
    }

    @Test
    void aDebtorIsFoundAgainByCustomerNumberFromAFreshConnection() {
        sync(BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build()), customers(3), new InMemoryStateStore());

        BuchhaltungsButler fresh = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());

        assertThat(fresh.debtors().find(new NaturalKey(KeyType.CUSTOMER_NUMBER, "C1"))).map(Ref::id).contains("10002");
        assertThat(fresh.debtors().find(new NaturalKey(KeyType.CUSTOMER_NUMBER, "C9"))).isEmpty();
    }

    @Test
    void aDebtorBatchWhoseAnswerIsLostIsReadBackSoNoDebtorIsCreatedTwice() {
        sandbox.faults().nextWrite(Fault.lostResponse());

        SyncReport report = sync(BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build()), customers(10), new InMemoryStateStore());

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.debtors()).hasSize(11);
        assertThat(sandbox.requestCount("/settings/add-batch/debtors")).isEqualTo(1);
    }

    @Test
    void aChangedCustomerUpdatesItsDebtor() {
        InMemoryStateStore store = new InMemoryStateStore();
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
        List<Customer> customers = customers(1);
        sync(butler, customers, store);

        Customer moved = customers.get(0).toBuilder().modifiedAt(Sandboxes.START.plusSeconds(60))
                .billingAddress(Address.builder().street("Domplatz").houseNumber("1").postalCode("50667").city("Köln").country("DE").build())
                .build();
        SyncReport report = sync(butler, List.of(customers.get(0), moved), store);   // the list source reads on from position 1

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.debtors()).filteredOn(d -> d.path("customer_number").asText().equals("C0"))
                .singleElement().satisfies(d -> assertThat(d.path("street").asText()).isEqualTo("Domplatz 1"));
    }
}

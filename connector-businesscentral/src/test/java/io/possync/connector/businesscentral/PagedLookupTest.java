package io.possync.connector.businesscentral;

import io.possync.api.Customer;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup's answer may come in pages when Business Central's page size is smaller than the lookup
 * (an on-premises {@code ODataServicesMaxPageSize}): every page is read, so a record on a later page is
 * found — and the read-back after a lost write answer never creates it a second time.
 */
class PagedLookupTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(5).start();
    private final BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aLostBatchAnswerIsReadBackOverEveryPageAndCreatesNoDuplicate() {
        List<Customer> customers = PersonalDataCheck.customers("pos", 12);
        sandbox.faults().nextWrite(Fault.lostResponse());

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.customers("customers").from(new ListSource<>("pos", customers)).to(bc.customers()).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.rows("customers")).hasSize(12);
    }

    @Test
    void customersOnALaterPageOfALookupAreFoundByEmail() {
        List<Customer> customers = PersonalDataCheck.customers("pos", 12);
        SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.customers("first").from(new ListSource<>("pos", customers)).to(bc.customers()).build());

        // A second process, without the first one's links, finds all twelve by e-mail address.
        SyncReport second = SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.customers("second").from(new ListSource<>("pos", customers)).to(bc.customers()).build());

        assertThat(second.count(second.entityType(), io.possync.core.Outcome.CREATED)).isZero();
        assertThat(sandbox.rows("customers")).hasSize(12);
    }
}

package io.possync.connector.mpluskassa.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** MplusKASSA's relations as a {@link Source}: the contract every source passes. */
class RelationsSourceContractTest extends SourceContract<Customer> {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Customer> source() {
        return MplusKassa.connect(Sandboxes.settings(sandbox).pageSize(pageSize()).build()).relations();
    }

    @Override
    protected Source<Customer> sourceWithWrongCredentials() {
        return MplusKassa.connect(Sandboxes.withSecret(sandbox, "wrong").build()).relations();
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next++;
            ids.add(String.valueOf(sandbox.seedRelation(Map.of("name", "Relation " + next, "email", "r" + next + "@example.nl"))));
        }
        return ids;
    }

    @Override
    protected void modify(String id) {
        sandbox.modifyRelation(Long.parseLong(id), "city", "Utrecht");
    }

    /** Sync markers are per change, never shared: two relations cannot have one. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.EQUAL_TIMESTAMPS);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

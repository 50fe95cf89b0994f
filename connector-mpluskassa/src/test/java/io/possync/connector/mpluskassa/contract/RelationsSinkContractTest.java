package io.possync.connector.mpluskassa.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.internal.Json;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.CustomerSinkContract;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.Set;

/** MplusKASSA's relations as a {@link Sink}: the contract every sink passes. */
class RelationsSinkContractTest extends CustomerSinkContract {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Customer> sink() {
        return MplusKassa.connect(Sandboxes.settings(sandbox).build()).relations();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return MplusKassa.connect(Sandboxes.withSecret(sandbox, "wrong").build()).relations();
    }

    @Override
    protected ObjectNode fields(int i, String email) {
        return Json.MAPPER.createObjectNode().put("name", "Contract " + i).put("email", email);
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("city", "Utrecht"));
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.relations().values().stream().filter(r -> key.value().equals(r.get("email"))).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(MplusKassa.SYSTEM, EntityType.CUSTOMER, "999999");
    }

    /** MplusKASSA has no versions on relations, and lets two relations share an e-mail address. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.STALE_VERSION, Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

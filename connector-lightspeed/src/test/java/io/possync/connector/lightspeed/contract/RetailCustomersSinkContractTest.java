package io.possync.connector.lightspeed.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.CustomerSinkContract;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.Set;

/** Lightspeed R-Series customers as a {@link Sink}: the contract every sink passes. */
class RetailCustomersSinkContractTest extends CustomerSinkContract {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Customer> sink() {
        return LightspeedRetail.connect(Sandboxes.retail(sandbox, sandbox.clientSecret()).build()).customers();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return LightspeedRetail.connect(Sandboxes.retail(sandbox, "wrong").build()).customers();
    }

    @Override
    protected ObjectNode fields(int i, String email) {
        return Json.MAPPER.createObjectNode().put("firstName", "Contract").put("lastName", "No " + i).put("email", email);
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("city", "Utrecht"));
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.records("Customer").stream().filter(c -> c.toString().contains("\"" + key.value() + "\"")).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(LightspeedRetail.SYSTEM, EntityType.CUSTOMER, "999999");
    }

    /** Lightspeed has no versions on customers, and lets two customers share an e-mail address. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.STALE_VERSION, Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

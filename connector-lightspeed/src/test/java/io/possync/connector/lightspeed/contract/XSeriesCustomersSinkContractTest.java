package io.possync.connector.lightspeed.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.CustomerSinkContract;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.Set;

/** Lightspeed X-Series customers as a {@link Sink}: the contract every sink passes. */
class XSeriesCustomersSinkContractTest extends CustomerSinkContract {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Customer> sink() {
        return LightspeedXSeries.connect(Sandboxes.xSeries(sandbox, sandbox.clientSecret()).build()).customers();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return LightspeedXSeries.connect(Sandboxes.xSeries(sandbox, "wrong").build()).customers();
    }

    @Override
    protected ObjectNode fields(int i, String email) {
        return Json.MAPPER.createObjectNode().put("first_name", "Contract").put("last_name", "No " + i).put("email", email);
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("physical_city", "Utrecht"));
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.records("customers").stream().filter(c -> c.path("email").asText().equals(key.value())).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(LightspeedXSeries.SYSTEM, EntityType.CUSTOMER, "0a000000-0000-4000-0000-0000000fffff");
    }

    /** X-Series customers carry a version but writes do not check it; two customers may share an e-mail address. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.STALE_VERSION, Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

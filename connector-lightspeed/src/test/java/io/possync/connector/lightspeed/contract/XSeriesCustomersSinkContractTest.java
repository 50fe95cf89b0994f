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
import io.possync.testkit.contract.SinkContract;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;

import java.time.Instant;
import java.util.Set;

/** Lightspeed X-Series customers as a {@link Sink}: the contract every sink passes. */
class XSeriesCustomersSinkContractTest extends SinkContract<Customer> {

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
    protected MappedRecord<Customer> newRecord(int i) {
        String email = "contract" + i + "@example.com";
        Customer c = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "C" + i), Instant.parse("2026-11-20T10:00:00Z")).email(email).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("first_name", "Contract").put("last_name", "No " + i).put("email", email);
        return new MappedRecord<>(c, fields);
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("physical_city", "Utrecht"));
    }

    @Override
    protected NaturalKey keyOf(MappedRecord<Customer> record) {
        return NaturalKey.email(record.fields().path("email").asText());
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

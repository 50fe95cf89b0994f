package io.possync.connector.businesscentral.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.contract.SinkContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Instant;
import java.util.Set;

/** Business Central's customers as a {@link Sink}: the contract every sink passes. */
class CustomersSinkContractTest extends SinkContract<Customer> {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Customer> sink() {
        return BusinessCentral.connect(Sandboxes.settings(sandbox).build()).customers();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return BusinessCentral.connect(Sandboxes.settings(sandbox, Secret.of("wrong")).build()).customers();
    }

    @Override
    protected MappedRecord<Customer> newRecord(int i) {
        String email = "contract" + i + "@example.com";
        Customer c = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "C" + i), Instant.parse("2026-11-20T10:00:00Z")).email(email).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("displayName", "Contract " + i).put("email", email).put("type", "Person");
        return new MappedRecord<>(c, fields);
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        ObjectNode fields = record.fields().deepCopy().put("displayName", "Changed");
        return new MappedRecord<>(record.record(), fields);
    }

    @Override
    protected NaturalKey keyOf(MappedRecord<Customer> record) {
        return NaturalKey.email(record.fields().path("email").asText());
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.rows("customers").stream().filter(r -> r.path("email").asText().equals(key.value())).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(BusinessCentral.SYSTEM, EntityType.CUSTOMER, "00000000-0000-0000-0000-000000000099");
    }

    /** Business Central keys customers by number; two customers may share an e-mail address. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

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
import io.possync.testkit.contract.CustomerSinkContract;
import org.junit.jupiter.api.AfterEach;

import java.util.Set;

/** Business Central's customers as a {@link Sink}: the contract every sink passes. */
class CustomersSinkContractTest extends CustomerSinkContract {

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
    protected ObjectNode fields(int i, String email) {
        return Json.MAPPER.createObjectNode().put("displayName", "Contract " + i).put("email", email).put("type", "Person");
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        ObjectNode fields = record.fields().deepCopy().put("displayName", "Changed");
        return new MappedRecord<>(record.record(), fields);
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

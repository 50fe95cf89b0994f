package io.possync.connector.businesscentral.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Business Central's customers as a {@link Source}: the contract every source passes. */
class CustomersSourceContractTest extends SourceContract<Customer> {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final BusinessCentralSandbox frozen = BusinessCentralSandbox.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC)).start();
    private BusinessCentralSandbox seededAtOneInstant;
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
        frozen.close();
    }

    private BusinessCentralSandbox current() {
        return seededAtOneInstant != null ? seededAtOneInstant : sandbox;
    }

    @Override
    protected Source<Customer> source() {
        return BusinessCentral.connect(Sandboxes.settings(current()).pageSize(pageSize()).build()).customers();
    }

    @Override
    protected Source<Customer> sourceWithWrongCredentials() {
        return BusinessCentral.connect(Sandboxes.settings(current(), Secret.of("wrong")).build()).customers();
    }

    @Override
    protected List<String> seed(int n) {
        return seedInto(sandbox, n);
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        seededAtOneInstant = frozen;
        return seedInto(frozen, n);
    }

    private List<String> seedInto(BusinessCentralSandbox into, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next++;
            ids.add(into.seed("customers", Map.of("displayName", "Customer " + next, "email", "c" + next + "@example.com"))
                    .get("id").asText());
        }
        return ids;
    }

    @Override
    protected void modify(String id) {
        sandbox.modify("customers", id, "displayName", io.possync.api.internal.Json.MAPPER.getNodeFactory().textNode("Renamed"));
    }

    @Override
    protected String unknownId() {
        return "00000000-0000-0000-0000-000000000099";
    }

    @Override
    protected SandboxFaults faults() {
        return current().faults();
    }
}

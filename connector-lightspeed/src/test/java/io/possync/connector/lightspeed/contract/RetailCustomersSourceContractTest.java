package io.possync.connector.lightspeed.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;

import io.possync.api.http.TimeSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lightspeed R-Series customers as a {@link Source}: the contract every source passes. */
class RetailCustomersSourceContractTest extends SourceContract<Customer> {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();
    /** A sandbox whose wall clock stands still, so every record it stores has one time stamp. */
    private final LightspeedSandbox frozen = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000)
            .time(new TimeSource() {
                @Override
                public Instant now() {
                    return Instant.parse("2026-11-20T10:00:00Z");
                }

                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleep(java.time.Duration duration) throws InterruptedException {
                    TimeSource.system().sleep(duration);
                }
            }).start();
    private LightspeedSandbox current = sandbox;
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
        frozen.close();
    }

    @Override
    protected Source<Customer> source() {
        return LightspeedRetail.connect(Sandboxes.retail(current, current.clientSecret()).pageSize(pageSize()).build()).customers();
    }

    @Override
    protected Source<Customer> sourceWithWrongCredentials() {
        return LightspeedRetail.connect(Sandboxes.retail(current, "wrong").build()).customers();
    }

    @Override
    protected List<String> seed(int n) {
        return seedInto(sandbox, n);
    }

    private List<String> seedInto(LightspeedSandbox into, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next++;
            ids.add(into.seed("Customer", Sandboxes.retailCustomer("Customer" + next, "c" + next + "@example.com"))
                    .get("customerID").asText());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        current = frozen;
        return seedInto(frozen, n);
    }

    @Override
    protected void modify(String id) {
        sandbox.modify("Customer", id, "lastName", "Renamed");
    }

    @Override
    protected SandboxFaults faults() {
        return current.faults();
    }
}

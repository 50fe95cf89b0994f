package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaky bucket at Lightspeed's defaults (60 units, 1 per second; writes cost 10) on a clock
 * running 1,000 times faster: a long run of writes goes at the bucket's pace without a single 429.
 */
class BucketPacingTest {

    private static final int WRITES = 500;
    private static final double BUCKET = 60;
    private static final double DRIP = 1;

    private final ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().bucket(BUCKET, DRIP).time(time)
            .tokenLifetime(Duration.ofDays(30)).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static MappedRecord<Customer> customer(int i) {
        String email = "customer" + i + "@example.nl";
        Customer c = Customer.builder(new Ref("erp", EntityType.CUSTOMER, email), Instant.now()).email(email).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("lastName", "Customer " + i).put("email", email);
        return new MappedRecord<>(c, fields);
    }

    @Test
    void fiveHundredWritesFinishWithoutA429WithinTenPercentOfTheBucketsBound() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).accountId(sandbox.accountId())
                .timeSource(time).build());

        long start = time.nanoTime();
        for (int i = 0; i < WRITES; i++) {
            pos.customers().create(customer(i));
        }
        double elapsed = (time.nanoTime() - start) / 1e9;

        // The bucket starts empty: the first BUCKET units pass at once, the rest at DRIP units per second.
        double bound = (WRITES * 10 - BUCKET) / DRIP;
        System.out.printf("bucket pacing: %d writes in %.0f s (scaled), bound %.0f s, ratio %.3f, 429s %d%n",
                WRITES, elapsed, bound, elapsed / bound, sandbox.throttledCount());
        assertThat(sandbox.throttledCount()).isZero();
        assertThat(sandbox.records("Customer")).hasSize(WRITES);
        assertThat(elapsed).isBetween(bound * 0.95, bound * 1.10);
    }

    @Test
    void aThrottledRequestIsStillRetried() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).accountId(sandbox.accountId())
                .timeSource(time).build());
        pos.customers().create(customer(1));
        sandbox.faults().next(Fault.status(429)).next(Fault.status(429, Duration.ofSeconds(2)));

        assertThat(pos.customers().find(NaturalKey.email("customer1@example.nl"))).isPresent();
        assertThat(sandbox.faults().injected()).isEqualTo(2);
    }
}

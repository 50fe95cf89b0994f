package io.possync.micrometer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.Rejection;
import io.possync.core.RunStatus;
import io.possync.core.SyncReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run leaves in Micrometer: records per outcome, requests per system, the run's time, rejections, failures, an observation. */
class MicrometerSyncListenerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private final MicrometerSyncListener listener = MicrometerSyncListener.builder(meters).observations(observations).clock(clock).build();

    private static SyncReport report(RunStatus status, long created, int rejected) {
        List<Rejection> rejections = java.util.stream.IntStream.range(0, rejected).mapToObj(i -> new Rejection(EntityType.ORDER,
                new Ref("pos", EntityType.ORDER, "o" + i), Optional.of("lines[0].sku"), "unknown product", false)).toList();
        return new SyncReport("sales", EntityType.ORDER, status, false, Instant.parse("2026-12-05T10:00:00Z"), Duration.ofMillis(1500),
                Map.of(EntityType.ORDER, Map.of(Outcome.CREATED, created, Outcome.REJECTED, (long) rejected),
                        EntityType.CUSTOMER, Map.of(Outcome.CREATED, 3L)),
                rejections, List.of(), Map.of("lightspeed", 10L, "businesscentral", 4L), java.util.OptionalLong.of(rejected),
                Optional.of(Instant.parse("2026-12-05T09:50:00Z")), Optional.empty());
    }

    @Test
    void aRunCountsItsRecordsPerOutcomeItsRequestsPerSystemAndItsTime() {
        listener.onRunStarted("sales", false);
        listener.onRunFinished(report(RunStatus.COMPLETED, 98, 2));
        listener.onRunStarted("sales", false);
        listener.onRunFinished(report(RunStatus.COMPLETED, 10, 0));

        assertThat(meters.get("possync.records").tags("flow", "sales", "entity", "order", "outcome", "created").counter().count()).isEqualTo(108);
        assertThat(meters.get("possync.records").tags("entity", "customer", "outcome", "created").counter().count()).isEqualTo(6);
        assertThat(meters.get("possync.requests").tags("flow", "sales", "system", "businesscentral").counter().count()).isEqualTo(8);
        assertThat(meters.get("possync.run").tags("flow", "sales", "status", "completed").timer().count()).isEqualTo(2);
        assertThat(meters.get("possync.run").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3000);
        assertThat(meters.get("possync.rejections.last").tags("flow", "sales").gauge().value()).as("the last run's").isZero();
    }

    @Test
    void theLastRunsRejectionsAreAGauge() {
        listener.onRunStarted("sales", false);
        listener.onRunFinished(report(RunStatus.COMPLETED, 98, 2));

        assertThat(meters.get("possync.rejections.last").tags("flow", "sales").gauge().value()).isEqualTo(2);
    }

    @Test
    void aFailedRunCountsItsKindAndEndsItsObservationWithTheError() {
        listener.onRunStarted("sales", false);
        TransientException down = TransientException.of("businesscentral answered HTTP 503");
        listener.onFailure(FlowFailure.of("sales", down, Instant.now()));
        listener.onRunFinished(report(RunStatus.FAILED, 0, 0));

        assertThat(meters.get("possync.run.failures").tags("flow", "sales", "kind", "outage").counter().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat().hasNameEqualTo("possync.run")
                .hasLowCardinalityKeyValue("flow", "sales").hasLowCardinalityKeyValue("status", "failed")
                .hasLowCardinalityKeyValue("dry.run", "false").hasBeenStopped().assertThatError().isSameAs(down);
    }

    @Test
    void aRunSkippedBecauseAnotherHoldsTheLeaseIsTimedWithoutAnObservation() {
        listener.onRunFinished(new SyncReport("sales", EntityType.ORDER, RunStatus.SKIPPED_LEASE_HELD, false, Instant.now(), Duration.ZERO,
                Map.of(), List.of(), List.of(), Map.of(), java.util.OptionalLong.empty(), Optional.empty(), Optional.empty()));

        assertThat(meters.get("possync.run").tags("status", "skipped_lease_held").timer().count()).isEqualTo(1);
        TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    }

    @Test
    void theRetryQueueAfterTheLastRunIsAGauge() {
        listener.onRunStarted("sales", false);
        listener.onRunFinished(report(RunStatus.COMPLETED, 98, 3));

        assertThat(meters.get("possync.retry.queue").tags("flow", "sales").gauge().value()).isEqualTo(3);
    }

    @Test
    void cursorLagIsTheAgeOfTheNewestSyncedChangeAtEachScrape() {
        listener.onRunStarted("sales", false);
        listener.onRunFinished(report(RunStatus.COMPLETED, 98, 0));

        assertThat(meters.get("possync.cursor.lag").tags("flow", "sales").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
                .as("newest change 09:50, now 10:00").isEqualTo(600);
    }

    @Test
    void eachPageIsAnObservationWithinItsRun() {
        listener.onRunStarted("sales", false);
        listener.onPageStarted("sales", 100);
        listener.onPageFinished("sales", 100);
        listener.onRunFinished(report(RunStatus.COMPLETED, 100, 0));

        TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsEqualTo(2)
                .hasObservationWithNameEqualTo("possync.page").that().hasLowCardinalityKeyValue("flow", "sales")
                .hasHighCardinalityKeyValue("records", "100").hasBeenStopped()
                .hasParentObservationContextMatching(parent -> parent.getName().equals("possync.run"));
    }

    @Test
    void aPageARunFailsInEndsWithTheError() {
        listener.onRunStarted("sales", false);
        listener.onPageStarted("sales", 100);
        TransientException down = TransientException.of("businesscentral answered HTTP 503");
        listener.onFailure(FlowFailure.of("sales", down, Instant.now()));
        listener.onRunFinished(report(RunStatus.FAILED, 0, 0));

        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo("possync.page").that()
                .hasBeenStopped().assertThatError().isSameAs(down);
    }
}

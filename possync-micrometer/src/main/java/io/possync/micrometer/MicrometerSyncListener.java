package io.possync.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.possync.api.EntityType;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer metrics and observations of possync's runs, as a {@link SyncListener}: per flow, the records
 * of each outcome, the requests sent to each system, the run's duration, the rejections of its last run,
 * and failed runs; and each run as an {@link Observation} (a span per run where a tracing bridge such as
 * OpenTelemetry is installed), ended with the run's status.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder().stateStore(store)
 *         .listener(MicrometerSyncListener.builder(meterRegistry).observations(observationRegistry).build())
 *         .build();
 * }</pre>
 *
 * <p>Meters (all tagged {@code flow}):
 * <ul>
 *   <li>{@code possync.records} (counter) — records per {@code entity} and {@code outcome} (created, updated, unchanged, rejected …);</li>
 *   <li>{@code possync.requests} (counter) — requests per {@code system} (e.g. {@code businesscentral});</li>
 *   <li>{@code possync.run} (timer) — run duration per {@code status} (completed, failed, skipped …);</li>
 *   <li>{@code possync.run.failures} (counter) — runs that stopped as a whole, per {@code kind} of failure;</li>
 *   <li>{@code possync.rejections.last} (gauge) — records the flow's last run rejected (they wait in the retry queue).</li>
 * </ul>
 * Observation {@code possync.run}, low-cardinality keys {@code flow}, {@code dry.run}, {@code status}. Thread-safe.
 */
public final class MicrometerSyncListener implements SyncListener {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Map<String, Observation> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastRejections = new ConcurrentHashMap<>();

    private MicrometerSyncListener(Builder b) {
        this.meters = b.meters;
        this.observations = b.observations;
    }

    /** A builder recording into {@code meters}; observations are off until {@link Builder#observations} names a registry. */
    public static Builder builder(MeterRegistry meters) {
        return new Builder(meters);
    }

    @Override
    public void onRunStarted(String flow, boolean dryRun) {
        Observation run = Observation.createNotStarted("possync.run", observations).contextualName("possync " + flow)
                .lowCardinalityKeyValue("flow", flow).lowCardinalityKeyValue("dry.run", String.valueOf(dryRun)).start();
        Observation previous = running.put(flow, run);
        if (previous != null) {
            previous.stop();
        }
    }

    @Override
    public void onFailure(FlowFailure failure) {
        Throwable cause = failure.error();
        Counter.builder("possync.run.failures").description("runs that stopped as a whole").tag("flow", failure.flow())
                .tag("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT)).register(meters).increment();
        Observation run = running.get(failure.flow());
        if (run != null && cause != null) {
            run.error(cause);
        }
    }

    @Override
    public void onRunFinished(SyncReport report) {
        String flow = report.flow();
        report.counts().forEach((type, outcomes) -> outcomes.forEach((outcome, n) -> {
            if (n > 0) {
                records(flow, type, outcome).increment(n);
            }
        }));
        report.requestsBySystem().forEach((system, n) -> {
            if (n > 0) {
                Counter.builder("possync.requests").description("requests a run sent, per system").tag("flow", flow).tag("system", system)
                        .register(meters).increment(n);
            }
        });
        Timer.builder("possync.run").description("how long a run took").tag("flow", flow)
                .tag("status", report.status().name().toLowerCase(java.util.Locale.ROOT)).register(meters).record(report.duration());
        AtomicLong rejections = lastRejections.computeIfAbsent(flow, f -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("possync.rejections.last", value, AtomicLong::get).description("records the flow's last run rejected")
                    .tag("flow", f).register(meters);
            return value;
        });
        if (!report.dryRun()) {
            rejections.set(report.rejections().size());
        }
        Observation run = running.remove(flow);
        if (run != null) {
            run.lowCardinalityKeyValue("status", report.status().name().toLowerCase(java.util.Locale.ROOT)).stop();
        }
    }

    private Counter records(String flow, EntityType type, Outcome outcome) {
        return Counter.builder("possync.records").description("records a run handled, per entity and outcome").tag("flow", flow)
                .tag("entity", type.name().toLowerCase(java.util.Locale.ROOT)).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }

    /** Builds a {@link MicrometerSyncListener}. */
    public static final class Builder {
        private final MeterRegistry meters;
        private ObservationRegistry observations = ObservationRegistry.NOOP;

        private Builder(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters");
        }

        /** Observes each run in {@code registry} (a span per run with a tracing bridge). */
        public Builder observations(ObservationRegistry registry) {
            this.observations = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public MicrometerSyncListener build() {
            return new MicrometerSyncListener(this);
        }
    }
}

package io.possync.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.possync.api.EntityType;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 *   <li>{@code possync.rejections.last} (gauge) — records the flow's last run rejected (they wait in the retry queue);</li>
 *   <li>{@code possync.retry.queue} (gauge) — records waiting in the flow's retry queue after its last run;</li>
 *   <li>{@code possync.cursor.lag} (time gauge, seconds) — the age of the newest source change the flow has synced,
 *       read at each scrape (it grows while the source has no new changes too; alert on it with the flow's interval in mind).</li>
 * </ul>
 * Observations: {@code possync.run} per run, low-cardinality keys {@code flow}, {@code dry.run}, {@code status}; within it
 * {@code possync.page} per page, key {@code flow}, high-cardinality key {@code records}. Thread-safe.
 */
public final class MicrometerSyncListener implements SyncListener {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Map<String, Observation> running = new ConcurrentHashMap<>();
    private final Map<String, Observation> pages = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastRejections = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> retryQueues = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> newestChanges = new ConcurrentHashMap<>();
    private final Clock clock;

    private MicrometerSyncListener(Builder b) {
        this.meters = b.meters;
        this.observations = b.observations;
        this.clock = b.clock;
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
    public void onPageStarted(String flow, int records) {
        Observation page = Observation.createNotStarted("possync.page", observations).contextualName("possync " + flow + " page")
                .parentObservation(running.get(flow)).lowCardinalityKeyValue("flow", flow)
                .highCardinalityKeyValue("records", String.valueOf(records)).start();
        Observation previous = pages.put(flow, page);
        if (previous != null) {
            previous.stop();
        }
    }

    @Override
    public void onPageFinished(String flow, int records) {
        Observation page = pages.remove(flow);
        if (page != null) {
            page.stop();
        }
    }

    @Override
    public void onFailure(FlowFailure failure) {
        Throwable cause = failure.error();
        Counter.builder("possync.run.failures").description("runs that stopped as a whole").tag("flow", failure.flow())
                .tag("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT)).register(meters).increment();
        Observation page = pages.remove(failure.flow());
        if (page != null) {
            if (cause != null) {
                page.error(cause);
            }
            page.stop();
        }
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
        AtomicLong rejections = gauge(lastRejections, "possync.rejections.last", "records the flow's last run rejected", flow);
        if (!report.dryRun()) {
            rejections.set(report.rejections().size());
            report.retryQueueSize().ifPresent(n -> gauge(retryQueues, "possync.retry.queue",
                    "records waiting in the flow's retry queue", flow).set(n));
            report.newestChange().ifPresent(t -> newestChange(flow).accumulateAndGet(t.toEpochMilli(), Math::max));
        }
        Observation run = running.remove(flow);
        if (run != null) {
            run.lowCardinalityKeyValue("status", report.status().name().toLowerCase(java.util.Locale.ROOT)).stop();
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String flow) {
        return values.computeIfAbsent(flow, f -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("flow", f).register(meters);
            return value;
        });
    }

    private AtomicLong newestChange(String flow) {
        return newestChanges.computeIfAbsent(flow, f -> {
            AtomicLong millis = new AtomicLong(Long.MIN_VALUE);
            TimeGauge.builder("possync.cursor.lag", millis, TimeUnit.MILLISECONDS,
                            m -> m.get() == Long.MIN_VALUE ? 0 : clock.millis() - m.get())
                    .description("age of the newest source change the flow has synced").tag("flow", f).register(meters);
            return millis;
        });
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
        private Clock clock = Clock.systemUTC();

        private Builder(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters");
        }

        /** Observes each run in {@code registry} (a span per run with a tracing bridge). */
        public Builder observations(ObservationRegistry registry) {
            this.observations = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The clock {@code possync.cursor.lag} is measured against (default: the UTC system clock; the engine's in tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public MicrometerSyncListener build() {
            return new MicrometerSyncListener(this);
        }
    }
}

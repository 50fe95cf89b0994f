package io.possync.core;

import io.possync.core.internal.DefaultSyncEngine;
import io.possync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs flows: reads changes since each flow's cursor, page by page, and makes the target match,
 * with the guarantees below. The engine starts no threads of its own; the host calls {@link #run}
 * (or {@link #runAll}) when it wants a run, from its own scheduler.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *         .stateStore(store)
 *         .listener(new Slf4jSyncListener())
 *         .flow(customers).flow(orders)
 *         .build();
 * scheduler.scheduleWithFixedDelay(engine::runAll, 0, 5, TimeUnit.MINUTES);
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>nothing is lost: a flow's cursor moves past a record only when it is synced, skipped by
 *       policy, or waiting in the retry queue, and those three facts are committed together;</li>
 *   <li>no duplicates: a record the target got but the state store did not record (a crash between
 *       the two) is found by natural key on the next run and linked, not written again;</li>
 *   <li>one bad record never blocks the rest; an outage or refused credentials stop the run without
 *       moving the cursor and are reported to {@link SyncListener#onFailure};</li>
 *   <li>a flow runs in one thread of one process at a time (leases in the state store);</li>
 *   <li>unchanged records are not written; stock is last-writer-wins.</li>
 * </ul>
 * Thread-safe: different flows may run concurrently on different threads.
 */
public interface SyncEngine {

    /** Runs {@code flow} once and reports what it did; never throws for sync failures (see the report). */
    SyncReport run(Flow<?> flow);

    /** Reads and maps as {@link #run} would, reports what it would write, and writes nothing, not even state. */
    SyncReport dryRun(Flow<?> flow);

    /** Runs every registered flow once, in registration order. */
    List<SyncReport> runAll();

    /** The registered flows. */
    List<Flow<?>> flows();

    /**
     * Runs {@link #runAll()} on the host's {@code executor} every {@code delay} after the previous run
     * ended, starting after {@code initialDelay}. A run that throws (a bug) is logged and the schedule
     * goes on; cancel the returned future to stop.
     */
    default java.util.concurrent.ScheduledFuture<?> schedule(java.util.concurrent.ScheduledExecutorService executor,
                                                             Duration initialDelay, Duration delay) {
        Objects.requireNonNull(executor, "executor");
        return executor.scheduleWithFixedDelay(() -> {
            try {
                runAll();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SyncEngine.class).error("a scheduled possync run failed", e);
            }
        }, initialDelay.toMillis(), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SyncEngine}. */
    final class Builder {
        private StateStore stateStore;
        private final List<SyncListener> listeners = new ArrayList<>();
        private final List<Flow<?>> flows = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String owner = defaultOwner();
        private Duration leaseDuration = Duration.ofMinutes(5);
        private boolean redactPersonalData = true;
        private java.util.concurrent.Executor readAhead;

        private Builder() {
        }

        /** Where cursors, links, the retry queue and leases are kept (required). */
        public Builder stateStore(StateStore store) {
            this.stateStore = Objects.requireNonNull(store, "stateStore");
            return this;
        }

        /** Adds a listener for events and failures. */
        public Builder listener(SyncListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Registers a flow for {@link SyncEngine#runAll()}. */
        public Builder flow(Flow<?> flow) {
            Objects.requireNonNull(flow, "flow");
            if (flows.stream().anyMatch(f -> f.name().equals(flow.name()))) {
                throw new IllegalArgumentException("a flow named '" + flow.name() + "' is already registered");
            }
            flows.add(flow);
            return this;
        }

        /** The clock for events, retry schedules and leases (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** This process's name in leases (default: host name, process id and a random suffix). */
        public Builder owner(String owner) {
            if (owner == null || owner.isBlank()) {
                throw new IllegalArgumentException("owner must not be blank");
            }
            this.owner = owner;
            return this;
        }

        /** How long a flow's lease lasts without renewal (default 5 minutes; renewed after every page). */
        public Builder leaseDuration(Duration d) {
            if (Objects.requireNonNull(d, "leaseDuration").isNegative() || d.isZero()) {
                throw new IllegalArgumentException("leaseDuration must be positive");
            }
            this.leaseDuration = d;
            return this;
        }

        /** Whether events and dry-run previews hide personal data (default true). */
        public Builder redactPersonalData(boolean redact) {
            this.redactPersonalData = redact;
            return this;
        }

        /**
         * Reads each flow's next page on {@code executor} (the host's) while the current page is written,
         * so a rate-limited source and a slow target wait at the same time instead of one after the
         * other. The cursor still moves page by page, and a failed read ahead fails the run after the
         * page before it was committed. Off by default: the engine starts no threads of its own.
         */
        public Builder readAhead(java.util.concurrent.Executor executor) {
            this.readAhead = java.util.Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The engine. */
        public SyncEngine build() {
            if (stateStore == null) {
                throw new IllegalStateException("a SyncEngine needs a state store: InMemoryStateStore for tests,"
                        + " the JDBC store for anything that must survive a restart");
            }
            return new DefaultSyncEngine(stateStore, listeners, flows, clock, owner, leaseDuration, redactPersonalData,
                    java.util.Optional.ofNullable(readAhead));
        }

        private static String defaultOwner() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "host";
            }
            return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}

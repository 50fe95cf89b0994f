package io.possync.dbscheduler;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every flow of a {@link SyncEngine} as a recurring task of <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a>,
 * so that a cluster of JVMs shares the flows through one table: each flow's next run is one row, picked by one node
 * per due time, kept alive by heartbeats, and revived on another node when its node dies. The engine's lease and its
 * fencing check at commit stay as the guard: a node that was taken for dead while still running commits nothing.
 *
 * <pre>{@code
 * SchedulerTable.createIfMissing(dataSource);                      // once, or in your migrations
 * Scheduler scheduler = Scheduler.create(dataSource)
 *         .startTasks(FlowTasks.builder(engine).every(Duration.ofMinutes(5)).every("sales", Duration.ofMinutes(1)).build())
 *         .threads(4).pollingInterval(Duration.ofSeconds(10)).registerShutdownHook().build();
 * scheduler.start();
 * }</pre>
 *
 * <p>A flow's task is named {@code possync:<flow>} and runs every {@code delay} after its previous run ended
 * ({@link Schedules#fixedDelay}). Every node must register the same flows. A failed run is a report (its listeners
 * hear it), not a task failure: the task stays on its schedule.
 */
public final class FlowTasks {

    /** The prefix of every flow's task name. */
    public static final String TASK_PREFIX = "possync:";

    private FlowTasks() {
    }

    /** Tasks for {@code engine}'s flows. */
    public static Builder builder(SyncEngine engine) {
        return new Builder(engine);
    }

    /** The task name of {@code flow}. */
    public static String taskName(String flow) {
        return TASK_PREFIX + flow;
    }

    /** Builds the tasks; every flow needs a delay, its own or the common one. */
    public static final class Builder {
        private final SyncEngine engine;
        private Duration common;
        private final Map<String, Duration> own = new HashMap<>();

        private Builder(SyncEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** Every flow runs {@code delay} after its previous run ended, unless {@link #every(String, Duration)} says otherwise. */
        public Builder every(Duration delay) {
            this.common = positive(delay, "delay");
            return this;
        }

        /** Flow {@code flow} runs {@code delay} after its previous run ended. */
        public Builder every(String flow, Duration delay) {
            if (engine.flows().stream().noneMatch(f -> f.name().equals(flow))) {
                throw new IllegalArgumentException("the engine has no flow '" + flow + "'; its flows are "
                        + engine.flows().stream().map(Flow::name).toList());
            }
            own.put(flow, positive(delay, "delay of flow '" + flow + "'"));
            return this;
        }

        /** One recurring task per flow, in the engine's order. */
        public List<RecurringTask<Void>> build() {
            List<RecurringTask<Void>> tasks = new ArrayList<>();
            for (Flow<?> flow : engine.flows()) {
                Duration delay = own.getOrDefault(flow.name(), common);
                if (delay == null) {
                    throw new IllegalStateException("flow '" + flow.name() + "' has no delay: call every(delay) or every(\""
                            + flow.name() + "\", delay)");
                }
                tasks.add(Tasks.recurring(taskName(flow.name()), Schedules.fixedDelay(delay))
                        .execute((instance, context) -> engine.run(flow)));
            }
            return tasks;
        }

        private static Duration positive(Duration d, String what) {
            if (Objects.requireNonNull(d, what).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}

package io.possync.spring;

import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs each of the engine's flows on Spring's {@link TaskScheduler}, every {@code delay} after its previous run
 * ended, from {@link PossyncProperties}: started with the application context, stopped (running flows finish their
 * page) when it closes. A flow whose run throws (a bug; sync failures are reports) is logged and stays scheduled.
 *
 * <pre>
 * possync.schedule.delay=5m          # every flow
 * possync.flows.sales.delay=1m       # but sales every minute
 * </pre>
 */
public final class FlowScheduler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FlowScheduler.class);

    private final SyncEngine engine;
    private final TaskScheduler scheduler;
    private final PossyncProperties properties;
    private final Clock clock;
    private final Optional<ThreadPoolTaskScheduler> own;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile boolean running;

    /** Schedules {@code engine}'s flows on the application's {@code scheduler} as {@code properties} say, with {@code clock} for start times. */
    public FlowScheduler(SyncEngine engine, TaskScheduler scheduler, PossyncProperties properties, Clock clock) {
        this(engine, scheduler, Optional.empty(), properties, clock);
    }

    private FlowScheduler(SyncEngine engine, TaskScheduler scheduler, Optional<ThreadPoolTaskScheduler> own,
                          PossyncProperties properties, Clock clock) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.own = own;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Schedules on a scheduler of its own with {@code possync.schedule.threads} threads (named {@code possync-}),
     * shut down when this stops: for an application that has no {@link TaskScheduler}.
     */
    public static FlowScheduler withOwnScheduler(SyncEngine engine, PossyncProperties properties, Clock clock) {
        ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
        own.setPoolSize(properties.schedule().threads());
        own.setThreadNamePrefix("possync-");
        own.setWaitForTasksToCompleteOnShutdown(true);
        own.setAwaitTerminationSeconds(60);
        own.initialize();
        return new FlowScheduler(engine, own, Optional.of(own), properties, clock);
    }

    @Override
    public synchronized void start() {
        for (Flow<?> flow : engine.flows()) {
            if (!properties.runs(flow.name())) {
                LOG.info("possync flow '{}' is not scheduled (possync.enabled or possync.flows.{}.enabled)", flow.name(), flow.name());
                continue;
            }
            PossyncProperties.Schedule when = properties.scheduleOf(flow.name());
            scheduled.add(scheduler.scheduleWithFixedDelay(() -> run(flow), clock.instant().plus(when.initialDelay()), when.delay()));
            LOG.info("possync flow '{}' runs {} after start, then {} after each run", flow.name(), when.initialDelay(), when.delay());
        }
        running = true;
    }

    private void run(Flow<?> flow) {
        try {
            engine.run(flow);
        } catch (RuntimeException e) {
            LOG.error("a scheduled run of possync flow '{}' threw; it stays scheduled", flow.name(), e);
        }
    }

    @Override
    public synchronized void stop() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
        own.ifPresent(ThreadPoolTaskScheduler::shutdown);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many flows are on the schedule. */
    public synchronized int scheduledFlows() {
        return scheduled.size();
    }
}

package io.possync.spring;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * possync's settings in a Spring Boot application ({@code possync.*}): whether flows run on a schedule, when,
 * per-flow overrides, the engine's lease and redaction, and when the health indicator reports a flow down.
 *
 * <pre>
 * possync.schedule.initial-delay=10s
 * possync.schedule.delay=5m
 * possync.flows.sales.delay=1m
 * possync.flows.stock.enabled=false
 * </pre>
 *
 * @param enabled  whether the flows run on the schedule (default true); with false the engine is still a bean
 *                 the application can call
 * @param schedule when every flow runs, unless {@code flows} says otherwise
 * @param flows    per flow name: its own schedule, or that it does not run on the schedule
 * @param engine   the engine's lease and redaction
 * @param health   when the health indicator reports a flow down
 */
@ConfigurationProperties("possync")
public record PossyncProperties(@DefaultValue("true") boolean enabled, @DefaultValue Schedule schedule,
                                Map<String, FlowSchedule> flows, @DefaultValue Engine engine, @DefaultValue Health health) {

    /** Rejects a missing part; an absent {@code flows} is empty. */
    public PossyncProperties {
        flows = flows == null ? Map.of() : Map.copyOf(flows);
    }

    /** The schedule of {@code flow}: its own where set, the common one otherwise. */
    public Schedule scheduleOf(String flow) {
        FlowSchedule own = flows.get(flow);
        if (own == null) {
            return schedule;
        }
        return new Schedule(own.initialDelay() == null ? schedule.initialDelay() : own.initialDelay(),
                own.delay() == null ? schedule.delay() : own.delay(), schedule.threads());
    }

    /** Whether {@code flow} runs on the schedule. */
    public boolean runs(String flow) {
        FlowSchedule own = flows.get(flow);
        return enabled && (own == null || own.enabled());
    }

    /**
     * When flows run.
     *
     * @param initialDelay from the application's start to a flow's first run (default 10 s)
     * @param delay        from the end of a flow's run to the start of its next (default 5 min)
     * @param threads      how many flows run at once on possync's own scheduler, used when the application has no
     *                     {@code TaskScheduler} (default 2)
     */
    public record Schedule(@DefaultValue("10s") Duration initialDelay, @DefaultValue("5m") Duration delay,
                           @DefaultValue("2") int threads) {

        /** Rejects a negative initial delay and a delay that is not positive. */
        public Schedule {
            if (initialDelay.isNegative()) {
                throw new IllegalArgumentException("possync.schedule.initial-delay must not be negative, got " + initialDelay);
            }
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("possync.schedule.delay must be positive, got " + delay);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("possync.schedule.threads must be at least 1, got " + threads);
            }
        }
    }

    /**
     * One flow's own schedule; an unset delay is the common one.
     *
     * @param enabled      whether the flow runs on the schedule (default true)
     * @param initialDelay its own initial delay
     * @param delay        its own delay
     */
    public record FlowSchedule(@DefaultValue("true") boolean enabled, Duration initialDelay, Duration delay) {
    }

    /**
     * The engine's settings.
     *
     * @param owner              this process's name in leases (default: host, process id and a random suffix)
     * @param leaseDuration      how long a flow's lease lasts without renewal (default 5 min)
     * @param redactPersonalData whether events and dry-run previews hide personal data (default true)
     */
    public record Engine(String owner, @DefaultValue("5m") Duration leaseDuration, @DefaultValue("true") boolean redactPersonalData) {
    }

    /**
     * The health indicator's threshold.
     *
     * @param failuresInARow runs of one flow failing in a row that make it (and the application) down (default 3)
     */
    public record Health(@DefaultValue("3") int failuresInARow) {
    }
}

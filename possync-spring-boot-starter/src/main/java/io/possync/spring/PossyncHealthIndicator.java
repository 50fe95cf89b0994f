package io.possync.spring;

import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * possync in the application's health ({@code /actuator/health/possync}): down when a flow's last
 * {@code possync.health.failures-in-a-row} runs (default 3) failed, with each flow's last run, its outcome, its
 * failures in a row, its lag (age of the newest change it synced) and its retry queue as details.
 *
 * <pre>
 * {"status":"UP","details":{"sales":{"lastRun":"2026-12-05T10:00:00Z","status":"COMPLETED","failuresInARow":0,
 *   "lagSeconds":312,"retryQueue":2}}}
 * </pre>
 */
public final class PossyncHealthIndicator implements HealthIndicator {

    private final SyncEngine engine;
    private final RunHistory history;
    private final int failuresInARow;
    private final Clock clock;

    /** Health of {@code engine}'s flows from {@code history}; down at {@code failuresInARow} failed runs of one flow. */
    public PossyncHealthIndicator(SyncEngine engine, RunHistory history, int failuresInARow, Clock clock) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("possync.health.failures-in-a-row must be at least 1, got " + failuresInARow);
        }
        this.engine = engine;
        this.history = history;
        this.failuresInARow = failuresInARow;
        this.clock = clock;
    }

    @Override
    public Health health() {
        boolean down = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Flow<?> flow : engine.flows()) {
            Map<String, Object> d = new LinkedHashMap<>();
            var record = history.of(flow.name());
            if (record.isEmpty()) {
                d.put("status", "NOT_RUN_YET");
            } else {
                var r = record.get();
                d.put("lastRun", r.last().startedAt().toString());
                d.put("status", r.last().status().name());
                d.put("failuresInARow", r.failuresInARow());
                r.newestChange().ifPresent(t -> d.put("lagSeconds", Duration.between(t, clock.instant()).toSeconds()));
                r.last().retryQueueSize().ifPresent(n -> d.put("retryQueue", n));
                r.last().failure().ifPresent(f -> d.put("failure", f.message()));
                down |= r.failuresInARow() >= failuresInARow;
            }
            details.put(flow.name(), d);
        }
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }
}

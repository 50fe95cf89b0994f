package io.possync.core;

import io.possync.api.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of one flow did: how it ended, counts per outcome, the rejected records with their
 * reasons, the writes a dry run would have made, requests per system, and how long it took.
 *
 * <pre>{@code
 * SyncReport r = engine.run(orders);
 * System.out.printf("%s: %d created, %d rejected, %d requests to businesscentral in %s%n",
 *         r.flow(), r.count(Outcome.CREATED), r.count(Outcome.REJECTED),
 *         r.requestsBySystem().getOrDefault("businesscentral", 0L), r.duration());
 * }</pre>
 *
 * @param flow             the flow's name
 * @param entityType       the flow's record type
 * @param status           how the run ended
 * @param dryRun           whether nothing was written
 * @param startedAt        when it started
 * @param duration         how long it took
 * @param counts           outcomes per entity type (an order flow also counts the customers it wrote)
 * @param rejections       the records that wait in the retry queue (at most 1,000 listed)
 * @param plannedWrites    a dry run's writes (at most 1,000 listed)
 * @param requestsBySystem requests sent per system, for capabilities that count them
 * @param failure          why the run stopped, when it failed
 */
public record SyncReport(String flow, EntityType entityType, RunStatus status, boolean dryRun, Instant startedAt,
                         Duration duration, Map<EntityType, Map<Outcome, Long>> counts, List<Rejection> rejections,
                         List<PlannedWrite> plannedWrites, Map<String, Long> requestsBySystem,
                         Optional<FlowFailure> failure) {

    /** How many of the flow's own records ended in {@code outcome}. */
    public long count(Outcome outcome) {
        return count(entityType, outcome);
    }

    /** How many records of {@code type} ended in {@code outcome}. */
    public long count(EntityType type, Outcome outcome) {
        return counts.getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
    }

    /** A one-line summary for logs. */
    public String summary() {
        StringBuilder s = new StringBuilder(flow).append(' ').append(status).append(dryRun ? " (dry run)" : "")
                .append(" in ").append(duration.toMillis()).append(" ms:");
        counts.getOrDefault(entityType, Map.of()).forEach((o, n) -> {
            if (o != Outcome.FETCHED) {
                s.append(' ').append(o.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(n);
            }
        });
        s.append(" fetched=").append(count(Outcome.FETCHED));
        requestsBySystem.forEach((sys, n) -> s.append(" requests[").append(sys).append("]=").append(n));
        failure.ifPresent(f -> s.append(" failure: ").append(f.message()));
        return s.toString();
    }
}

package io.possync.core;

import io.possync.api.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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
 * @param retryQueueSize   records waiting in the flow's retry queue when the run ended (empty when the
 *                         state store could not say)
 * @param newestChange     when the newest source change this run moved the cursor past was made (empty when
 *                         the run passed none, and always for a dry run); its age is the flow's lag
 * @param failure          why the run stopped, when it failed
 */
public record SyncReport(String flow, EntityType entityType, RunStatus status, boolean dryRun, Instant startedAt,
                         Duration duration, Map<EntityType, Map<Outcome, Long>> counts, List<Rejection> rejections,
                         List<PlannedWrite> plannedWrites, Map<String, Long> requestsBySystem,
                         OptionalLong retryQueueSize, Optional<Instant> newestChange, Optional<FlowFailure> failure) {

    /** How many of the flow's own records ended in {@code outcome}. */
    public long count(Outcome outcome) {
        return count(entityType, outcome);
    }

    /** How many records of {@code type} ended in {@code outcome}. */
    public long count(EntityType type, Outcome outcome) {
        return counts.getOrDefault(type, Map.of()).getOrDefault(outcome, 0L);
    }

    /**
     * The report as JSON for machines (dashboards, alerting, a run history), with stable field names:
     * {@code flow}, {@code entityType}, {@code status}, {@code dryRun}, {@code startedAt} (ISO-8601),
     * {@code durationMillis}, {@code counts} (entity type → outcome → number), {@code requests} (system →
     * number), {@code rejections} (each {@code entityType}, {@code source} as {@code system:TYPE:id},
     * {@code fieldPath} or null, {@code reason}, {@code transient}), {@code plannedWrites} (how many; their
     * fields stay out, as they carry personal data), {@code retryQueueSize} or null, {@code newestChange}
     * (ISO-8601) or null, {@code failure} ({@code kind}, {@code message}) or null.
     * Reasons and messages are as redacted as the report's.
     */
    public String toJson() {
        com.fasterxml.jackson.databind.node.ObjectNode o = io.possync.api.internal.Json.MAPPER.createObjectNode();
        o.put("flow", flow).put("entityType", entityType.name()).put("status", status.name()).put("dryRun", dryRun)
                .put("startedAt", startedAt.toString()).put("durationMillis", duration.toMillis());
        com.fasterxml.jackson.databind.node.ObjectNode c = o.putObject("counts");
        counts.forEach((type, outcomes) -> {
            com.fasterxml.jackson.databind.node.ObjectNode t = c.putObject(type.name());
            outcomes.forEach((outcome, n) -> t.put(outcome.name(), n));
        });
        com.fasterxml.jackson.databind.node.ObjectNode r = o.putObject("requests");
        requestsBySystem.forEach(r::put);
        com.fasterxml.jackson.databind.node.ArrayNode rejected = o.putArray("rejections");
        for (Rejection x : rejections) {
            com.fasterxml.jackson.databind.node.ObjectNode j = rejected.addObject().put("entityType", x.entityType().name())
                    .put("source", x.source().toString()).put("reason", x.reason()).put("transient", x.transientFailure());
            x.fieldPath().ifPresentOrElse(f -> j.put("fieldPath", f), () -> j.putNull("fieldPath"));
        }
        o.put("plannedWrites", plannedWrites.size());
        if (retryQueueSize.isPresent()) {
            o.put("retryQueueSize", retryQueueSize.getAsLong());
        } else {
            o.putNull("retryQueueSize");
        }
        newestChange.ifPresentOrElse(t -> o.put("newestChange", t.toString()), () -> o.putNull("newestChange"));
        failure.ifPresentOrElse(f -> o.putObject("failure").put("kind", f.kind().name()).put("message", f.message()),
                () -> o.putNull("failure"));
        return o.toString();
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

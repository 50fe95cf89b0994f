package io.possync.core.internal.run;

import io.possync.api.EntityType;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.PlannedWrite;
import io.possync.core.Rejection;
import io.possync.core.RunStatus;
import io.possync.core.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import io.possync.api.CanonicalRecord;

/** Collects a run's counts, rejections and planned writes; memory is bounded by {@link #MAX_LISTED}. */
public final class ReportBuilder {

    static final int MAX_LISTED = 1000;

    private final String flow;
    private final EntityType entityType;
    private final boolean dryRun;
    private final Instant startedAt;
    private final long startedNanos = System.nanoTime();
    private final Map<EntityType, Map<Outcome, Long>> counts = new EnumMap<>(EntityType.class);
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<PlannedWrite> planned = new ArrayList<>();
    private Instant newestChange;

    public ReportBuilder(String flow, EntityType entityType, boolean dryRun, Instant startedAt) {
        this.flow = flow;
        this.entityType = entityType;
        this.dryRun = dryRun;
        this.startedAt = startedAt;
    }

    void count(EntityType type, Outcome outcome) {
        counts.computeIfAbsent(type, t -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
    }

    void rejection(Rejection r) {
        if (rejections.size() < MAX_LISTED) {
            rejections.add(r);
        }
    }

    void planned(PlannedWrite w) {
        if (planned.size() < MAX_LISTED) {
            planned.add(w);
        }
    }

    /** The cursor moved past {@code records}: the newest of their changes is the run's newest change so far. */
    void passed(List<? extends CanonicalRecord> records) {
        for (CanonicalRecord r : records) {
            if (newestChange == null || r.modifiedAt().isAfter(newestChange)) {
                newestChange = r.modifiedAt();
            }
        }
    }

    public SyncReport build(RunStatus status, Map<String, Long> requests, OptionalLong retryQueueSize,
                            Optional<FlowFailure> failure) {
        Map<EntityType, Map<Outcome, Long>> frozen = new EnumMap<>(EntityType.class);
        counts.forEach((t, m) -> frozen.put(t, Collections.unmodifiableMap(new EnumMap<>(m))));
        return new SyncReport(flow, entityType, status, dryRun, startedAt, Duration.ofNanos(System.nanoTime() - startedNanos),
                Collections.unmodifiableMap(frozen), List.copyOf(rejections), List.copyOf(planned),
                Collections.unmodifiableMap(new LinkedHashMap<>(requests)), retryQueueSize, Optional.ofNullable(newestChange), failure);
    }
}

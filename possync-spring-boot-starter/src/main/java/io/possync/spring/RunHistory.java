package io.possync.spring;

import io.possync.core.RunStatus;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last real run of every flow, and how many of its runs failed in a row: what the health indicator and the
 * {@code possync} endpoint show. A {@link SyncListener} the starter registers; dry runs and runs skipped because
 * another process held the flow's lease are not counted. Thread-safe.
 *
 * <pre>{@code
 * @Autowired RunHistory history;
 * history.last("sales").ifPresent(r -> log.info("sales: {}", r.summary()));
 * }</pre>
 */
public final class RunHistory implements SyncListener {

    /**
     * One flow's record.
     *
     * @param last           its last run's report
     * @param failuresInARow how many of its runs failed since the last that completed
     * @param newestChange   the newest source change it has synced, over all its runs
     */
    public record FlowRecord(SyncReport last, int failuresInARow, Optional<Instant> newestChange) {
    }

    private final Map<String, FlowRecord> flows = new ConcurrentHashMap<>();

    @Override
    public void onRunFinished(SyncReport report) {
        if (report.dryRun() || report.status() == RunStatus.SKIPPED_LEASE_HELD) {
            return;
        }
        flows.compute(report.flow(), (flow, before) -> {
            int failures = report.status() == RunStatus.FAILED ? (before == null ? 0 : before.failuresInARow()) + 1 : 0;
            Optional<Instant> newest = report.newestChange();
            if (before != null && before.newestChange().isPresent()
                    && (newest.isEmpty() || before.newestChange().get().isAfter(newest.get()))) {
                newest = before.newestChange();
            }
            return new FlowRecord(report, failures, newest);
        });
    }

    /** The record of {@code flow}, empty before its first run. */
    public Optional<FlowRecord> of(String flow) {
        return Optional.ofNullable(flows.get(flow));
    }

    /** The last run of {@code flow}, empty before its first. */
    public Optional<SyncReport> last(String flow) {
        return of(flow).map(FlowRecord::last);
    }

    /** Every flow that has run, by name. */
    public Map<String, FlowRecord> all() {
        return new TreeMap<>(flows);
    }
}

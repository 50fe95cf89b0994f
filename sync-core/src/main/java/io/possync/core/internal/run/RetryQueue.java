package io.possync.core.internal.run;

import io.possync.api.CanonicalRecord;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.Outcome;
import io.possync.core.state.RetryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step that takes the records due in the flow's retry queue and reads each afresh from the source
 * (a record gone from the source leaves the queue), and queues the records a source could not convert.
 */
final class RetryQueue {

    /** The due records as read again: fresh records, records still unreadable, records the source no longer has. */
    record Due(List<CanonicalRecord> records, List<RecordRejectedException> unreadable, List<Ref> gone) {
    }

    private final RunState run;
    private final Outcomes outcomes;

    RetryQueue(RunState run, Outcomes outcomes) {
        this.run = run;
        this.outcomes = outcomes;
    }

    /** The records due now, at most a page of them; empty in a dry run, which leaves the queue alone. */
    Optional<Due> due() {
        if (run.dryRun) {
            return Optional.empty();
        }
        List<RetryEntry> due = run.ctx.store().dueRetries(run.flow.name(), run.now(), run.flow.pageSize());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        List<CanonicalRecord> records = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        List<Ref> gone = new ArrayList<>();
        for (RetryEntry entry : due) {
            Optional<CanonicalRecord> fresh;
            try {
                fresh = run.flow.source().fetch(entry.source().id());
            } catch (RecordRejectedException e) {
                unreadable.add(e.withRecord(entry.source()));
                continue;
            }
            if (fresh.isPresent()) {
                records.add(fresh.get());
            } else {
                gone.add(entry.source());
                outcomes.event(run.flow.entityType(), Outcome.SOURCE_GONE, entry.source(), null, "", null,
                        "no longer in " + run.flow.source().system() + "; dropped from the retry queue");
            }
        }
        return Optional.of(new Due(records, unreadable, gone));
    }

    /** Records the source could not convert wait in the retry queue like any rejected record (a retry re-reads them). */
    void rejectUnreadable(List<RecordRejectedException> unreadable, Batch batch) {
        if (unreadable.isEmpty()) {
            return;
        }
        List<Ref> refs = unreadable.stream().map(e -> e.record().orElseThrow()).toList();
        Map<Ref, RetryEntry> existing = new HashMap<>(batch.existingRetries);
        if (!run.dryRun) {
            existing.putAll(run.ctx.store().retryEntries(run.flow.name(), refs));
        }
        batch.existingRetries = existing;
        for (RecordRejectedException e : unreadable) {
            Ref ref = e.record().orElseThrow();
            outcomes.reject(batch, ref.type(), ref, "", e);
        }
    }
}

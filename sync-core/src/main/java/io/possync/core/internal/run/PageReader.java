package io.possync.core.internal.run;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.core.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The step that reads the source's changes from the stored cursor to the end, page by page: a later
 * change of a record replaces an earlier one, a stock flow reads on until its coalescing limit, and with
 * a read-ahead executor the next page is read while this one is written. Each page goes to the handler
 * with the cursor after it.
 */
final class PageReader {

    /** What is done with one page: its records, the records the source could not convert, and the cursor after them. */
    @FunctionalInterface
    interface PageHandler {
        void handle(List<CanonicalRecord> records, List<RecordRejectedException> unreadable, Cursor next);
    }

    private final RunState run;
    private final Outcomes outcomes;

    PageReader(RunState run, Outcomes outcomes) {
        this.run = run;
        this.outcomes = outcomes;
    }

    void readAll(Cursor start, PageHandler handler) {
        Cursor cursor = start;
        boolean coalesce = run.kind.coalescesPages();
        int pageSize = run.flow.pageSize();
        Future<Page<CanonicalRecord>> ahead = null;
        try {
            while (true) {
                Map<Ref, CanonicalRecord> collected = new LinkedHashMap<>();
                Map<Ref, RecordRejectedException> unreadable = new LinkedHashMap<>();
                Page<CanonicalRecord> page;
                do {
                    page = ahead != null ? awaitPage(ahead)
                            : run.flow.source().changesSince(cursor, coalesce ? pageSize : pageSize - collected.size());
                    ahead = null;
                    boolean progressed = !page.next().equals(cursor) || page.records().isEmpty();
                    if (page.hasMore() && !progressed) {
                        throw new IllegalStateException(run.flow.source().system() + " returned a page with more to come but"
                                + " did not move its cursor past " + cursor.value() + "; stopping to avoid a loop");
                    }
                    collect(page, collected, unreadable);
                    cursor = page.next();
                } while (page.hasMore() && collected.size() < (coalesce ? run.flow.coalesceLimit() : pageSize));
                if (page.hasMore() && !coalesce && run.ctx.readAhead().isPresent()) {
                    // The cursor still moves page by page; only the reading runs ahead, on the host's executor.
                    Cursor next = cursor;
                    FutureTask<Page<CanonicalRecord>> task = new FutureTask<>(() -> run.flow.source().changesSince(next, pageSize));
                    run.ctx.readAhead().get().execute(task);
                    ahead = task;
                }
                if (!collected.isEmpty() || !unreadable.isEmpty() || !run.dryRun) {
                    handler.handle(new ArrayList<>(collected.values()), new ArrayList<>(unreadable.values()), cursor);
                }
                if (!page.hasMore()) {
                    return;
                }
            }
        } finally {
            if (ahead != null) {
                ahead.cancel(true);
            }
        }
    }

    private void collect(Page<CanonicalRecord> page, Map<Ref, CanonicalRecord> collected, Map<Ref, RecordRejectedException> unreadable) {
        for (CanonicalRecord r : page.records()) {
            // Last writer wins: a later change of the same record replaces the earlier one.
            collected.remove(r.sourceRef());
            unreadable.remove(r.sourceRef());
            collected.put(r.sourceRef(), r);
            run.report.count(run.flow.entityType(), Outcome.FETCHED);
            outcomes.event(run.flow.entityType(), Outcome.FETCHED, r.sourceRef(), null, outcomes.subject(r), null, null);
        }
        for (RecordRejectedException e : page.unreadable()) {
            Ref ref = e.record().orElseThrow();
            collected.remove(ref);
            unreadable.put(ref, e);
            run.report.count(run.flow.entityType(), Outcome.FETCHED);
            outcomes.event(run.flow.entityType(), Outcome.FETCHED, ref, null, "", null, null);
        }
    }

    /** The page read ahead; its failure is the read's failure. */
    private static Page<CanonicalRecord> awaitPage(Future<Page<CanonicalRecord>> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while reading the next page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("reading the next page failed", e.getCause());
        }
    }
}

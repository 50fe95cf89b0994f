package io.possync.core.internal.run;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.core.Flow;
import io.possync.core.FlowFailure;
import io.possync.core.RunStatus;
import io.possync.core.SyncReport;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.state.PageCommit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of one flow, as described in docs/architecture.md, "The run of a flow": under the flow's
 * lease, the retry queue's due records and then the source's changes page by page, each page through
 * the steps of the flow's kind and committed (links, retry entries, cursor) in one transaction.
 * Used by one thread.
 *
 * <pre>{@code
 * SyncReport report = new FlowRun(context, flow, false).execute();
 * }</pre>
 */
public final class FlowRun {

    /** The steps one page goes through; which steps depends on the flow's kind. */
    @FunctionalInterface
    private interface PageSteps {
        void process(List<CanonicalRecord> records, Batch batch, boolean retrying);
    }

    private final RunState run;
    private final Outcomes outcomes;
    private final RequestTally requests;

    public FlowRun(EngineContext ctx, Flow<?> flow, boolean dryRun) {
        this.run = new RunState(ctx, flow, dryRun);
        this.outcomes = new Outcomes(run);
        this.requests = new RequestTally(flow);
    }

    public SyncReport execute() {
        try {
            if (!run.dryRun && !run.acquireLease()) {
                return run.report.build(RunStatus.SKIPPED_LEASE_HELD, requests.sinceStart(), retryQueueSize(), Optional.empty());
            }
            PageSteps steps = steps();
            RetryQueue retries = new RetryQueue(run, outcomes);
            retries.due().ifPresent(due -> {
                int size = due.records().size() + due.unreadable().size() + due.gone().size();
                run.ctx.listeners().onPageStarted(run.flow.name(), size);
                Batch batch = new Batch();
                batch.resolved.addAll(due.gone());
                steps.process(due.records(), batch, true);
                retries.rejectUnreadable(due.unreadable(), batch);
                commit(batch, Optional.empty());
                run.ctx.listeners().onPageFinished(run.flow.name(), size);
            });
            Cursor cursor = run.ctx.store().cursor(run.flow.name()).orElse(Cursor.initial());
            new PageReader(run, outcomes).readAll(cursor, (records, unreadable, next) -> {
                int size = records.size() + unreadable.size();
                run.ctx.listeners().onPageStarted(run.flow.name(), size);
                Batch batch = new Batch();
                steps.process(records, batch, false);
                retries.rejectUnreadable(unreadable, batch);
                commit(batch, Optional.of(next));
                if (!run.dryRun) {
                    run.report.passed(records);
                }
                run.ctx.listeners().onPageFinished(run.flow.name(), size);
            });
            return run.report.build(RunStatus.COMPLETED, requests.sinceStart(), retryQueueSize(), Optional.empty());
        } catch (RuntimeException e) {
            FlowFailure failure = FlowFailure.of(run.flow.name(), e, run.now());
            run.ctx.listeners().onFailure(failure);
            return run.report.build(RunStatus.FAILED, requests.sinceStart(), retryQueueSize(), Optional.of(failure));
        } finally {
            run.releaseLease();
        }
    }

    /** The flow's retry queue as the run leaves it; empty when the state store cannot say (it may be what failed). */
    private OptionalLong retryQueueSize() {
        try {
            return OptionalLong.of(run.ctx.store().retryQueueSize(run.flow.name()));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The steps of the flow's kind, decided once: a status write, or the record pipeline with its lookups and writes. */
    private PageSteps steps() {
        CompiledMapping mapping = CompiledMapping.compile(run.flow.mapping());
        if (run.kind instanceof FlowKind.Statuses statuses) {
            StatusWrites writes = new StatusWrites(run, outcomes, statuses.sink());
            return (records, batch, retrying) -> {
                if (!records.isEmpty()) {
                    writes.write(records, batch, retrying);
                }
            };
        }
        RecordPipeline pipeline = new RecordPipeline(run, outcomes);
        TargetLookup targets = new TargetLookup(run);
        WriteStep writes = new WriteStep(run, outcomes, mapping);
        Optional<OrderDependencies> dependencies = run.kind instanceof FlowKind.Orders
                ? Optional.of(new OrderDependencies(run, outcomes, run.flow.customerMapping().map(CompiledMapping::compile)))
                : Optional.empty();
        return (records, batch, retrying) -> {
            if (records.isEmpty()) {
                return;
            }
            List<Candidate> candidates = pipeline.candidates(records, batch, retrying);
            if (dependencies.isPresent()) {
                dependencies.get().expectLookups(candidates);
                candidates = dependencies.get().resolve(candidates, batch);
            }
            targets.decide(candidates);
            writes.write(candidates, batch);
        };
    }

    /** Stores what the page changed, with the cursor after it, and renews the lease; a dry run stores nothing. */
    private void commit(Batch batch, Optional<Cursor> cursor) {
        if (run.dryRun) {
            return;
        }
        PageCommit commit = new PageCommit(run.flow.name(), run.lease(), batch.links, batch.retries, batch.resolved, cursor);
        if (!commit.isEmpty()) {
            run.ctx.store().commit(commit, run.now());
        }
        run.ensureLease();
    }
}

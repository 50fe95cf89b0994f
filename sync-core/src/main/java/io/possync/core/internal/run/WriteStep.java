package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.StockLevel;
import io.possync.api.TransientException;
import io.possync.api.UpdateSink;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.core.ExistingOrderPolicy;
import io.possync.core.Outcome;
import io.possync.core.Publication;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.state.Link;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step that writes: each candidate mapped and sent to the sink in one {@code writeAll} (planned
 * instead in a dry run), each result a link or a rejection. A stock level whose product is missing is
 * a warning; an order already in the target follows the flow's {@link ExistingOrderPolicy}.
 */
final class WriteStep {

    /** Per-record failures in one write batch above which, with no success at all, the target counts as down. */
    private static final int OUTAGE_THRESHOLD = 3;

    private final RunState run;
    private final Outcomes outcomes;
    private final CompiledMapping mapping;

    WriteStep(RunState run, Outcomes outcomes, CompiledMapping mapping) {
        this.run = run;
        this.outcomes = outcomes;
        this.mapping = mapping;
    }

    void write(List<Candidate> candidates, Batch batch) {
        EntityType type = run.flow.entityType();
        List<Write<CanonicalRecord>> writes = new ArrayList<>();
        Map<Write<CanonicalRecord>, Candidate> byWrite = new IdentityHashMap<>();
        for (Candidate c : candidates) {
            if (c.refused != null) {
                outcomes.reject(batch, type, c.ref(), outcomes.subject(c.record), c.refused);
                continue;
            }
            if (settledWithoutWriting(c, batch)) {
                continue;
            }
            CanonicalRecord record = c.record;
            ObjectNode input = c.json;
            if (c.create && run.flow.publication() != Publication.AS_SOURCE && record instanceof Product p) {
                boolean published = run.flow.publication() == Publication.PUBLISHED;
                record = p.toBuilder().published(published).build();
                input = c.json.deepCopy().put("published", published);
            }
            ObjectNode fields;
            try {
                fields = mapping.apply(input, c.ref(), !c.create);
            } catch (RecordRejectedException e) {
                outcomes.reject(batch, type, c.ref(), outcomes.subject(c.record), e);
                continue;
            }
            MappedRecord<CanonicalRecord> mapped = new MappedRecord<>(record, fields);
            Write<CanonicalRecord> w = c.create ? new Write.Create<>(mapped) : new Write.Update<>(c.target, mapped);
            writes.add(w);
            byWrite.put(w, c);
        }
        if (writes.isEmpty()) {
            return;
        }
        if (run.dryRun) {
            writes.forEach(w -> outcomes.plan(type, w, byWrite.get(w).record));
            return;
        }
        run.ensureLease();
        List<WriteResult> results = send(run.sink(), writes);
        for (int i = 0; i < writes.size(); i++) {
            Candidate c = byWrite.get(writes.get(i));
            WriteResult result = results.get(i);
            if (result instanceof WriteResult.Written written) {
                batch.links.add(new Link(c.ref(), written.target(), c.hash, run.now()));
                batch.resolved.add(c.ref());
                outcomes.outcome(type, written.created() ? Outcome.CREATED : Outcome.UPDATED, c.ref(), written.target(),
                        outcomes.subject(c.record), null);
            } else if (result instanceof WriteResult.Failed failed) {
                outcomes.reject(batch, type, c.ref(), outcomes.subject(c.record), failed.error());
            }
        }
    }

    /** Whether the flow's kind settles {@code c} without a write: a stock level without product, an order already there. */
    private boolean settledWithoutWriting(Candidate c, Batch batch) {
        if (run.kind instanceof FlowKind.Stock && c.create) {
            batch.resolved.add(c.ref());
            outcomes.outcome(EntityType.STOCK_LEVEL, Outcome.WARNING, c.ref(), null, outcomes.subject(c.record),
                    "product '" + ((StockLevel) c.record).sku() + "' does not exist in " + run.sink().system()
                            + "; stock not written");
            return true;
        }
        return run.kind instanceof FlowKind.Orders && c.target != null && existingOrder(c, batch);
    }

    private boolean existingOrder(Candidate c, Batch batch) {
        Ref ref = c.ref();
        ExistingOrderPolicy policy = run.flow.existingOrders();
        if (policy == ExistingOrderPolicy.SKIP) {
            if (!run.dryRun) {
                batch.links.add(new Link(ref, c.target, c.hash, run.now()));
            }
            batch.resolved.add(ref);
            outcomes.outcome(EntityType.ORDER, Outcome.SKIPPED_EXISTING, ref, c.target, outcomes.subject(c.record), null);
            return true;
        }
        if (policy == ExistingOrderPolicy.FAIL) {
            outcomes.reject(batch, EntityType.ORDER, ref, outcomes.subject(c.record), RecordRejectedException.builder(
                    "the order already exists in " + run.sink().system() + " as " + c.target.id()
                            + " and the flow's policy is FAIL").record(ref).fieldPath("number").build());
            return true;
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<WriteResult> send(UpdateSink<? extends CanonicalRecord> sink, List<Write<CanonicalRecord>> writes) {
        List<WriteResult> results;
        if (sink instanceof Sink s) {
            results = s.writeAll(writes);
        } else {
            List<Write.Update<CanonicalRecord>> updates = new ArrayList<>();
            for (Write<CanonicalRecord> w : writes) {
                updates.add((Write.Update<CanonicalRecord>) w);
            }
            results = ((UpdateSink) sink).updateAll(updates);
        }
        if (results.size() != writes.size()) {
            throw new IllegalStateException(sink.system() + " returned " + results.size() + " results for "
                    + writes.size() + " writes");
        }
        long failedTransient = results.stream().filter(r -> r instanceof WriteResult.Failed f
                && f.error() instanceof TransientException).count();
        if (failedTransient >= OUTAGE_THRESHOLD && failedTransient == results.size()) {
            // Every write failed for a passing reason: the target is down. Stop without committing
            // this page, so nothing is queued for retry that the next run would read anyway.
            throw (TransientException) ((WriteResult.Failed) results.get(0)).error();
        }
        return results;
    }
}

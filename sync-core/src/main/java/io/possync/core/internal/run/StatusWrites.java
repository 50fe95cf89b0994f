package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.possync.api.CanonicalRecord;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.api.OrderStatusSink;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.core.Outcome;
import io.possync.core.PlannedWrite;
import io.possync.core.state.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step of an order-status flow: each changed order (of the ERP) is traced through the link the
 * order flow wrote to the order it came from, and its status is written there when it changed. The
 * status flow's own link (ERP order → origin, with a hash of the status) remembers what was written.
 */
final class StatusWrites {

    private final RunState run;
    private final Outcomes outcomes;
    private final OrderStatusSink target;

    StatusWrites(RunState run, Outcomes outcomes, OrderStatusSink target) {
        this.run = run;
        this.outcomes = outcomes;
        this.target = target;
    }

    void write(List<CanonicalRecord> records, Batch batch, boolean retrying) {
        Map<Ref, CanonicalRecord> unique = new LinkedHashMap<>();
        records.forEach(r -> unique.put(r.sourceRef(), r));
        List<Ref> refs = new ArrayList<>(unique.keySet());
        batch.existingRetries = run.dryRun ? Map.of() : run.ctx.store().retryEntries(run.flow.name(), refs);
        Map<Ref, Link> written = run.ctx.store().links(refs, target.system());
        for (CanonicalRecord record : unique.values()) {
            Order order = (Order) record;
            Ref ref = order.sourceRef();
            String subject = outcomes.subject(order);
            if (retrying) {
                run.report.count(EntityType.ORDER, Outcome.RETRIED);
                outcomes.event(EntityType.ORDER, Outcome.RETRIED, ref, null, subject, null, null);
            }
            if (!run.flow.filter().test(order)) {
                batch.resolved.add(ref);
                outcomes.outcome(EntityType.ORDER, Outcome.FILTERED, ref, null, subject, null);
                continue;
            }
            Optional<Ref> origin = run.ctx.store().linkByTarget(ref).map(Link::source)
                    .filter(source -> source.system().equals(target.system()));
            if (origin.isEmpty()) {
                batch.resolved.add(ref);
                outcomes.outcome(EntityType.ORDER, Outcome.WARNING, ref, null, subject, "no " + target.system()
                        + " order is linked to this order (it was not synced from there); status not written");
                continue;
            }
            Optional<OrderStatus> mapped = run.flow.statusMap().apply(order.status());
            if (mapped.isEmpty()) {
                batch.resolved.add(ref);
                outcomes.outcome(EntityType.ORDER, Outcome.FILTERED, ref, origin.get(), subject, "status " + order.status()
                        + " is not written (the flow's status map ignores it)");
                continue;
            }
            OrderStatus status = mapped.get();
            String hash = "status:" + status;
            Link previous = written.get(ref);
            if (previous != null && previous.contentHash().equals(hash)) {
                batch.resolved.add(ref);
                outcomes.outcome(EntityType.ORDER, Outcome.UNCHANGED, ref, origin.get(), subject, null);
                continue;
            }
            if (run.dryRun) {
                run.report.planned(new PlannedWrite(EntityType.ORDER, PlannedWrite.Action.UPDATE, ref, origin,
                        JsonNodeFactory.instance.objectNode().put("status", status.name())));
                outcomes.outcome(EntityType.ORDER, Outcome.WOULD_UPDATE, ref, origin.get(), subject, null);
                continue;
            }
            run.ensureLease();
            try {
                target.writeStatus(origin.get(), status);
                batch.links.add(new Link(ref, origin.get(), hash, run.now()));
                batch.resolved.add(ref);
                outcomes.outcome(EntityType.ORDER, Outcome.UPDATED, ref, origin.get(), subject, null);
            } catch (RecordRejectedException | TransientException e) {
                outcomes.reject(batch, EntityType.ORDER, ref, subject, e);
            }
        }
    }
}

package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.PossyncException;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.internal.Redaction;
import io.possync.core.Outcome;
import io.possync.core.PlannedWrite;
import io.possync.core.Rejection;
import io.possync.core.SyncEvent;
import io.possync.core.state.RetryEntry;
import java.time.Instant;
import java.util.Optional;

/** What happened to each record: counted in the report, told to the listeners, a failure queued for retry. */
final class Outcomes {

    private final RunState run;

    Outcomes(RunState run) {
        this.run = run;
    }

    /** The record failed: it waits in the retry queue (counting on from its earlier attempts) and is reported. */
    void reject(Batch batch, EntityType type, Ref ref, String subject, PossyncException error) {
        boolean passing = error instanceof TransientException;
        String reason = Redaction.redactText(error instanceof RecordRejectedException r
                ? r.reason() + r.vendorCode().map(c -> " (vendor code " + c + ")").orElse("")
                : String.valueOf(error.getMessage()));
        Optional<String> field = error instanceof RecordRejectedException r ? r.fieldPath() : Optional.empty();
        RetryEntry previous = batch.existingRetries.get(ref);
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        Instant now = run.now();
        batch.retries.add(new RetryEntry(run.flow.name(), ref, reason, field, attempts,
                previous == null ? now : previous.firstFailedAt(), now.plus(run.flow.retrySchedule().delayAfter(attempts))));
        run.report.rejection(new Rejection(type, ref, field, reason, passing));
        outcome(type, passing ? Outcome.RETRY_SCHEDULED : Outcome.REJECTED, ref, null, subject, field.orElse(null), reason);
    }

    void outcome(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String reason) {
        outcome(type, outcome, source, target, subject, null, reason);
    }

    void outcome(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String field, String reason) {
        run.report.count(type, outcome);
        event(type, outcome, source, target, subject, field, reason);
    }

    /** Tells the listeners without counting (a record fetched, retried or gone). */
    void event(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String field, String reason) {
        run.ctx.listeners().onEvent(new SyncEvent(run.flow.name(), type, outcome, source, Optional.ofNullable(target), subject,
                Optional.ofNullable(field), Optional.ofNullable(reason), run.now()));
    }

    /** A dry run's write: kept in the report as planned, personal data redacted when the engine says so. */
    <R extends CanonicalRecord> void plan(EntityType type, Write<R> w, CanonicalRecord record) {
        boolean create = w instanceof Write.Create;
        Optional<Ref> target = w instanceof Write.Update<R> u ? Optional.of(u.target()) : Optional.empty();
        JsonNode fields = run.ctx.redactPersonalData() ? Redaction.redactJson(w.record().fields()) : w.record().fields();
        run.report.planned(new PlannedWrite(type, create ? PlannedWrite.Action.CREATE : PlannedWrite.Action.UPDATE,
                record.sourceRef(), target, fields));
        outcome(type, create ? Outcome.WOULD_CREATE : Outcome.WOULD_UPDATE, record.sourceRef(), target.orElse(null),
                subject(record), null);
    }

    /** How events name a record: an order's number, a SKU, SKU@location, a customer's (pseudonymised) e-mail. */
    String subject(CanonicalRecord record) {
        if (record instanceof Order o) {
            return "#" + o.number();
        }
        if (record instanceof Product p) {
            return p.sku();
        }
        if (record instanceof StockLevel s) {
            return s.sku() + "@" + s.location();
        }
        Customer c = (Customer) record;
        Optional<String> email = c.email();
        if (email.isEmpty()) {
            return "customer without e-mail";
        }
        return run.ctx.redactPersonalData() ? Redaction.pseudonym(email.get()) : email.get();
    }
}

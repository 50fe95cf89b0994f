package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.internal.Json;
import io.possync.core.Outcome;
import io.possync.core.StockCalculation;
import io.possync.core.internal.ContentHash;
import io.possync.core.internal.RecordValidator;
import io.possync.core.internal.validation.ControlCharacters;
import io.possync.core.state.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step that turns a page of source records into candidates for writing: the last change of each
 * record only, no record possync itself wrote into the source from the flow's target (it would echo
 * back), the flow's filter, enrichment, the content hash (an unchanged record stops here), and
 * validation (an invalid record is rejected naming its field).
 */
final class RecordPipeline {

    private final RunState run;
    private final Outcomes outcomes;
    private boolean reservationsNoted;

    RecordPipeline(RunState run, Outcomes outcomes) {
        this.run = run;
        this.outcomes = outcomes;
    }

    List<Candidate> candidates(List<CanonicalRecord> records, Batch batch, boolean retrying) {
        Map<Ref, CanonicalRecord> unique = new LinkedHashMap<>();
        records.forEach(r -> {
            unique.remove(r.sourceRef());
            unique.put(r.sourceRef(), r);
        });
        List<Ref> refs = new ArrayList<>(unique.keySet());
        batch.existingRetries = run.dryRun ? Map.of() : run.ctx.store().retryEntries(run.flow.name(), refs);
        Map<Ref, Link> links = run.ctx.store().links(refs, run.sink().system());
        Map<Ref, Link> writtenHere = run.ctx.store().linksByTarget(refs);

        List<Candidate> candidates = new ArrayList<>();
        for (CanonicalRecord original : unique.values()) {
            Ref ref = original.sourceRef();
            if (retrying) {
                run.report.count(run.flow.entityType(), Outcome.RETRIED);
                outcomes.event(run.flow.entityType(), Outcome.RETRIED, ref, null, outcomes.subject(original), null, null);
            }
            Link origin = writtenHere.get(ref);
            if (origin != null && origin.source().system().equals(run.sink().system())) {
                // possync made this record here from the flow's own target: sending it back would echo it there.
                batch.resolved.add(ref);
                outcomes.outcome(run.flow.entityType(), Outcome.FILTERED, ref, origin.source(), outcomes.subject(original),
                        "written here by possync from " + run.sink().system() + "; not sent back");
                continue;
            }
            if (!run.flow.filter().test(original)) {
                batch.resolved.add(ref);
                outcomes.outcome(run.flow.entityType(), Outcome.FILTERED, ref, null, outcomes.subject(original), null);
                continue;
            }
            CanonicalRecord record;
            try {
                record = prepare(original);
            } catch (RecordRejectedException e) {
                outcomes.reject(batch, run.flow.entityType(), ref, outcomes.subject(original), e);
                continue;
            }
            ObjectNode json = Json.MAPPER.valueToTree(record);
            if (record instanceof StockLevel stock) {
                json.put("quantity", run.flow.stockCalculation().quantity(stock));
                noteUnknownReservations(ref, outcomes.subject(record));
            }
            String hash = ContentHash.of(json);
            Link link = links.get(ref);
            if (link != null && link.contentHash().equals(hash)) {
                batch.resolved.add(ref);
                outcomes.outcome(run.flow.entityType(), Outcome.UNCHANGED, ref, link.target(), outcomes.subject(record), null);
                continue;
            }
            Optional<RecordRejectedException> invalid = RecordValidator.check(record)
                    .or(() -> ControlCharacters.check(json, ref));
            if (invalid.isPresent()) {
                outcomes.reject(batch, run.flow.entityType(), ref, outcomes.subject(record), invalid.get());
                continue;
            }
            candidates.add(new Candidate(record, json, hash, link));
        }
        return candidates;
    }

    /**
     * Once per run: the default calculation is on hand minus reservations, and this source reports none, so on hand
     * is what is written.
     */
    private void noteUnknownReservations(Ref ref, String subject) {
        if (!reservationsNoted && run.flow.stockCalculation() == StockCalculation.ON_HAND_MINUS_RESERVED
                && (Object) run.flow.source() instanceof StockSource s && !s.knowsReservations()) {
            reservationsNoted = true;
            outcomes.outcome(run.flow.entityType(), Outcome.WARNING, ref, null, subject, s.system()
                    + " reports no sales reservations: on hand is written (the calculation is on hand minus reservations)");
        }
    }

    /** The record as the flow writes it: a customer's kind derived, an order's kind set by the flow, then the flow's enrichment. */
    private CanonicalRecord prepare(CanonicalRecord record) {
        CanonicalRecord r = record;
        if (r instanceof Customer c) {
            r = withDerivedKind(c);
        } else if (r instanceof Order o && run.flow.orderKind().isPresent() && o.kind() != run.flow.orderKind().get()) {
            r = o.toBuilder().kind(run.flow.orderKind().get()).build();
        }
        CanonicalRecord enriched = run.flow.enricher().apply(r);
        if (enriched == null || !enriched.sourceRef().equals(record.sourceRef())) {
            throw RecordRejectedException.builder("the flow's enrich function returned "
                    + (enriched == null ? "null" : "a record with another source ref")).record(record.sourceRef()).build();
        }
        return enriched;
    }

    /** A customer with a company name is a company, any other a person. */
    static Customer withDerivedKind(Customer c) {
        CustomerKind kind = c.companyName().filter(n -> !n.isBlank()).isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON;
        return kind == c.kind() ? c : c.toBuilder().kind(kind).build();
    }
}

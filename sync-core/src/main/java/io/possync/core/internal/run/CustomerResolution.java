package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.internal.Json;
import io.possync.api.internal.Redaction;
import io.possync.core.Outcome;
import io.possync.core.internal.ContentHash;
import io.possync.core.internal.RecordValidator;
import io.possync.core.internal.validation.ControlCharacters;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.state.Link;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step that gives a page's orders their customers in the target: each customer found by link or
 * by the flow's customer match key, created or updated (all of them in one {@code writeAll}), its
 * target then the order's {@code links.customerId}. A customer that fails leaves its orders in the
 * retry queue rather than queueing itself.
 */
final class CustomerResolution {

    /** The customer of a group of orders, keyed by match key (or by source ref when it has none). */
    static final class Need {
        Customer customer;
        final List<Candidate> orders = new ArrayList<>();
        Ref target;
        String hash;
        Link link;
        ObjectNode json;
        /** The customer's JSON inside its (validated) order's JSON, when the customer is that snapshot unchanged. */
        ObjectNode embedded;
        boolean create;
        PossyncException failure;
    }

    private final RunState run;
    private final Outcomes outcomes;
    private final Sink<Customer> sink;
    private final CompiledMapping mapping;

    CustomerResolution(RunState run, Outcomes outcomes, Sink<Customer> sink, CompiledMapping mapping) {
        this.run = run;
        this.outcomes = outcomes;
        this.sink = sink;
        this.mapping = mapping;
    }

    void resolve(Map<String, Need> needs, Batch batch) {
        Map<NaturalKey, List<Need>> lookups = findLinked(needs);
        if (!lookups.isEmpty()) {
            KeyLookup result = KeyLookup.in(sink, lookups.keySet());
            lookups.forEach((key, list) -> list.forEach(need -> {
                need.failure = result.refused().get(key);
                need.target = result.found().get(key);
                need.create = need.target == null && need.failure == null;
            }));
        }
        List<Write<Customer>> writes = new ArrayList<>();
        Map<Write<Customer>, Need> byWrite = new IdentityHashMap<>();
        for (Need need : needs.values()) {
            if (need.failure != null || (need.link != null && need.link.contentHash().equals(need.hash))) {
                continue;
            }
            ObjectNode fields;
            try {
                fields = mapping.apply(need.json, need.customer.sourceRef(), !need.create);
            } catch (RecordRejectedException e) {
                need.failure = e;
                need.target = null;
                continue;
            }
            MappedRecord<Customer> mapped = new MappedRecord<>(need.customer, fields);
            Write<Customer> w = need.create ? new Write.Create<>(mapped) : new Write.Update<>(need.target, mapped);
            writes.add(w);
            byWrite.put(w, need);
        }
        if (writes.isEmpty()) {
            return;
        }
        if (run.dryRun) {
            for (Write<Customer> w : writes) {
                Need need = byWrite.get(w);
                outcomes.plan(EntityType.CUSTOMER, w, need.customer);
                if (need.target == null) {
                    need.target = new Ref(sink.system(), EntityType.CUSTOMER, "(new)");
                }
            }
            return;
        }
        run.ensureLease();
        List<WriteResult> results = sink.writeAll(writes);
        for (int i = 0; i < writes.size(); i++) {
            settle(byWrite.get(writes.get(i)), results.get(i), batch);
        }
    }

    /** Validates each customer and takes the target of its link; returns the customers to look up by key. */
    private Map<NaturalKey, List<Need>> findLinked(Map<String, Need> needs) {
        List<Ref> refs = needs.values().stream().map(n -> n.customer.sourceRef()).toList();
        Map<Ref, Link> links = run.ctx.store().links(refs, sink.system());
        Map<NaturalKey, List<Need>> lookups = new LinkedHashMap<>();
        for (Need need : needs.values()) {
            Customer customer = need.customer;
            need.json = need.embedded != null ? need.embedded : Json.MAPPER.valueToTree(customer);
            need.hash = ContentHash.of(need.json);
            need.link = links.get(customer.sourceRef());
            // an embedded snapshot was validated with its order (the order cascades into it)
            Optional<RecordRejectedException> invalid = need.embedded != null ? Optional.empty()
                    : RecordValidator.check(customer).or(() -> ControlCharacters.check(need.json, customer.sourceRef()));
            if (invalid.isPresent()) {
                need.failure = invalid.get();
                continue;
            }
            if (need.link != null && need.link.contentHash().equals(need.hash)) {
                need.target = need.link.target();
                outcomes.outcome(EntityType.CUSTOMER, Outcome.UNCHANGED, customer.sourceRef(), need.target,
                        outcomes.subject(customer), null);
                continue;
            }
            if (need.link != null) {
                need.target = need.link.target();
                continue;
            }
            Optional<NaturalKey> key = KeyLookup.keyOf(customer, run.flow.customerMatchKey());
            if (key.isPresent()) {
                lookups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(need);
            } else {
                need.create = true;
            }
        }
        return lookups;
    }

    private void settle(Need need, WriteResult result, Batch batch) {
        Ref ref = need.customer.sourceRef();
        if (result instanceof WriteResult.Written written) {
            need.target = written.target();
            batch.links.add(new Link(ref, written.target(), need.hash, run.now()));
            outcomes.outcome(EntityType.CUSTOMER, written.created() ? Outcome.CREATED : Outcome.UPDATED, ref, written.target(),
                    outcomes.subject(need.customer), null);
        } else if (result instanceof WriteResult.Failed failed) {
            need.target = null;
            need.failure = failed.error();
            // No retry entry of its own: the orders that need this customer wait in the queue.
            outcomes.outcome(EntityType.CUSTOMER, failed.error() instanceof TransientException
                    ? Outcome.RETRY_SCHEDULED : Outcome.REJECTED, ref, null, outcomes.subject(need.customer),
                    Redaction.redactText(String.valueOf(failed.error().getMessage())));
        }
    }
}

package io.possync.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Capability;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.LeaseLostException;
import io.possync.api.MappedRecord;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.Page;
import io.possync.api.PossyncException;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Sink;
import io.possync.api.StockLevel;
import io.possync.api.TransientException;
import io.possync.api.UpdateSink;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.internal.Json;
import io.possync.api.internal.Redaction;
import io.possync.core.ExistingOrderPolicy;
import io.possync.core.Flow;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.PlannedWrite;
import io.possync.core.Rejection;
import io.possync.core.RunStatus;
import io.possync.core.SyncEvent;
import io.possync.core.SyncReport;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.internal.validation.ControlCharacters;
import io.possync.core.state.Lease;
import io.possync.core.state.Link;
import io.possync.core.state.PageCommit;
import io.possync.core.state.RetryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of one flow: the per-page pipeline described in docs/architecture.md, "The run of a flow"
 * (filter, drop unchanged, enrich, resolve dependencies, map and validate, upsert, commit), the retry queue, and the lease.
 * Used by one thread.
 */
final class FlowRun {

    /** Per-record failures in one write batch above which, with no success at all, the target counts as down. */
    private static final int OUTAGE_THRESHOLD = 3;

    private final EngineContext ctx;
    private final KeyOwnership keyOwnership;
    private final Flow<CanonicalRecord> flow;
    private final UpdateSink<CanonicalRecord> sink;
    private final boolean dryRun;
    private final ReportBuilder report;
    private final Map<RequestCounter, Long> requestBaseline = new IdentityHashMap<>();
    private final Map<String, Ref> productCache = new HashMap<>();
    private CompiledMapping mapping;
    private CompiledMapping customerMapping;
    private Lease lease;

    @SuppressWarnings("unchecked")
    FlowRun(EngineContext ctx, Flow<?> flow, boolean dryRun) {
        this.keyOwnership = new KeyOwnership(ctx.store());
        this.ctx = ctx;
        this.flow = (Flow<CanonicalRecord>) flow;
        this.sink = this.flow.sink().orElse(null);
        this.dryRun = dryRun;
        this.report = new ReportBuilder(flow.name(), flow.entityType(), dryRun, ctx.clock().instant());
    }

    SyncReport execute() {
        for (Capability c : capabilities()) {
            if (c instanceof Metered m) {
                requestBaseline.putIfAbsent(m.requests(), m.requests().count());
            }
        }
        try {
            if (!dryRun) {
                Optional<Lease> acquired = ctx.store().tryAcquireLease(flow.name(), ctx.owner(), ctx.leaseDuration(), now());
                if (acquired.isEmpty()) {
                    return report.build(RunStatus.SKIPPED_LEASE_HELD, requests(), Optional.empty());
                }
                lease = acquired.get();
            }
            mapping = CompiledMapping.compile(flow.mapping());
            customerMapping = flow.customerMapping().map(CompiledMapping::compile).orElse(null);
            processRetries();
            processChanges();
            return report.build(RunStatus.COMPLETED, requests(), Optional.empty());
        } catch (RuntimeException e) {
            FlowFailure failure = FlowFailure.of(flow.name(), e, now());
            ctx.listeners().onFailure(failure);
            return report.build(RunStatus.FAILED, requests(), Optional.of(failure));
        } finally {
            if (lease != null) {
                try {
                    ctx.store().releaseLease(lease);
                } catch (RuntimeException ignored) {
                    // The lease lapses by itself; a failed release must not hide the run's result.
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading

    private void processRetries() {
        if (dryRun) {
            return;
        }
        List<RetryEntry> due = ctx.store().dueRetries(flow.name(), now(), flow.pageSize());
        if (due.isEmpty()) {
            return;
        }
        Batch batch = new Batch();
        List<CanonicalRecord> records = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (RetryEntry entry : due) {
            Optional<CanonicalRecord> fresh;
            try {
                fresh = flow.source().fetch(entry.source().id());
            } catch (RecordRejectedException e) {
                unreadable.add(e.withRecord(entry.source()));
                continue;
            }
            if (fresh.isPresent()) {
                records.add(fresh.get());
            } else {
                batch.resolved.add(entry.source());
                event(flow.entityType(), Outcome.SOURCE_GONE, entry.source(), null, "", null,
                        "no longer in " + flow.source().system() + "; dropped from the retry queue");
            }
        }
        process(records, batch, true);
        rejectUnreadable(unreadable, batch);
        commit(batch, Optional.empty());
    }

    /** Records the source could not convert wait in the retry queue like any rejected record (a retry re-reads them). */
    private void rejectUnreadable(List<RecordRejectedException> unreadable, Batch batch) {
        if (unreadable.isEmpty()) {
            return;
        }
        List<Ref> refs = unreadable.stream().map(e -> e.record().orElseThrow()).toList();
        Map<Ref, RetryEntry> existing = new HashMap<>(batch.existingRetries);
        if (!dryRun) {
            existing.putAll(ctx.store().retryEntries(flow.name(), refs));
        }
        batch.existingRetries = existing;
        for (RecordRejectedException e : unreadable) {
            Ref ref = e.record().orElseThrow();
            reject(batch, ref.type(), ref, "", e);
        }
    }

    private void processChanges() {
        Cursor cursor = ctx.store().cursor(flow.name()).orElse(Cursor.initial());
        boolean coalesce = flow.entityType() == EntityType.STOCK_LEVEL;
        java.util.concurrent.Future<Page<CanonicalRecord>> ahead = null;
        try {
            while (true) {
                Map<Ref, CanonicalRecord> collected = new LinkedHashMap<>();
                Map<Ref, RecordRejectedException> unreadable = new LinkedHashMap<>();
                Page<CanonicalRecord> page;
                do {
                    page = ahead != null ? awaitPage(ahead)
                            : flow.source().changesSince(cursor, coalesce ? flow.pageSize() : flow.pageSize() - collected.size());
                    ahead = null;
                    boolean progressed = !page.next().equals(cursor) || page.records().isEmpty();
                    if (page.hasMore() && !progressed) {
                        throw new IllegalStateException(flow.source().system() + " returned a page with more to come but"
                                + " did not move its cursor past " + cursor.value() + "; stopping to avoid a loop");
                    }
                    for (CanonicalRecord r : page.records()) {
                        // Last writer wins: a later change of the same record replaces the earlier one.
                        collected.remove(r.sourceRef());
                        unreadable.remove(r.sourceRef());
                        collected.put(r.sourceRef(), r);
                        report.count(flow.entityType(), Outcome.FETCHED);
                        event(flow.entityType(), Outcome.FETCHED, r.sourceRef(), null, subject(r), null, null);
                    }
                    for (RecordRejectedException e : page.unreadable()) {
                        Ref ref = e.record().orElseThrow();
                        collected.remove(ref);
                        unreadable.put(ref, e);
                        report.count(flow.entityType(), Outcome.FETCHED);
                        event(flow.entityType(), Outcome.FETCHED, ref, null, "", null, null);
                    }
                    cursor = page.next();
                } while (page.hasMore() && collected.size() < (coalesce ? flow.coalesceLimit() : flow.pageSize()));
                if (page.hasMore() && !coalesce && ctx.readAhead().isPresent()) {
                    // Read ahead on the host's executor: the next page is read while this one is written. The cursor
                    // still moves page by page.
                    Cursor next = cursor;
                    java.util.concurrent.FutureTask<Page<CanonicalRecord>> task =
                            new java.util.concurrent.FutureTask<>(() -> flow.source().changesSince(next, flow.pageSize()));
                    ctx.readAhead().get().execute(task);
                    ahead = task;
                }
                if (!collected.isEmpty() || !unreadable.isEmpty() || !dryRun) {
                    Batch batch = new Batch();
                    process(new ArrayList<>(collected.values()), batch, false);
                    rejectUnreadable(new ArrayList<>(unreadable.values()), batch);
                    commit(batch, Optional.of(cursor));
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

    /** The page read ahead; its failure is the read's failure. */
    private static Page<CanonicalRecord> awaitPage(java.util.concurrent.Future<Page<CanonicalRecord>> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.possync.api.TransientException("interrupted while reading the next page", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("reading the next page failed", e.getCause());
        }
    }

    private void commit(Batch batch, Optional<Cursor> cursor) {
        if (dryRun) {
            return;
        }
        PageCommit commit = new PageCommit(flow.name(), Optional.of(lease), batch.links, batch.retries, batch.resolved, cursor);
        if (!commit.isEmpty()) {
            ctx.store().commit(commit, now());
        }
        ensureLease();
    }

    /**
     * Renews the lease right before writing to a target, so a process that paused past its lease
     * (a long GC, a slow source) stops before writing instead of only at its next commit.
     */
    private void ensureLease() {
        if (lease != null) {
            lease = ctx.store().renewLease(lease, ctx.leaseDuration(), now()).orElseThrow(() -> new LeaseLostException(
                    "flow '" + flow.name() + "': the lease was lost before writing; another process now runs this flow"));
        }
    }

    // ---------------------------------------------------------------- the pipeline

    /** What one page adds to the state store. */
    private static final class Batch {
        final List<Link> links = new ArrayList<>();
        final List<RetryEntry> retries = new ArrayList<>();
        final List<Ref> resolved = new ArrayList<>();
        Map<Ref, RetryEntry> existingRetries = Map.of();
    }

    /** A record on its way through the pipeline. */
    private static final class Candidate {
        final CanonicalRecord record;
        final ObjectNode json;
        final String hash;
        final Link link;
        Ref target;
        boolean create;
        RecordRejectedException refused;

        Candidate(CanonicalRecord record, ObjectNode json, String hash, Link link) {
            this.record = record;
            this.json = json;
            this.hash = hash;
            this.link = link;
        }

        Ref ref() {
            return record.sourceRef();
        }
    }

    private void process(List<CanonicalRecord> records, Batch batch, boolean retrying) {
        if (records.isEmpty()) {
            return;
        }
        if (flow.statusSink().isPresent()) {
            processStatuses(records, batch, retrying);
            return;
        }
        Map<Ref, CanonicalRecord> unique = new LinkedHashMap<>();
        records.forEach(r -> {
            unique.remove(r.sourceRef());
            unique.put(r.sourceRef(), r);
        });
        List<Ref> refs = new ArrayList<>(unique.keySet());
        batch.existingRetries = dryRun ? Map.of() : ctx.store().retryEntries(flow.name(), refs);
        Map<Ref, Link> links = ctx.store().links(refs, sink.system());

        List<Candidate> candidates = new ArrayList<>();
        for (CanonicalRecord original : unique.values()) {
            Ref ref = original.sourceRef();
            if (retrying) {
                report.count(flow.entityType(), Outcome.RETRIED);
                event(flow.entityType(), Outcome.RETRIED, ref, null, subject(original), null, null);
            }
            if (!flow.filter().test(original)) {
                batch.resolved.add(ref);
                outcome(flow.entityType(), Outcome.FILTERED, ref, null, subject(original), null);
                continue;
            }
            CanonicalRecord record;
            try {
                record = prepare(original);
            } catch (RecordRejectedException e) {
                reject(batch, flow.entityType(), ref, subject(original), e);
                continue;
            }
            ObjectNode json = Json.MAPPER.valueToTree(record);
            if (record instanceof StockLevel stock) {
                json.put("quantity", flow.stockCalculation().quantity(stock));
            }
            String hash = ContentHash.of(json);
            Link link = links.get(ref);
            if (link != null && link.contentHash().equals(hash)) {
                batch.resolved.add(ref);
                outcome(flow.entityType(), Outcome.UNCHANGED, ref, link.target(), subject(record), null);
                continue;
            }
            Optional<RecordRejectedException> invalid = RecordValidator.check(record)
                    .or(() -> ControlCharacters.check(json, ref));
            if (invalid.isPresent()) {
                reject(batch, flow.entityType(), ref, subject(record), invalid.get());
                continue;
            }
            candidates.add(new Candidate(record, json, hash, link));
        }
        if (flow.entityType() == EntityType.ORDER) {
            expectOrderLookups(candidates);
            candidates = resolveOrderDependencies(candidates, batch);
        }
        decideWrites(candidates, batch);
        write(candidates, batch);
    }

    /**
     * An order-status flow: each changed order (of the ERP) is traced through the link the order flow
     * wrote to the order it came from, and its status is written there when it changed. The status
     * flow's own link (ERP order → origin, with a hash of the status) remembers what was written.
     */
    private void processStatuses(List<CanonicalRecord> records, Batch batch, boolean retrying) {
        io.possync.api.OrderStatusSink target = flow.statusSink().orElseThrow();
        Map<Ref, CanonicalRecord> unique = new LinkedHashMap<>();
        records.forEach(r -> unique.put(r.sourceRef(), r));
        List<Ref> refs = new ArrayList<>(unique.keySet());
        batch.existingRetries = dryRun ? Map.of() : ctx.store().retryEntries(flow.name(), refs);
        Map<Ref, Link> written = ctx.store().links(refs, target.system());
        for (CanonicalRecord record : unique.values()) {
            Order order = (Order) record;
            Ref ref = order.sourceRef();
            if (retrying) {
                report.count(EntityType.ORDER, Outcome.RETRIED);
                event(EntityType.ORDER, Outcome.RETRIED, ref, null, subject(order), null, null);
            }
            if (!flow.filter().test(order)) {
                batch.resolved.add(ref);
                outcome(EntityType.ORDER, Outcome.FILTERED, ref, null, subject(order), null);
                continue;
            }
            Optional<Ref> origin = ctx.store().linkByTarget(ref).map(Link::source)
                    .filter(source -> source.system().equals(target.system()));
            if (origin.isEmpty()) {
                batch.resolved.add(ref);
                outcome(EntityType.ORDER, Outcome.WARNING, ref, null, subject(order), "no " + target.system()
                        + " order is linked to this order (it was not synced from there); status not written");
                continue;
            }
            String hash = "status:" + order.status();
            Link previous = written.get(ref);
            if (previous != null && previous.contentHash().equals(hash)) {
                batch.resolved.add(ref);
                outcome(EntityType.ORDER, Outcome.UNCHANGED, ref, origin.get(), subject(order), null);
                continue;
            }
            if (dryRun) {
                report.planned(new PlannedWrite(EntityType.ORDER, PlannedWrite.Action.UPDATE, ref, origin,
                        JsonNodeFactory.instance.objectNode().put("status", order.status().name())));
                outcome(EntityType.ORDER, Outcome.WOULD_UPDATE, ref, origin.get(), subject(order), null);
                continue;
            }
            ensureLease();
            try {
                target.writeStatus(origin.get(), order.status());
                batch.links.add(new Link(ref, origin.get(), hash, now()));
                batch.resolved.add(ref);
                outcome(EntityType.ORDER, Outcome.UPDATED, ref, origin.get(), subject(order), null);
            } catch (RecordRejectedException | TransientException e) {
                reject(batch, EntityType.ORDER, ref, subject(order), e);
            }
        }
    }

    private CanonicalRecord prepare(CanonicalRecord record) {
        CanonicalRecord r = record;
        if (r instanceof Customer c) {
            r = withDerivedKind(c);
        } else if (r instanceof Order o && flow.orderKind().isPresent() && o.kind() != flow.orderKind().get()) {
            r = o.toBuilder().kind(flow.orderKind().get()).build();
        }
        CanonicalRecord enriched = flow.enricher().apply(r);
        if (enriched == null || !enriched.sourceRef().equals(record.sourceRef())) {
            throw RecordRejectedException.builder("the flow's enrich function returned "
                    + (enriched == null ? "null" : "a record with another source ref")).record(record.sourceRef()).build();
        }
        return enriched;
    }

    private static Customer withDerivedKind(Customer c) {
        CustomerKind kind = c.companyName().filter(n -> !n.isBlank()).isPresent() ? CustomerKind.COMPANY : CustomerKind.PERSON;
        return kind == c.kind() ? c : c.toBuilder().kind(kind).build();
    }

    /**
     * Finds existing target records: by link, else by natural key in one batch lookup. A key found in the
     * target that is linked to another source record, or shared by two records of this page, rejects the
     * newcomer ({@link KeyOwnership}); stock levels share SKUs by design and are exempt.
     */
    private void decideWrites(List<Candidate> candidates, Batch batch) {
        Map<NaturalKey, List<Candidate>> lookups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.link != null) {
                c.target = c.link.target();
            } else {
                Optional<NaturalKey> key = naturalKey(c.record, flow.matchKey());
                if (key.isPresent()) {
                    lookups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(c);
                } else {
                    c.create = true;
                }
            }
        }
        if (!lookups.isEmpty()) {
            Lookup result = lookup(sink, lookups.keySet());
            boolean unique = flow.entityType() != EntityType.STOCK_LEVEL;
            lookups.forEach((key, list) -> {
                Ref target = result.found().get(key);
                RecordRejectedException refused = result.refused().get(key);
                Optional<Ref> owner = unique && target != null && refused == null
                        ? keyOwnership.otherOwner(target, list.get(0).ref()) : Optional.empty();
                for (Candidate c : list) {
                    if (refused != null) {
                        c.refused = refused;
                    } else if (owner.isPresent()) {
                        c.refused = KeyOwnership.conflict(key, c.ref(), owner.get());
                    } else if (unique && c != list.get(0) && !c.ref().equals(list.get(0).ref())) {
                        c.refused = KeyOwnership.conflict(key, c.ref(), list.get(0).ref());
                    } else if (target != null) {
                        c.target = target;
                    } else {
                        c.create = true;
                    }
                }
            });
        }
    }

    private void write(List<Candidate> candidates, Batch batch) {
        List<Write<CanonicalRecord>> writes = new ArrayList<>();
        Map<Write<CanonicalRecord>, Candidate> byWrite = new IdentityHashMap<>();
        for (Candidate c : candidates) {
            Ref ref = c.ref();
            if (c.refused != null) {
                reject(batch, flow.entityType(), ref, subject(c.record), c.refused);
                continue;
            }
            if (flow.entityType() == EntityType.STOCK_LEVEL && c.create) {
                batch.resolved.add(ref);
                outcome(EntityType.STOCK_LEVEL, Outcome.WARNING, ref, null, subject(c.record),
                        "product '" + ((StockLevel) c.record).sku() + "' does not exist in " + sink.system()
                                + "; stock not written");
                continue;
            }
            if (flow.entityType() == EntityType.ORDER && c.target != null) {
                ExistingOrderPolicy policy = flow.existingOrders();
                if (policy == ExistingOrderPolicy.SKIP) {
                    if (!dryRun) {
                        batch.links.add(new Link(ref, c.target, c.hash, now()));
                    }
                    batch.resolved.add(ref);
                    outcome(EntityType.ORDER, Outcome.SKIPPED_EXISTING, ref, c.target, subject(c.record), null);
                    continue;
                }
                if (policy == ExistingOrderPolicy.FAIL) {
                    reject(batch, EntityType.ORDER, ref, subject(c.record), RecordRejectedException.builder(
                            "the order already exists in " + sink.system() + " as " + c.target.id()
                                    + " and the flow's policy is FAIL").record(ref).fieldPath("number").build());
                    continue;
                }
            }
            ObjectNode fields;
            try {
                fields = mapping.apply(c.json, ref, !c.create);
            } catch (RecordRejectedException e) {
                reject(batch, flow.entityType(), ref, subject(c.record), e);
                continue;
            }
            MappedRecord<CanonicalRecord> mapped = new MappedRecord<>(c.record, fields);
            Write<CanonicalRecord> w = c.create ? new Write.Create<>(mapped) : new Write.Update<>(c.target, mapped);
            writes.add(w);
            byWrite.put(w, c);
        }
        if (writes.isEmpty()) {
            return;
        }
        if (dryRun) {
            for (Write<CanonicalRecord> w : writes) {
                plan(flow.entityType(), w, byWrite.get(w).record);
            }
            return;
        }
        ensureLease();
        List<WriteResult> results = send(sink, writes);
        for (int i = 0; i < writes.size(); i++) {
            Candidate c = byWrite.get(writes.get(i));
            WriteResult result = results.get(i);
            if (result instanceof WriteResult.Written written) {
                batch.links.add(new Link(c.ref(), written.target(), c.hash, now()));
                batch.resolved.add(c.ref());
                outcome(flow.entityType(), written.created() ? Outcome.CREATED : Outcome.UPDATED, c.ref(), written.target(),
                        subject(c.record), null);
            } else if (result instanceof WriteResult.Failed failed) {
                reject(batch, flow.entityType(), c.ref(), subject(c.record), failed.error());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<WriteResult> send(UpdateSink<? extends CanonicalRecord> sink, List<Write<CanonicalRecord>> writes) {
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

    // ---------------------------------------------------------------- order dependencies

    /** The customer of a group of orders, keyed by match key (or by source ref when it has none). */
    private static final class CustomerNeed {
        Customer customer;
        final List<Candidate> orders = new ArrayList<>();
        Ref target;
        String hash;
        Link link;
        ObjectNode json;
        /** The customer's JSON inside its (validated) order's JSON, when the customer is that snapshot unchanged. */
        ObjectNode embedded;
        boolean create;
        PossyncException customerFailure;
    }

    private List<Candidate> resolveOrderDependencies(List<Candidate> orders, Batch batch) {
        Set<Candidate> rejected = new LinkedHashSet<>();
        Map<Candidate, Ref> customerOf = new HashMap<>();
        Optional<Sink<Customer>> customerSink = flow.customerSink();

        Map<String, CustomerNeed> needs = new LinkedHashMap<>();
        for (Candidate c : orders) {
            Order order = (Order) c.record;
            if (order.customer().isPresent() && customerSink.isPresent()) {
                Customer customer = withDerivedKind(order.customer().get());
                String key = naturalKey(customer, flow.customerMatchKey()).map(NaturalKey::toString)
                        .orElse("ref=" + customer.sourceRef());
                CustomerNeed need = needs.computeIfAbsent(key, k -> new CustomerNeed());
                if (need.customer == null || !customer.modifiedAt().isBefore(need.customer.modifiedAt())) {
                    need.customer = customer;
                    need.embedded = customer == order.customer().get() && c.json.get("customer") instanceof ObjectNode o ? o : null;
                }
                need.orders.add(c);
            } else if (flow.defaultDebtor().isPresent()) {
                customerOf.put(c, flow.defaultDebtor().get());
            } else if (customerSink.isPresent()) {
                rejected.add(c);
                reject(batch, EntityType.ORDER, c.ref(), subject(order), RecordRejectedException.builder(
                        "the order has no customer and the flow has no default debtor").fieldPath("customer").build());
            }
        }
        if (!needs.isEmpty()) {
            resolveCustomers(customerSink.get(), needs, batch);
            for (CustomerNeed need : needs.values()) {
                for (Candidate c : need.orders) {
                    if (need.target == null) {
                        rejected.add(c);
                    } else {
                        customerOf.put(c, need.target);
                    }
                }
            }
        }
        for (CustomerNeed need : needs.values()) {
            if (need.target == null) {
                PossyncException cause = need.customerFailure != null ? need.customerFailure
                        : RecordRejectedException.builder("no target customer was found or created").build();
                for (Candidate c : need.orders) {
                    reject(batch, EntityType.ORDER, c.ref(), subject(c.record), withPrefix(cause,
                            "the order's customer could not be synced: ", "customer."));
                }
            }
        }

        Map<Candidate, Map<String, Ref>> productsOf = new HashMap<>();
        if (flow.productSink().isPresent()) {
            UpdateSink<Product> products = flow.productSink().get();
            Set<NaturalKey> unknown = unknownSkus(orders.stream().filter(c -> !rejected.contains(c)).toList());
            if (!unknown.isEmpty()) {
                lookup(products, unknown).found().forEach((k, ref) -> productCache.put(k.value(), ref));
            }
            for (Candidate c : orders) {
                if (rejected.contains(c)) {
                    continue;
                }
                List<OrderLine> lines = ((Order) c.record).lines();
                Map<String, Ref> found = new LinkedHashMap<>();
                for (int i = 0; i < lines.size(); i++) {
                    String sku = lines.get(i).sku();
                    Ref ref = productCache.get(sku);
                    if (ref == null) {
                        rejected.add(c);
                        reject(batch, EntityType.ORDER, c.ref(), subject(c.record), RecordRejectedException.builder(
                                "product '" + sku + "' does not exist in " + products.system())
                                .fieldPath("lines[" + i + "].sku").build());
                        break;
                    }
                    found.put(sku, ref);
                }
                productsOf.put(c, found);
            }
        }

        List<Candidate> ready = new ArrayList<>();
        for (Candidate c : orders) {
            if (rejected.contains(c)) {
                continue;
            }
            ObjectNode links = JsonNodeFactory.instance.objectNode();
            Ref customer = customerOf.get(c);
            if (customer != null) {
                links.put("customerId", customer.id());
            }
            ObjectNode products = links.putObject("products");
            productsOf.getOrDefault(c, Map.of()).forEach((sku, ref) -> products.put(sku, ref.id()));
            c.json.set("links", links);
            ready.add(c);
        }
        return ready;
    }

    private void resolveCustomers(Sink<Customer> sink, Map<String, CustomerNeed> needs, Batch batch) {
        List<Ref> refs = needs.values().stream().map(n -> n.customer.sourceRef()).toList();
        Map<Ref, Link> links = ctx.store().links(refs, sink.system());
        Map<NaturalKey, List<CustomerNeed>> lookups = new LinkedHashMap<>();
        for (CustomerNeed need : needs.values()) {
            Customer customer = need.customer;
            need.json = need.embedded != null ? need.embedded : Json.MAPPER.valueToTree(customer);
            need.hash = ContentHash.of(need.json);
            need.link = links.get(customer.sourceRef());
            // an embedded snapshot was validated with its order (the order cascades into it)
            Optional<RecordRejectedException> invalid = need.embedded != null ? Optional.empty()
                    : RecordValidator.check(customer).or(() -> ControlCharacters.check(need.json, customer.sourceRef()));
            if (invalid.isPresent()) {
                need.customerFailure = invalid.get();
                continue;
            }
            if (need.link != null && need.link.contentHash().equals(need.hash)) {
                need.target = need.link.target();
                outcome(EntityType.CUSTOMER, Outcome.UNCHANGED, customer.sourceRef(), need.target, subject(customer), null);
                continue;
            }
            if (need.link != null) {
                need.target = need.link.target();
                continue;
            }
            Optional<NaturalKey> key = naturalKey(customer, flow.customerMatchKey());
            if (key.isPresent()) {
                lookups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(need);
            } else {
                need.create = true;
            }
        }
        if (!lookups.isEmpty()) {
            Lookup result = lookup(sink, lookups.keySet());
            lookups.forEach((key, list) -> list.forEach(need -> {
                need.customerFailure = result.refused().get(key);
                need.target = result.found().get(key);
                need.create = need.target == null && need.customerFailure == null;
            }));
        }
        List<Write<Customer>> writes = new ArrayList<>();
        Map<Write<Customer>, CustomerNeed> byWrite = new IdentityHashMap<>();
        for (CustomerNeed need : needs.values()) {
            if (need.customerFailure != null || (need.link != null && need.link.contentHash().equals(need.hash))) {
                continue;
            }
            ObjectNode fields;
            try {
                fields = customerMapping.apply(need.json, need.customer.sourceRef(), !need.create);
            } catch (RecordRejectedException e) {
                need.customerFailure = e;
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
        if (dryRun) {
            for (Write<Customer> w : writes) {
                CustomerNeed need = byWrite.get(w);
                plan(EntityType.CUSTOMER, w, need.customer);
                if (need.target == null) {
                    need.target = new Ref(sink.system(), EntityType.CUSTOMER, "(new)");
                }
            }
            return;
        }
        ensureLease();
        List<WriteResult> results = sink.writeAll(writes);
        for (int i = 0; i < writes.size(); i++) {
            CustomerNeed need = byWrite.get(writes.get(i));
            WriteResult result = results.get(i);
            Ref ref = need.customer.sourceRef();
            if (result instanceof WriteResult.Written written) {
                need.target = written.target();
                batch.links.add(new Link(ref, written.target(), need.hash, now()));
                outcome(EntityType.CUSTOMER, written.created() ? Outcome.CREATED : Outcome.UPDATED, ref, written.target(),
                        subject(need.customer), null);
            } else if (result instanceof WriteResult.Failed failed) {
                need.target = null;
                need.customerFailure = failed.error();
                // No retry entry of its own: the orders that need this customer wait in the queue.
                outcome(EntityType.CUSTOMER, failed.error() instanceof TransientException
                        ? Outcome.RETRY_SCHEDULED : Outcome.REJECTED, ref, null, subject(need.customer),
                        Redaction.redactText(String.valueOf(failed.error().getMessage())));
            }
        }
    }

    private static PossyncException withPrefix(PossyncException e, String prefix, String fieldPrefix) {
        if (e instanceof RecordRejectedException r) {
            return RecordRejectedException.builder(prefix + r.reason())
                    .fieldPath(r.fieldPath().map(f -> fieldPrefix + f).orElse(fieldPrefix.substring(0, fieldPrefix.length() - 1)))
                    .vendorCode(r.vendorCode().orElse(null)).cause(r).build();
        }
        return new TransientException(prefix + e.getMessage(), e instanceof TransientException t ? t.retryAfter().orElse(null) : null,
                null, e);
    }

    // ---------------------------------------------------------------- outcomes

    private void reject(Batch batch, EntityType type, Ref ref, String subject, PossyncException error) {
        boolean passing = error instanceof TransientException;
        String reason = Redaction.redactText(error instanceof RecordRejectedException r
                ? r.reason() + r.vendorCode().map(c -> " (vendor code " + c + ")").orElse("")
                : String.valueOf(error.getMessage()));
        Optional<String> field = error instanceof RecordRejectedException r ? r.fieldPath() : Optional.empty();
        RetryEntry previous = batch.existingRetries.get(ref);
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        Instant now = now();
        batch.retries.add(new RetryEntry(flow.name(), ref, reason, field, attempts,
                previous == null ? now : previous.firstFailedAt(), now.plus(flow.retrySchedule().delayAfter(attempts))));
        report.rejection(new Rejection(type, ref, field, reason, passing));
        outcome(type, passing ? Outcome.RETRY_SCHEDULED : Outcome.REJECTED, ref, null, subject, field.orElse(null), reason);
    }

    private void outcome(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String reason) {
        outcome(type, outcome, source, target, subject, null, reason);
    }

    private void outcome(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String field, String reason) {
        report.count(type, outcome);
        event(type, outcome, source, target, subject, field, reason);
    }

    private void event(EntityType type, Outcome outcome, Ref source, Ref target, String subject, String field, String reason) {
        ctx.listeners().onEvent(new SyncEvent(flow.name(), type, outcome, source, Optional.ofNullable(target), subject,
                Optional.ofNullable(field), Optional.ofNullable(reason), now()));
    }

    private <R extends CanonicalRecord> void plan(EntityType type, Write<R> w, CanonicalRecord record) {
        boolean create = w instanceof Write.Create;
        Optional<Ref> target = w instanceof Write.Update<R> u ? Optional.of(u.target()) : Optional.empty();
        JsonNode fields = ctx.redactPersonalData() ? Redaction.redactJson(w.record().fields()) : w.record().fields();
        report.planned(new PlannedWrite(type, create ? PlannedWrite.Action.CREATE : PlannedWrite.Action.UPDATE,
                record.sourceRef(), target, fields));
        outcome(type, create ? Outcome.WOULD_CREATE : Outcome.WOULD_UPDATE, record.sourceRef(), target.orElse(null),
                subject(record), null);
    }

    private String subject(CanonicalRecord record) {
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
        return ctx.redactPersonalData() ? Redaction.pseudonym(email.get()) : email.get();
    }

    // ---------------------------------------------------------------- helpers

    /** Found refs, and keys the target refused to look up (a malformed key), from one batch lookup. */
    private record Lookup(Map<NaturalKey, Ref> found, Map<NaturalKey, RecordRejectedException> refused) {
    }

    /**
     * Tells the order sink which order numbers, and the product sink which unknown SKUs, they will be
     * asked for once the customers are resolved, so a connector can send those lookups along with the
     * customers' requests
     * ({@link UpdateSink#expectLookups}).
     */
    private void expectOrderLookups(List<Candidate> candidates) {
        if (sink == null || flow.customerSink().isEmpty()) {
            return;
        }
        Set<NaturalKey> keys = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (c.link == null) {
                naturalKey(c.record, flow.matchKey()).ifPresent(keys::add);
            }
        }
        if (!keys.isEmpty()) {
            sink.expectLookups(keys);
        }
        if (flow.productSink().isPresent()) {
            Set<NaturalKey> unknown = unknownSkus(candidates);
            if (!unknown.isEmpty()) {
                flow.productSink().get().expectLookups(unknown);
            }
        }
    }

    /** The SKUs of {@code orders}' lines not yet known to exist in the target. */
    private Set<NaturalKey> unknownSkus(List<Candidate> orders) {
        Set<NaturalKey> unknown = new LinkedHashSet<>();
        for (Candidate c : orders) {
            for (OrderLine line : ((Order) c.record).lines()) {
                if (!productCache.containsKey(line.sku())) {
                    unknown.add(NaturalKey.sku(line.sku()));
                }
            }
        }
        return unknown;
    }

    /**
     * Looks {@code keys} up in one batch; when the target refuses the batch, looks each key up alone so
     * one malformed key cannot block the page.
     */
    private static Lookup lookup(UpdateSink<?> sink, Set<NaturalKey> keys) {
        try {
            return new Lookup(sink.findAll(keys), Map.of());
        } catch (RecordRejectedException batchRefused) {
            Map<NaturalKey, Ref> found = new LinkedHashMap<>();
            Map<NaturalKey, RecordRejectedException> refused = new LinkedHashMap<>();
            for (NaturalKey key : keys) {
                try {
                    sink.find(key).ifPresent(ref -> found.put(key, ref));
                } catch (RecordRejectedException e) {
                    refused.put(key, e);
                }
            }
            return new Lookup(found, refused);
        }
    }

    private static Optional<NaturalKey> naturalKey(CanonicalRecord record, KeyType type) {
        Optional<String> value = switch (type) {
            case EMAIL -> record instanceof Customer c ? c.email() : Optional.empty();
            case CUSTOMER_NUMBER -> Optional.of(record.sourceRef().id());
            case SKU -> record instanceof Product p ? Optional.of(p.sku())
                    : record instanceof StockLevel s ? Optional.of(s.sku()) : Optional.empty();
            case EAN -> record instanceof Product p ? p.ean() : Optional.empty();
            case ORDER_NUMBER -> record instanceof Order o ? Optional.of(o.number()) : Optional.empty();
        };
        return value.filter(v -> !v.isBlank()).map(v -> new NaturalKey(type, v));
    }

    private Instant now() {
        return ctx.clock().instant();
    }

    private List<Capability> capabilities() {
        List<Capability> all = new ArrayList<>();
        all.add(flow.source());
        flow.sink().ifPresent(all::add);
        flow.statusSink().ifPresent(all::add);
        flow.customerSink().ifPresent(all::add);
        flow.productSink().ifPresent(all::add);
        return all;
    }

    /** Requests per system since the run started; capabilities sharing one counter are counted once. */
    private Map<String, Long> requests() {
        Map<String, Long> bySystem = new LinkedHashMap<>();
        Set<RequestCounter> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Capability c : capabilities()) {
            if (c instanceof Metered m && seen.add(m.requests())) {
                long delta = m.requests().count() - requestBaseline.getOrDefault(m.requests(), 0L);
                bySystem.merge(c.system(), delta, Long::sum);
            }
        }
        return bySystem;
    }
}

package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.WriteResult;
import io.possync.api.http.ApiRequest;
import io.possync.api.internal.Json;
import io.possync.api.internal.Unreadable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading and writing one API v2.0 entity set: incremental pages by {@code lastModifiedDateTime}
 * with an overlap window, lookups by natural key with {@code in} filters, and writes through
 * {@code $batch} with per-operation results, etags on updates, and recovery of writes whose answer
 * was lost (looked up by natural key before anything is sent again).
 */
public final class EntityEndpoint<T extends CanonicalRecord> {

    /** What differs between entity sets. */
    public record Shape<T>(String entitySet, String edmType, EntityType entityType, Map<KeyType, String> keyFields,
                           Optional<String> linesSet, Optional<String> lineType, String recoveryField,
                           Function<JsonNode, T> toCanonical, java.util.function.UnaryOperator<ObjectNode> onCreate) {

        /** A shape whose creates send the mapped fields as they are. */
        public Shape(String entitySet, String edmType, EntityType entityType, Map<KeyType, String> keyFields,
                     Optional<String> linesSet, Optional<String> lineType, String recoveryField, Function<JsonNode, T> toCanonical) {
            this(entitySet, edmType, entityType, keyFields, linesSet, lineType, recoveryField, toCanonical, f -> f);
        }
    }

    private final BusinessCentralSession session;
    /**
     * Etags seen in lookups, by id: a record looked up and then updated in the same page needs no second
     * read for its etag (a stale one meets 409 and is re-read then). Bounded; entries go when used.
     */
    private final Map<String, String> lookedUpEtags = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 10_000;
                }
            });
    private final Shape<T> shape;

    /** An endpoint for {@code shape} in {@code session}'s company. */
    public EntityEndpoint(BusinessCentralSession session, Shape<T> shape) {
        this.session = session;
        this.shape = shape;
    }

    private String collection() {
        return session.companyPath() + "/" + shape.entitySet();
    }

    private Ref ref(String id) {
        return new Ref(BusinessCentral.SYSTEM, shape.entityType(), id);
    }

    // ------------------------------------------------------------------ reading

    /** One page of changes after {@code cursor}. */
    public Page<T> changesSince(Cursor cursor, int limit) {
        ObjectNode state = parse(cursor);
        String since = state.path("since").asText("");
        JsonNode page;
        String prefer = "odata.maxpagesize=" + Math.min(limit, session.settings().connection().pageSize());
        if (state.hasNonNull("next")) {
            page = session.read(ApiRequest.get(state.get("next").asText()).header("Prefer", prefer).build());
        } else {
            ApiRequest.Builder request = ApiRequest.get(collection()).header("Prefer", prefer)
                    .query("$orderby", "lastModifiedDateTime asc");
            if (!since.isEmpty()) {
                Instant from = Instant.parse(since).minus(session.settings().overlap());
                request.query("$filter", "lastModifiedDateTime ge " + from);
            }
            shape.linesSet().ifPresent(lines -> request.query("$expand", lines));
            page = session.read(request.build());
        }
        List<T> records = new ArrayList<>();
        List<io.possync.api.RecordRejectedException> unreadable = new ArrayList<>();
        String max = state.path("max").asText(since);
        int position = 0;
        for (JsonNode row : page.path("value")) {
            position++;
            try {
                records.add(shape.toCanonical().apply(row));
            } catch (RuntimeException e) {
                // One row in a shape we cannot read; the rest of the page goes on.
                unreadable.add(Unreadable.record(new Ref(BusinessCentral.SYSTEM, shape.entityType(), rowId(row, position)), e));
            }
            Optional<Instant> modified = instant(row.path("lastModifiedDateTime"));
            if (modified.isPresent() && (max.isEmpty() || modified.get().isAfter(Instant.parse(max)))) {
                max = modified.get().toString();
            }
        }
        String nextLink = page.path("@odata.nextLink").asText("");
        ObjectNode next = JsonNodeFactory.instance.objectNode();
        if (!nextLink.isEmpty()) {
            next.put("since", since).put("max", max).put("next", nextLink);
            return new Page<>(records, unreadable, Cursor.of(next.toString()), true);
        }
        if (!max.isEmpty()) {
            next.put("since", max);
        }
        return new Page<>(records, unreadable, next.isEmpty() ? cursor : Cursor.of(next.toString()), false);
    }

    /** A row's id for naming it, or its position when it has none. */
    public static String rowId(JsonNode row, int position) {
        JsonNode id = row.path("id");
        return id.isValueNode() && !id.asText("").isBlank() ? id.asText() : "(no id, row " + position + ")";
    }

    private static Optional<Instant> instant(JsonNode value) {
        try {
            return value.isTextual() && !value.asText().isEmpty() ? Optional.of(Instant.parse(value.asText())) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode parse(Cursor cursor) {
        if (cursor.isInitial()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return (ObjectNode) Json.MAPPER.readTree(cursor.value());
        } catch (IOException | ClassCastException e) {
            throw new io.possync.api.ConfigurationException("businesscentral.cursor", "the stored cursor is not one this"
                    + " connector wrote: " + cursor.value());
        }
    }

    /** The row with {@code id}, or empty when it no longer exists. */
    public Optional<T> fetch(String id) {
        String path = collection() + "(" + id + ")" + shape.linesSet().map(l -> "?$expand=" + l).orElse("");
        return session.readOptional(path).map(shape.toCanonical());
    }

    // ------------------------------------------------------------------ lookups

    /** The rows for {@code keys}, looked up with {@code in} filters in chunks. */
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return findAll(keys, Optional.empty());
    }

    /** The rows for {@code keys} that also match {@code condition} (an OData filter term). */
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys, Optional<String> condition) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        List<NaturalKey> remaining = new ArrayList<>(keys);
        Prefetch carried = dropExpected();
        if (carried != null && carried.condition().equals(condition)) {
            remaining.removeIf(key -> carried.answer(key, found));
        }
        List<Lookup> lookups = lookups(remaining, condition);
        List<JsonNode> pages = session.lookups(lookups.stream().map(Lookup::request).toList());
        for (int i = 0; i < lookups.size(); i++) {
            absorb(lookups.get(i), pages.get(i), found);
        }
        return found;
    }

    /**
     * Notes that {@link #findAll} will soon be asked for {@code keys}: the lookups travel with the next
     * {@code $batch} the session sends anyway (a customer lookup or write), so that {@code findAll}
     * needs no request of its own. Keys whose lookup did not travel are looked up as usual.
     */
    public void expectLookups(Collection<NaturalKey> keys, Optional<String> condition) {
        List<Lookup> lookups = lookups(new ArrayList<>(keys), condition);
        Prefetch p = new Prefetch(condition, lookups.stream().map(l -> new CarriedLookup(l, this)).toList());
        dropExpected();
        expected.set(p);
        session.carry(p.lookups());
    }

    private final java.util.concurrent.atomic.AtomicReference<Prefetch> expected = new java.util.concurrent.atomic.AtomicReference<>();

    /** Takes the expected lookups away (withdrawn from the session if they have not travelled yet); null when none. */
    private Prefetch dropExpected() {
        Prefetch p = expected.getAndSet(null);
        if (p != null) {
            session.withdraw(p.lookups());
        }
        return p;
    }

    /** One {@code in} lookup: the request and the keys it asks for. */
    private record Lookup(ApiRequest request, String field, List<NaturalKey> keys) {
    }

    /** Lookups expected for one condition. */
    private record Prefetch(Optional<String> condition, List<CarriedLookup> lookups) {
        /** Whether {@code key} was answered; puts it into {@code found} when it exists. */
        boolean answer(NaturalKey key, Map<NaturalKey, Ref> found) {
            for (CarriedLookup l : lookups) {
                if (l.found != null && l.lookup.keys().contains(key)) {
                    Ref ref = l.found.get(key);
                    if (ref != null) {
                        found.put(key, ref);
                    }
                    return true;
                }
            }
            return false;
        }
    }

    /** A lookup travelling with another request; {@code found} is set once its answer came back. */
    private static final class CarriedLookup implements BusinessCentralSession.CarriedLookup {
        private final Lookup lookup;
        private final EntityEndpoint<?> endpoint;
        private volatile Map<NaturalKey, Ref> found;

        CarriedLookup(Lookup lookup, EntityEndpoint<?> endpoint) {
            this.lookup = lookup;
            this.endpoint = endpoint;
        }

        @Override
        public String url() {
            return io.possync.api.http.HttpApi.pathWithQuery(lookup.request());
        }

        @Override
        public void answered(JsonNode inner) {
            if (inner.path("status").asInt() == 200) {
                Map<NaturalKey, Ref> result = new LinkedHashMap<>();
                endpoint.absorb(lookup, inner.path("body"), result);
                found = result;
            }
        }
    }

    private List<Lookup> lookups(List<NaturalKey> keys, Optional<String> condition) {
        List<Lookup> lookups = new ArrayList<>();
        Map<KeyType, List<NaturalKey>> byType = new LinkedHashMap<>();
        keys.forEach(k -> byType.computeIfAbsent(k.type(), t -> new ArrayList<>()).add(k));
        for (Map.Entry<KeyType, List<NaturalKey>> e : byType.entrySet()) {
            String field = shape.keyFields().get(e.getKey());
            if (field == null) {
                throw new IllegalArgumentException("Business Central " + shape.entitySet() + " cannot be searched by " + e.getKey());
            }
            int max = MaxLengths.of(shape.edmType(), field);
            // A value longer than the field cannot exist, and BC would answer Application_FilterErrorException.
            List<NaturalKey> searchable = e.getValue().stream().filter(k -> max < 0 || k.value().length() <= max).toList();
            Map<String, NaturalKey> byLiteral = new LinkedHashMap<>();
            searchable.forEach(k -> byLiteral.putIfAbsent(BusinessCentralSession.literal(k.value()), k));
            for (List<String> literals : session.inChunks(new ArrayList<>(byLiteral.keySet()))) {
                List<NaturalKey> chunk = literals.stream().map(byLiteral::get).toList();
                StringBuilder filter = new StringBuilder(field).append(" in (").append(String.join(",", literals)).append(')');
                condition.ifPresent(c -> filter.append(" and ").append(c));
                lookups.add(new Lookup(BusinessCentralSession.inFilter(collection(), filter.toString()).query("$select", "id," + field)
                        .build(), field, List.copyOf(chunk)));
            }
        }
        return lookups;
    }

    private void absorb(Lookup lookup, JsonNode page, Map<NaturalKey, Ref> found) {
        Map<String, String> idByValue = new HashMap<>();
        for (JsonNode row : rows(page)) {
            idByValue.putIfAbsent(row.path(lookup.field()).asText().toLowerCase(Locale.ROOT), row.path("id").asText());
            if (row.hasNonNull("@odata.etag")) {
                lookedUpEtags.put(row.path("id").asText(), row.get("@odata.etag").asText());
            }
        }
        for (NaturalKey key : lookup.keys()) {
            String id = idByValue.get(key.value().toLowerCase(Locale.ROOT));
            if (id != null) {
                found.put(key, ref(id));
            }
        }
    }

    // ------------------------------------------------------------------ writes

    /** Performs the writes through {@code $batch}, one result per write, in order. */
    public List<WriteResult> writeAll(List<? extends Write<T>> writes) {
        // Answers fetched before these writes must not answer a lookup made after them (a lost answer's read-back).
        dropExpected();
        WriteResult[] results = new WriteResult[writes.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write<T> w = writes.get(i);
            try {
                MaxLengths.check(shape.edmType(), w.record().fields(), shape.linesSet().orElse(null), shape.lineType().orElse(null));
                pending.add(i);
            } catch (RecordRejectedException e) {
                results[i] = new WriteResult.Failed(w.record().sourceRef(), e.withRecord(w.record().sourceRef()));
            }
        }
        Map<String, String> etags = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i : pending) {
            if (writes.get(i) instanceof Write.Update<T> u) {
                String seen = lookedUpEtags.remove(u.target().id());
                if (seen != null) {
                    etags.put(u.target().id(), seen);
                } else {
                    unknown.add(u.target().id());
                }
            }
        }
        etags.putAll(etags(unknown));
        int size = session.settings().batchSize();
        for (int from = 0; from < pending.size(); from += size) {
            List<Integer> chunk = pending.subList(from, Math.min(pending.size(), from + size));
            sendChunk(writes, chunk, etags, results, true);
        }
        List<WriteResult> out = new ArrayList<>(writes.size());
        for (WriteResult r : results) {
            out.add(r);
        }
        return out;
    }

    private void sendChunk(List<? extends Write<T>> writes, List<Integer> chunk, Map<String, String> etags,
                           WriteResult[] results, boolean mayRecover) {
        sendChunk(writes, chunk, etags, results, mayRecover, true);
    }

    /**
     * Sends {@code chunk} as one {@code $batch}. Updates answered 409 (another user changed the record) are,
     * when {@code batchStale}, sent again as one batch with etags read in one request; a second 409 is
     * applied once more on its own.
     */
    private void sendChunk(List<? extends Write<T>> writes, List<Integer> chunk, Map<String, String> etags,
                           WriteResult[] results, boolean mayRecover, boolean batchStale) {
        List<BusinessCentralSession.BatchOp> ops = new ArrayList<>();
        for (int i : chunk) {
            ops.add(op(writes.get(i), etags));
        }
        List<JsonNode> answers;
        try {
            answers = session.batch(ops);
        } catch (WriteOutcomeUnknownException lost) {
            if (mayRecover) {
                recover(writes, chunk, etags, results);
            } else {
                BatchResults.failAll(chunk, writes, lost, results);
            }
            return;
        } catch (TransientException | RecordRejectedException e) {
            BatchResults.failAll(chunk, writes, e, results);
            return;
        }
        List<Integer> stale = new ArrayList<>();
        for (int k = 0; k < chunk.size(); k++) {
            int i = chunk.get(k);
            Write<T> w = writes.get(i);
            JsonNode answer = answers.get(k);
            Ref source = w.record().sourceRef();
            if (BatchResults.succeeded(answer)) {
                results[i] = new WriteResult.Written(source, ref(BatchResults.id(answer).orElseThrow()), w instanceof Write.Create);
                continue;
            }
            PossyncException error = BatchResults.error(answer);
            if (BatchResults.is(error, "Request_EntityChanged") && w instanceof Write.Update<T> u) {
                if (batchStale) {
                    stale.add(i);
                } else {
                    results[i] = reapply(u);
                }
            } else {
                results[i] = BatchResults.failed(source, error);
            }
        }
        if (!stale.isEmpty()) {
            Map<String, String> fresh = new HashMap<>(etags);
            try {
                fresh.putAll(etags(stale.stream().map(i -> ((Write.Update<T>) writes.get(i)).target().id()).toList()));
            } catch (TransientException | RecordRejectedException e) {
                BatchResults.failAll(stale, writes, e, results);
                return;
            }
            sendChunk(writes, stale, fresh, results, mayRecover, false);
        }
    }

    private BusinessCentralSession.BatchOp op(Write<T> w, Map<String, String> etags) {
        ObjectNode fields = w.record().fields().deepCopy();
        if (w instanceof Write.Update<T> u) {
            // No deep update in Business Central: lines of an existing document are not patched.
            shape.linesSet().ifPresent(fields::remove);
            String tag = etags.getOrDefault(u.target().id(), "*");
            return new BusinessCentralSession.BatchOp("PATCH", collection() + "(" + u.target().id() + ")", Optional.of(tag), fields);
        }
        return new BusinessCentralSession.BatchOp("POST", collection(), Optional.empty(), shape.onCreate().apply(fields));
    }

    /** A 409 Request_EntityChanged: read the current etag and apply the change once more. */
    private WriteResult reapply(Write.Update<T> u) {
        Ref source = u.record().sourceRef();
        try {
            String tag = etags(List.of(u.target().id())).getOrDefault(u.target().id(), "*");
            ObjectNode fields = u.record().fields().deepCopy();
            shape.linesSet().ifPresent(fields::remove);
            JsonNode answer = session.patch(collection() + "(" + u.target().id() + ")", fields, tag);
            return new WriteResult.Written(source, ref(answer.path("id").asText(u.target().id())), false);
        } catch (RecordRejectedException | TransientException e) {
            return BatchResults.failed(source, e);
        }
    }

    /**
     * A batch whose answer was lost may or may not have been applied. Creates are looked up by
     * natural key: found ones are taken as written, the rest are sent once more. Updates are sent
     * once more (with fresh etags).
     */
    private void recover(List<? extends Write<T>> writes, List<Integer> chunk, Map<String, String> etags, WriteResult[] results) {
        Map<String, Integer> createByKey = new LinkedHashMap<>();
        List<Integer> resend = new ArrayList<>();
        for (int i : chunk) {
            Write<T> w = writes.get(i);
            String key = w.record().fields().path(shape.recoveryField()).asText("");
            if (w instanceof Write.Create<T> && !key.isEmpty()) {
                createByKey.put(key.toLowerCase(Locale.ROOT), i);
            } else {
                resend.add(i);
            }
        }
        if (!createByKey.isEmpty()) {
            KeyType type = shape.keyFields().entrySet().stream().filter(e -> e.getValue().equals(shape.recoveryField()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            List<NaturalKey> keys = createByKey.keySet().stream().map(k -> new NaturalKey(type, k)).toList();
            Map<NaturalKey, Ref> found = findAll(keys);
            createByKey.forEach((key, i) -> {
                Ref existing = found.get(new NaturalKey(type, key));
                if (existing != null) {
                    results[i] = new WriteResult.Written(writes.get(i).record().sourceRef(), existing, true);
                } else {
                    resend.add(i);
                }
            });
        }
        if (!resend.isEmpty()) {
            Map<String, String> fresh = new HashMap<>(etags);
            fresh.putAll(etags(resend.stream().map(writes::get).filter(w -> w instanceof Write.Update<T>)
                    .map(w -> ((Write.Update<T>) w).target().id()).toList()));
            sendChunk(writes, resend.stream().sorted().toList(), fresh, results, false);
        }
    }

    private List<JsonNode> rows(JsonNode page) {
        return session.rows(page);
    }

    /** The current etags of {@code ids}, read with {@code in} filters. */
    private Map<String, String> etags(List<String> ids) {
        Map<String, String> tags = new HashMap<>();
        for (List<String> chunk : session.inChunks(ids)) {
            JsonNode page = session.read(BusinessCentralSession.inFilter(collection(), "id in (" + String.join(",", chunk) + ")")
                    .query("$select", "id,lastModifiedDateTime").build());
            for (JsonNode row : rows(page)) {
                tags.put(row.path("id").asText(), row.path("@odata.etag").asText("*"));
            }
        }
        return tags;
    }
}

package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.HttpApi;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import java.util.List;
import java.util.Optional;

/**
 * One company's API v2.0 over an {@link HttpApi}: resolves the company once, reads pages (following
 * {@code @odata.nextLink} verbatim), and sends JSON {@code $batch} requests.
 */
public final class BusinessCentralSession {

    private final HttpApi api;
    private final BusinessCentralSettings settings;
    private final boolean v1;
    private final java.util.Map<String, String> lineIds = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String companyPath;
    private final List<CarriedLookup> carried = new java.util.ArrayList<>();
    private final VariantLookup variants = new VariantLookup(this);

    /** A session over {@code api}. */
    public BusinessCentralSession(HttpApi api, BusinessCentralSettings settings) {
        this.api = api;
        this.settings = settings;
        this.v1 = settings.apiVersion() == io.possync.connector.businesscentral.ApiVersion.V1_0;
    }

    /** The HTTP client. */
    public HttpApi api() {
        return api;
    }

    /** The settings. */
    /** The connection's one cache of item variants by SKU, shared by the items and the sales documents. */
    public VariantLookup variants() {
        return variants;
    }

    public BusinessCentralSettings settings() {
        return settings;
    }

    /** {@code companies({id})}, resolved from the company's name or id on first use. */
    public String companyPath() {
        String path = companyPath;
        if (path == null) {
            synchronized (this) {
                if (companyPath == null) {
                    JsonNode companies = read(ApiRequest.get("companies").query("$select", "id,name,displayName").build());
                    String wanted = settings.company();
                    for (JsonNode c : companies.path("value")) {
                        if (wanted.equalsIgnoreCase(c.path("id").asText()) || wanted.equals(c.path("name").asText())
                                || wanted.equals(c.path("displayName").asText())) {
                            companyPath = "companies(" + c.path("id").asText() + ")";
                        }
                    }
                    if (companyPath == null) {
                        throw new ConfigurationException("businesscentral.company", "no company named or with id '" + wanted
                                + "' in this environment");
                    }
                }
                path = companyPath;
            }
        }
        return path;
    }

    /** A GET of JSON, routed to a read replica; in v2.0's shape whatever API is spoken. */
    public JsonNode read(ApiRequest request) {
        JsonNode answer = api.sendForJson(withReadIntent(request));
        return v1 ? ApiV1.in(ApiV1.entitySet(request.path()), answer) : answer;
    }

    /**
     * The rows of {@code page} and of every page its {@code @odata.nextLink} leads to. A lookup's answer
     * is paged when the server's page size is smaller than the lookup (an on-premises
     * {@code ODataServicesMaxPageSize}, a sandbox); a row on a later page must not be taken for missing.
     */
    public List<JsonNode> rows(JsonNode page) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        page.path("value").forEach(rows::add);
        String next = page.path("@odata.nextLink").asText("");
        while (!next.isEmpty()) {
            JsonNode more = read(ApiRequest.get(next).build());
            more.path("value").forEach(rows::add);
            next = more.path("@odata.nextLink").asText("");
        }
        return rows;
    }

    /** Every row {@code request} answers, over all its pages. */
    public List<JsonNode> readAll(ApiRequest request) {
        return rows(read(request));
    }

    /** A GET that may answer 404. */
    public Optional<JsonNode> readOptional(String path) {
        ApiResponse r = api.send(withReadIntent(ApiRequest.get(path).accept(404).build()));
        return r.status() == 404 ? Optional.empty() : Optional.of(v1 ? ApiV1.in(ApiV1.entitySet(path), r.json()) : r.json());
    }

    /** A PATCH of {@code fields} on the row at {@code path} with its etag; safe to repeat. Answers in v2.0's shape. */
    public JsonNode patch(String path, ObjectNode fields, String etag) {
        String set = ApiV1.entitySet(path);
        JsonNode body = v1 ? ApiV1.out(set, fields, this::lineId) : fields;
        JsonNode answer = api.send(ApiRequest.patch(path, body.toString()).header("If-Match", etag).idempotent(true).build()).json();
        return v1 ? ApiV1.in(set, answer) : answer;
    }

    private ApiRequest withReadIntent(ApiRequest request) {
        ApiRequest.Builder b = ApiRequest.method(request.method(), request.path()).header("Data-Access-Intent", "ReadOnly");
        request.query().forEach((name, value) -> {
            if (!v1) {
                b.query(name, value);
            } else if (name.equals("$filter")) {
                b.query(name, ApiV1.filter(value));
            } else if (!name.equals("$schemaversion")) {
                b.query(name, value);
            }
        });
        request.headers().forEach(b::header);
        b.accept(request.acceptedStatuses().toArray(Integer[]::new));
        request.timeout().ifPresent(b::timeout);
        return b.build();
    }

    /**
     * A lookup an endpoint expects to make soon: it travels as an inner GET of the next {@code $batch}
     * this session sends anyway (a lookup or a write), and its answer is handed back.
     */
    public interface CarriedLookup {

        /** The GET's target, relative to the API root, with its encoded query. */
        String url();

        /** The inner answer ({@code status}, {@code body}) of the batch it travelled with. */
        void answered(JsonNode inner);
    }

    /** Sends {@code lookups} along with the next requests (API v2.0 only: v1.0 lookups are rewritten). */
    public void carry(List<? extends CarriedLookup> lookups) {
        if (!v1) {
            synchronized (carried) {
                carried.addAll(lookups);
            }
        }
    }

    /** Withdraws {@code lookups} that have not travelled yet. */
    public void withdraw(java.util.Collection<? extends CarriedLookup> lookups) {
        synchronized (carried) {
            carried.removeAll(lookups);
        }
    }

    private List<CarriedLookup> takeCarried(int room) {
        synchronized (carried) {
            List<CarriedLookup> taken = new java.util.ArrayList<>(carried.subList(0, Math.max(0, Math.min(room, carried.size()))));
            carried.subList(0, taken.size()).clear();
            return taken;
        }
    }

    /**
     * Lookup GETs ({@code in} filters), answered in order. Several lookups, or one while other lookups
     * are being carried, go as one {@code $batch} of GETs (per 100): one request instead of several.
     * An inner lookup that failed is made again on its own, so its error is raised the usual way.
     */
    public List<JsonNode> lookups(List<ApiRequest> requests) {
        List<JsonNode> answers = new java.util.ArrayList<>();
        int from = 0;
        while (from < requests.size()) {
            List<CarriedLookup> along = v1 ? List.of() : takeCarried(MAX_BATCH_OPERATIONS - 1);
            int own = Math.min(requests.size() - from, MAX_BATCH_OPERATIONS - along.size());
            List<ApiRequest> chunk = requests.subList(from, from + own);
            from += own;
            if (v1 || (chunk.size() == 1 && along.isEmpty())) {
                chunk.forEach(r -> answers.add(read(r)));
                continue;
            }
            List<BatchOp> ops = new java.util.ArrayList<>();
            chunk.forEach(r -> ops.add(new BatchOp("GET", HttpApi.pathWithQuery(r), Optional.empty(), null)));
            List<JsonNode> inner = sendWith(ops, along, true);
            for (int i = 0; i < chunk.size(); i++) {
                JsonNode a = inner.get(i);
                answers.add(a.path("status").asInt() == 200 ? a.path("body") : read(chunk.get(i)));
            }
        }
        return answers;
    }

    /**
     * Sends {@code ops} with the carried lookups {@code along} appended as GETs, hands those their
     * answers, and returns the answers of {@code ops}.
     */
    private List<JsonNode> sendWith(List<BatchOp> ops, List<CarriedLookup> along, boolean readsOnly) {
        List<BatchOp> all = new java.util.ArrayList<>(ops);
        along.forEach(c -> all.add(new BatchOp("GET", c.url(), Optional.empty(), null)));
        List<JsonNode> answers = send("$batch", all, readsOnly);
        for (int i = 0; i < along.size(); i++) {
            along.get(i).answered(answers.get(ops.size() + i));
        }
        return answers.subList(0, ops.size());
    }

    /** The most inner requests of one {@code $batch} (FACTS.md §6). */
    static final int MAX_BATCH_OPERATIONS = 100;

    private static List<JsonNode> inChunks(List<BatchOp> ops, java.util.function.Function<List<BatchOp>, List<JsonNode>> batch) {
        List<JsonNode> answers = new java.util.ArrayList<>(ops.size());
        for (int from = 0; from < ops.size(); from += MAX_BATCH_OPERATIONS) {
            answers.addAll(batch.apply(ops.subList(from, Math.min(ops.size(), from + MAX_BATCH_OPERATIONS))));
        }
        return answers;
    }

    /** One inner request of a batch. */
    public record BatchOp(String method, String url, Optional<String> ifMatch, JsonNode body) {
    }

    /**
     * Sends {@code ops} as one JSON {@code $batch} (each inner request commits on its own), or as several of at
     * most {@link #MAX_BATCH_OPERATIONS} one after another, and returns the inner answers in order, in v2.0's
     * shape whatever API is spoken.
     */
    public List<JsonNode> batch(List<BatchOp> ops) {
        if (ops.size() > MAX_BATCH_OPERATIONS) {
            return inChunks(ops, this::batch);
        }
        if (v1) {
            resolveLineIds(ops);
            ops = ops.stream().map(op -> new BatchOp(op.method(), op.url(), op.ifMatch(),
                    op.body() == null ? null : ApiV1.out(ApiV1.entitySet(op.url()), op.body(), this::lineId))).toList();
        }
        if (!v1) {
            List<CarriedLookup> along = takeCarried(MAX_BATCH_OPERATIONS - ops.size());
            if (along.isEmpty()) {
                return batchAt("$batch", ops);
            }
            return sendWith(ops, along, false);
        }
        List<JsonNode> answers = batchAt("$batch", ops);
        java.util.ArrayList<JsonNode> converted = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i);
            if (a instanceof ObjectNode o && o.has("body")) {
                o = o.deepCopy();
                o.set("body", ApiV1.in(ApiV1.entitySet(ops.get(i).url()), o.get("body")));
                a = o;
            }
            converted.add(a);
        }
        return converted;
    }

    private String lineId(String entitySet, String number) {
        return lineIds.get(entitySet + "/" + number);
    }

    /** Looks up, 20 per request, the items and G/L accounts the lines of {@code ops} name by number (API v1.0 wants their ids). */
    private void resolveLineIds(List<BatchOp> ops) {
        java.util.Map<String, java.util.Set<String>> wanted = new java.util.HashMap<>();
        for (BatchOp op : ops) {
            if (op.body() == null) {
                continue;
            }
            List<JsonNode> lines = new java.util.ArrayList<>();
            op.body().fields().forEachRemaining(e -> {
                if (e.getKey().endsWith("Lines") && e.getValue().isArray()) {
                    e.getValue().forEach(lines::add);
                }
            });
            if (ApiV1.entitySet(op.url()).endsWith("Lines")) {
                lines.add(op.body());
            }
            for (JsonNode line : lines) {
                if (line.has("lineObjectNumber")) {
                    String type = BusinessCentralConverters.decodeEnum(line.path("lineType").asText("Item"));
                    String set = type.equals("Account") ? "accounts" : "items";
                    String number = line.get("lineObjectNumber").asText();
                    if (!lineIds.containsKey(set + "/" + number)) {
                        wanted.computeIfAbsent(set, k -> new java.util.LinkedHashSet<>()).add(number);
                    }
                }
            }
        }
        wanted.forEach((set, numbers) -> {
            List<String> all = new java.util.ArrayList<>(numbers);
            for (int from = 0; from < all.size(); from += 20) {
                StringBuilder filter = new StringBuilder();
                for (String n : all.subList(from, Math.min(all.size(), from + 20))) {
                    filter.append(filter.length() == 0 ? "" : " or ").append("number eq ").append(literal(n));
                }
                for (JsonNode row : readAll(ApiRequest.get(companyPath() + "/" + set).query("$filter", filter.toString())
                        .query("$select", "id,number").build())) {
                    lineIds.put(set + "/" + row.path("number").asText(), row.path("id").asText());
                }
            }
        });
    }

    /** Sends {@code ops} as one JSON batch to {@code batchUrl} (another API root's {@code $batch}), answers as they come. */
    public List<JsonNode> batchAt(String batchUrl, List<BatchOp> ops) {
        if (ops.size() > MAX_BATCH_OPERATIONS) {
            return inChunks(ops, chunk -> batchAt(batchUrl, chunk));
        }
        return send(batchUrl, ops, false);
    }

    /** {@code readsOnly}: every inner request is a GET, so the batch may be sent again when its answer is lost. */
    private List<JsonNode> send(String batchUrl, List<BatchOp> ops, boolean readsOnly) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode requests = body.putArray("requests");
        for (int i = 0; i < ops.size(); i++) {
            BatchOp op = ops.get(i);
            ObjectNode r = requests.addObject();
            r.put("id", String.valueOf(i + 1));
            r.put("method", op.method());
            r.put("url", op.url());
            ObjectNode headers = r.putObject("headers");
            headers.put("Content-Type", "application/json");
            op.ifMatch().ifPresent(tag -> headers.put("If-Match", tag));
            if (op.body() != null) {
                r.set("body", op.body());
            }
        }
        JsonNode answer = api.sendForJson(ApiRequest.post(batchUrl, body.toString()).idempotent(readsOnly).build());
        JsonNode responses = answer.path("responses");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode r : responses) {
            byId.put(r.path("id").asText(), r);
        }
        java.util.ArrayList<JsonNode> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            JsonNode r = byId.get(String.valueOf(i + 1));
            ordered.add(r != null ? r : JsonNodeFactory.instance.objectNode().put("status", 0));
        }
        return ordered;
    }

    /**
     * A GET of {@code collection} filtered with an {@code in} operator. {@code in} needs schema version
     * 2.1 (FACTS.md §4.2, §4.6); that standard API pages accept {@code $schemaversion=2.1} on every
     * BC version this connector supports is UNCONFIRMED — this is the one place to change it.
     */
    public static ApiRequest.Builder inFilter(String collection, String filter) {
        return ApiRequest.get(collection).query("$filter", filter).query("$schemaversion", "2.1");
    }

    /**
     * Splits {@code literals} (values as they go into an {@code in (…)} list) into chunks whose encoded
     * length stays under {@value #MAX_IN_CHARACTERS} characters and whose size under {@value #MAX_IN_VALUES},
     * so a lookup takes as few requests as the URL allows. Business Central's own URL limit is UNCONFIRMED
     * (FACTS.md §4.2); the budget keeps the query under the 2,048 characters web servers commonly
     * accept by default — this is the one place to change it.
     */
    public List<List<String>> inChunks(List<String> literals) {
        // With API v1.0 every value becomes "field eq value or …": a third of the budget leaves room for that.
        return inChunks(literals, v1 ? MAX_IN_CHARACTERS / 3 : MAX_IN_CHARACTERS);
    }

    static List<List<String>> inChunks(List<String> literals, int budget) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        List<String> current = new java.util.ArrayList<>();
        int length = 0;
        for (String literal : literals) {
            int encoded = java.net.URLEncoder.encode(literal, java.nio.charset.StandardCharsets.UTF_8).length() + 3;
            if (!current.isEmpty() && (length + encoded > budget || current.size() >= MAX_IN_VALUES)) {
                chunks.add(current);
                current = new java.util.ArrayList<>();
                length = 0;
            }
            current.add(literal);
            length += encoded;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** The most encoded characters of values in one {@code in} filter. */
    static final int MAX_IN_CHARACTERS = 1_600;
    /** The most values in one {@code in} filter (the answer stays within one server page). */
    static final int MAX_IN_VALUES = 100;

    /** An OData string literal: quoted, inner quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

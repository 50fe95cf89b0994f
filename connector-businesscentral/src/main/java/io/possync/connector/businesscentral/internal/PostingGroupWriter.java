package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.RecordRejectedException;
import io.possync.api.WriteResult;
import io.possync.connector.businesscentral.BusinessCentralSettings.PostingGroups;
import io.possync.connector.businesscentral.CustomApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the settings' posting groups onto customers and items just created, through the custom
 * API page route (FACTS.md §2.4): one {@code $batch} of {@code PATCH customerPostingGroups({id})}
 * (or {@code itemPostingGroups}) per write batch, at the custom route's own {@code $batch}. The
 * custom page is keyed by the standard record's id ({@code ODataKeyFields = SystemId}).
 */
public final class PostingGroupWriter {

    private static final java.util.Set<String> POSTING_GROUPS = java.util.Set.of("customerPostingGroup", "genBusPostingGroup",
            "vatBusPostingGroup", "genProdPostingGroup", "vatProdPostingGroup", "inventoryPostingGroup");

    private final BusinessCentralSession session;
    private final CustomApi route;
    private final String batchUrl;

    private PostingGroupWriter(BusinessCentralSession session, CustomApi route) {
        this.session = session;
        this.route = route;
        this.batchUrl = session.settings().customApiRoot().orElseThrow() + "$batch";
    }

    /** The mapped object whose members are the extension fields of the custom route's pages. */
    public static final String CUSTOM_FIELDS = "customFields";

    /**
     * Takes {@code fields} out of each write's mapped fields (the standard entity has none of them) and returns them by
     * write index, as the custom route's body for {@link #customers} or {@link #items}; the members of a mapped
     * {@value #CUSTOM_FIELDS} object become fields of their own (the extension fields' names).
     */
    public static java.util.Map<Integer, ObjectNode> takeOut(List<? extends io.possync.api.Write<?>> writes, String... fields) {
        java.util.Map<Integer, ObjectNode> out = new java.util.HashMap<>();
        for (int k = 0; k < writes.size(); k++) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            for (String field : fields) {
                JsonNode value = writes.get(k).record().fields().remove(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (field.equals(CUSTOM_FIELDS) && value.isObject()) {
                    value.fields().forEachRemaining(e -> {
                        if (!e.getValue().isNull()) {
                            body.set(e.getKey(), e.getValue());
                        }
                    });
                } else {
                    body.set(field, value);
                }
            }
            if (!body.isEmpty()) {
                out.put(k, body);
            }
        }
        return out;
    }

    /** A writer when the settings have a custom route (customers' posting groups, and their price groups). */
    public static Optional<PostingGroupWriter> forCustomers(BusinessCentralSession session) {
        return session.settings().customApi().map(r -> new PostingGroupWriter(session, r));
    }

    /** A writer when the settings have a custom route (items' posting groups, and their long descriptions). */
    public static Optional<PostingGroupWriter> forItems(BusinessCentralSession session) {
        return session.settings().customApi().map(r -> new PostingGroupWriter(session, r));
    }

    /**
     * Sets the customer posting groups on every created customer of {@code results}, and the fields of {@code more} (by
     * index: the price group) on the customers written; a refusal fails that customer only.
     */
    public void customers(List<WriteResult> results, java.util.Map<Integer, ObjectNode> more) {
        PostingGroups g = session.settings().postingGroups();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        g.customerPostingGroup().ifPresent(v -> fields.put("customerPostingGroup", v));
        g.genBusPostingGroup().ifPresent(v -> fields.put("genBusPostingGroup", v));
        g.vatBusPostingGroup().ifPresent(v -> fields.put("vatBusPostingGroup", v));
        write(route.customerEntitySet(), fields, more, results);
    }

    /**
     * Sets the item posting groups on every created item of {@code results}, and the fields of {@code more} (by
     * index: the long description) on the items written, created or updated.
     */
    public void items(List<WriteResult> results, java.util.Map<Integer, ObjectNode> more) {
        PostingGroups g = session.settings().postingGroups();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        g.genProdPostingGroup().ifPresent(v -> fields.put("genProdPostingGroup", v));
        g.vatProdPostingGroup().ifPresent(v -> fields.put("vatProdPostingGroup", v));
        g.inventoryPostingGroup().ifPresent(v -> fields.put("inventoryPostingGroup", v));
        write(route.itemEntitySet(), fields, more, results);
    }

    /** Writes {@code bodies} (by result index) onto the records written of {@code results} through page {@code entitySet}. */
    public void fields(String entitySet, List<WriteResult> results, java.util.Map<Integer, ObjectNode> bodies) {
        write(entitySet, JsonNodeFactory.instance.objectNode(), bodies, results);
    }

    private void write(String entitySet, ObjectNode groups, java.util.Map<Integer, ObjectNode> more, List<WriteResult> results) {
        List<Integer> created = new ArrayList<>();
        java.util.Map<Integer, ObjectNode> bodies = new java.util.HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof WriteResult.Written w) {
                ObjectNode body = w.created() ? groups.deepCopy() : JsonNodeFactory.instance.objectNode();
                if (more.containsKey(i)) {
                    body.setAll(more.get(i));
                }
                if (!body.isEmpty()) {
                    created.add(i);
                    bodies.put(i, body);
                }
            }
        }
        for (int from = 0; from < created.size(); from += session.settings().batchSize()) {
            List<Integer> chunk = created.subList(from, Math.min(created.size(), from + session.settings().batchSize()));
            List<BusinessCentralSession.BatchOp> ops = new ArrayList<>();
            for (int i : chunk) {
                String id = ((WriteResult.Written) results.get(i)).target().id();
                ops.add(new BusinessCentralSession.BatchOp("PATCH", session.companyPath() + "/" + entitySet + "(" + id + ")?$schemaversion=2.0",
                        Optional.of("*"), bodies.get(i)));
            }
            List<JsonNode> answers = session.batchAt(batchUrl, ops);
            for (int k = 0; k < chunk.size(); k++) {
                JsonNode a = answers.get(k);
                int status = a.path("status").asInt();
                if (status < 200 || status >= 300) {
                    WriteResult.Written w = (WriteResult.Written) results.get(chunk.get(k));
                    // The record exists; on the retry it is found and updated, and this runs again only for creates:
                    // so the rejection says what to fix, and the bookkeeper sets the groups by hand or the host re-creates.
                    List<String> sent = new ArrayList<>();
                    bodies.get(chunk.get(k)).fieldNames().forEachRemaining(sent::add);
                    List<String> extra = sent.stream().filter(f -> !POSTING_GROUPS.contains(f)).toList();
                    String what = extra.isEmpty() ? "its posting groups were"
                            : (extra.size() < sent.size() ? "its posting groups or " : "its ") + String.join(", ", extra) + " were";
                    results.set(chunk.get(k), new WriteResult.Failed(w.source(), RecordRejectedException.builder(
                            "written as " + w.target().id() + ", but " + what + " refused by the custom API " + route.route() + "/"
                                    + entitySet + ": " + a.path("body").path("error").path("message").asText("HTTP " + status))
                            .record(w.source()).vendorCode(a.path("body").path("error").path("code").asText(String.valueOf(status))).build()));
                }
            }
        }
    }
}

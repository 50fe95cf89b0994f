package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.http.ApiRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the extension fields a custom API page carries (the route's {@code customerFields} or {@code itemFields}) for
 * the records of one page the standard API answered: one GET of the custom page per chunk of ids, filtered by id and
 * selecting only those fields, so a page of records costs one more request.
 */
public final class ExtensionFields {

    private final BusinessCentralSession session;
    private final String entitySet;
    private final List<String> fields;

    private ExtensionFields(BusinessCentralSession session, String entitySet, List<String> fields) {
        this.session = session;
        this.entitySet = entitySet;
        this.fields = fields;
    }

    /** A reader when the settings' custom route names customer fields. */
    public static Optional<ExtensionFields> forCustomers(BusinessCentralSession session) {
        return session.settings().customApi().filter(r -> !r.customerFields().isEmpty())
                .map(r -> new ExtensionFields(session, r.customerEntitySet(), r.customerFields()));
    }

    /** A reader when the settings' custom route names item fields. */
    public static Optional<ExtensionFields> forItems(BusinessCentralSession session) {
        return session.settings().customApi().filter(r -> !r.itemFields().isEmpty())
                .map(r -> new ExtensionFields(session, r.itemEntitySet(), r.itemFields()));
    }

    /** The non-empty extension fields of the records {@code ids}, by id. */
    public Map<String, Map<String, String>> read(Collection<String> ids) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String collection = session.settings().customApiRoot().orElseThrow() + session.companyPath() + "/" + entitySet;
        // GUIDs are bare literals; "or" between equalities works on every schema version of a custom page.
        for (List<String> chunk : session.inChunks(List.copyOf(ids))) {
            List<String> terms = new ArrayList<>();
            chunk.forEach(id -> terms.add("id eq " + id));
            ApiRequest request = ApiRequest.get(collection).query("$schemaversion", "2.0")
                    .query("$filter", String.join(" or ", terms)).query("$select", "id," + String.join(",", fields)).build();
            for (JsonNode row : session.readAll(request)) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String field : fields) {
                    String value = row.path(field).asText("");
                    if (!value.isEmpty()) {
                        values.put(field, value);
                    }
                }
                if (!values.isEmpty()) {
                    out.put(row.path("id").asText(), values);
                }
            }
        }
        return out;
    }

    /** A record's custom fields with {@code extension}'s added (the extension's win on equal names). */
    public static Map<String, String> merged(Map<String, String> own, Map<String, String> extension) {
        Map<String, String> all = new LinkedHashMap<>(own);
        all.putAll(extension);
        return all;
    }
}

package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Page;
import io.possync.api.http.ApiRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

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

    /**
     * {@code page} with each record's extension fields added to its custom fields (the extension's win on equal names) by
     * {@code withCustomFields} (a record's own from {@code customFields}); the page as it is when {@code reader} is empty or the page has no records.
     */
    public static <T extends CanonicalRecord> Page<T> onPage(Page<T> page, Optional<ExtensionFields> reader,
                                                             java.util.function.Function<T, Map<String, String>> customFields,
                                                             BiFunction<T, Map<String, String>, T> withCustomFields) {
        if (reader.isEmpty() || page.records().isEmpty()) {
            return page;
        }
        Map<String, Map<String, String>> values = reader.get().read(page.records().stream().map(r -> r.sourceRef().id()).toList());
        List<T> records = page.records().stream().map(r -> {
            Map<String, String> extension = values.get(r.sourceRef().id());
            if (extension == null) {
                return r;
            }
            Map<String, String> all = new LinkedHashMap<>(customFields.apply(r));
            all.putAll(extension);
            return withCustomFields.apply(r, all);
        }).toList();
        return new Page<>(records, page.unreadable(), page.next(), page.hasMore());
    }

}

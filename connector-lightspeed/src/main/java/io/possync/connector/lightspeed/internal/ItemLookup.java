package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds items by a field ({@code customSku}, {@code ean}) for many values at once: one request per
 * 50 values with {@code IN}, archived items included (an archived item is updated, not duplicated).
 * Values the IN syntax cannot carry are looked up one by one.
 */
public final class ItemLookup {

    private final LightspeedRetailSession session;

    public ItemLookup(LightspeedRetailSession session) {
        this.session = session;
    }

    /** Items whose {@code field} equals one of {@code values} (case-insensitive), keyed by the value in lower case. */
    public Map<String, JsonNode> by(String field, Collection<String> values, List<String> relations) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        List<String> listable = new ArrayList<>();
        for (String v : values) {
            if (InFilter.listable(v)) {
                listable.add(v);
            } else {
                collect(field, v, relations, found);
            }
        }
        for (List<String> chunk : InFilter.chunks(listable)) {
            collect(field, InFilter.of(chunk), relations, found);
        }
        return found;
    }

    private void collect(String field, String expression, List<String> relations, Map<String, JsonNode> found) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(field, expression);
        query.put("archived", "true");
        query.put("limit", "100");
        if (!relations.isEmpty()) {
            query.put("load_relations", LightspeedRetailSession.relations(relations));
        }
        JsonNode page = session.list("Item", query);
        while (true) {
            for (JsonNode item : Lenient.list(page, "Item")) {
                Lenient.text(item, field).ifPresent(v -> found.putIfAbsent(v.toLowerCase(Locale.ROOT), item));
            }
            String next = page.path("@attributes").path("next").asText("");
            if (next.isEmpty()) {
                return;
            }
            page = session.follow(next);
        }
    }
}

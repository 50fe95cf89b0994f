package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An AccountView answer: rows per table, keyed by the table's name in upper case ({@code CONTACT},
 * {@code DJ_PAGE}). A table answered as one object instead of an array (PROPOSAL P-14: a public client
 * guards against it) is one row; character values, which AccountView pads with blanks to the field's
 * length, are trimmed.
 */
public record Tables(Map<String, List<ObjectNode>> rows) {

    public Tables {
        rows = Map.copyOf(rows);
    }

    /** No rows at all. */
    public static Tables empty() {
        return new Tables(Map.of());
    }

    /** The tables of an answer body (a JSON object of table name → rows). */
    public static Tables of(JsonNode body) {
        Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the answer is no object of tables");
        }
        body.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            List<ObjectNode> rows = new ArrayList<>();
            if (value.isObject()) {
                rows.add(trimmed((ObjectNode) value));
            } else if (value.isArray()) {
                value.forEach(r -> {
                    if (r.isObject()) {
                        rows.add(trimmed((ObjectNode) r));
                    }
                });
            } else {
                return; // ErrorType and the like: no table
            }
            out.put(e.getKey().toUpperCase(Locale.ROOT), rows);
        });
        return new Tables(out);
    }

    /** The rows of {@code table}; empty when the answer has none. */
    public List<ObjectNode> of(String table) {
        return rows.getOrDefault(table.toUpperCase(Locale.ROOT), List.of());
    }

    private static ObjectNode trimmed(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        copy.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual()) {
                f.setValue(TextNode.valueOf(f.getValue().asText().strip()));
            }
        });
        return copy;
    }
}

package io.possync.connector.winstore.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record of a Winstore answer, read the same way from XML and JSON: its fields as text (so
 * article codes and GTINs keep their leading zeros, and every number is parsed by the converter
 * that needs it) and its lists of nested records ({@code variants}, {@code attributes}).
 *
 * @param fields the record's values as text, trimmed; an empty value is absent
 * @param lists  the record's nested lists by name
 */
public record WireRecord(Map<String, String> fields, Map<String, List<WireRecord>> lists) {

    public WireRecord {
        fields = Map.copyOf(fields);
        lists = Map.copyOf(lists);
    }

    /** The field's text, if it has one. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * {@code key} with a fingerprint of this record's values: the same record read twice gives the same
     * text, a record changed in between (even within one second of its time stamp) another.
     */
    public String version(String key) {
        return key + "#" + Integer.toHexString(hashCode());
    }

    /** The nested records of {@code name}; empty when the record has none. */
    public List<WireRecord> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}

package io.possync.core.mapping.internal;

import io.possync.api.FieldRule;
import io.possync.core.mapping.ValueMap;
import java.util.List;
import java.util.Map;

/** The stored JSON form of a mapping's host-made parts. */
public record MappingDocument(Map<String, FieldRule> overrides, List<String> omitted, List<ValueMap> valueMaps) {

    /** Nulls become empty. */
    public MappingDocument {
        overrides = overrides == null ? Map.of() : overrides;
        omitted = omitted == null ? List.of() : omitted;
        valueMaps = valueMaps == null ? List.of() : valueMaps;
    }
}

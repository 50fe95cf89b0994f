package io.possync.api.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Normalises record components so no null crosses the public API. */
public final class Nulls {

    private Nulls() {
    }

    /** {@code Optional.empty()} for null, else the optional itself. */
    public static <T> Optional<T> opt(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** Empty for null, a JSON null or a missing node: raw JSON that is not there. */
    public static Optional<com.fasterxml.jackson.databind.JsonNode> json(Optional<com.fasterxml.jackson.databind.JsonNode> value) {
        return opt(value).filter(n -> !n.isNull() && !n.isMissingNode());
    }

    /** An unmodifiable copy, or an empty list for null. */
    public static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    /** An unmodifiable copy that keeps insertion order, or an empty map for null. */
    public static <K, V> Map<K, V> map(Map<K, V> value) {
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }
}

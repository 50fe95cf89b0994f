package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The variables visible to an expression: {@code $$} (the input), bindings of blocks, and the host's functions. */
final class Scope {

    final JsonNode root;
    final Host host;
    private final Scope parent;
    private Map<String, Object> bindings;

    Scope(JsonNode root, Host host) {
        this(root, host, null);
    }

    private Scope(JsonNode root, Host host, Scope parent) {
        this.root = root;
        this.host = host;
        this.parent = parent;
    }

    Scope child() {
        return new Scope(root, host, this);
    }

    void bind(String name, Object value) {
        if (bindings == null) {
            bindings = new HashMap<>(4);
        }
        bindings.put(name, value);
    }

    /** The bound value, or undefined. */
    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.bindings != null && s.bindings.containsKey(name)) {
                return s.bindings.get(name);
            }
        }
        return null;
    }

    /** What the mapping provides beyond JSONata: value maps. */
    interface Host {

        /** {@code $valueMap(table, key)} (key: a string, a number or null): the mapped value; throws the mapping's lookup failure. */
        String valueMap(String table, Object key);
    }
}

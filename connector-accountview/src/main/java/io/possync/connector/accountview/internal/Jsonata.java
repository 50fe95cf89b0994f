package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;

/** Settings written into default mappings as JSONata literals (JSONata strings are double-quoted with JSON escapes). */
public final class Jsonata {

    private Jsonata() {
    }

    /** {@code s} as a JSONata string. */
    public static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }

    /** {@code map} as a JSONata object. */
    public static String object(Map<String, String> map) {
        StringBuilder s = new StringBuilder("{");
        map.forEach((k, v) -> s.append(s.length() == 1 ? "" : ", ").append(quote(k)).append(": ").append(quote(v)));
        return s.append('}').toString();
    }
}

package io.possync.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A SHA-256 over a canonical record's JSON in a canonical form (keys sorted, numbers without
 * trailing zeros), leaving out {@code raw} and {@code modifiedAt}: a record touched without a
 * change hashes the same, so it is not written again.
 */
public final class ContentHash {

    private static final Set<String> IGNORED = Set.of("raw", "modifiedAt");

    private ContentHash() {
    }

    /** The hash of {@code json}, hex-encoded. */
    public static String of(JsonNode json) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        StringBuilder canonical = new StringBuilder(512);
        write(json, canonical);
        return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String n = it.next();
                if (!IGNORED.contains(n)) {
                    names.add(n);
                }
            }
            names.sort(null);
            out.append('{');
            for (String n : names) {
                out.append('"').append(n).append("\":");
                write(node.get(n), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode element : node) {
                write(element, out);
                out.append(',');
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue();
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            out.append('"').append(node.textValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            out.append(node.asText());
        }
    }
}

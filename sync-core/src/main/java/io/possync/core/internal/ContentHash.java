package io.possync.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * A SHA-256 over a canonical record's JSON in a canonical form (keys sorted, numbers without
 * trailing zeros), leaving out {@code raw} and {@code modifiedAt}: a record touched without a
 * change hashes the same, so it is not written again. The form is stored in every link, so it never
 * changes: {@code {"a":1,"b":["x",],}} for {@code {"b":["x"],"a":1.0}} (ContentHashTest).
 */
public final class ContentHash {

    private static final Set<String> IGNORED = Set.of("raw", "modifiedAt");
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private ContentHash() {
    }

    /** The hash of {@code json}, hex-encoded. */
    public static String of(JsonNode json) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned in this JVM", e);
        }
        Canonical out = new Canonical(sha);
        write(json, out);
        out.flush();
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void write(JsonNode node, Canonical out) {
        if (node.isObject()) {
            String[] names = new String[node.size()];
            int n = 0;
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (!IGNORED.contains(name)) {
                    names[n++] = name;
                }
            }
            Arrays.sort(names, 0, n);
            out.ascii('{');
            for (int i = 0; i < n; i++) {
                out.ascii('"');
                out.text(names[i]);
                out.ascii('"');
                out.ascii(':');
                write(node.get(names[i]), out);
                out.ascii(',');
            }
            out.ascii('}');
        } else if (node.isArray()) {
            out.ascii('[');
            for (JsonNode element : node) {
                write(element, out);
                out.ascii(',');
            }
            out.ascii(']');
        } else if (node.isIntegralNumber()) {
            out.text(node.asText());
        } else if (node.isNumber()) {
            out.text(plainWithoutTrailingZeros(node.decimalValue()));
        } else if (node.isTextual()) {
            out.ascii('"');
            out.escaped(node.textValue());
            out.ascii('"');
        } else {
            out.text(node.asText());
        }
    }

    /** {@code d.stripTrailingZeros().toPlainString()}, without the divisions stripping costs. */
    static String plainWithoutTrailingZeros(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        String s = d.toPlainString();
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The canonical form's UTF-8 bytes, fed to the digest in blocks. */
    private static final class Canonical {
        private final MessageDigest sha;
        private final byte[] buffer = new byte[1024];
        private int size;

        Canonical(MessageDigest sha) {
            this.sha = sha;
        }

        void ascii(char c) {
            if (size == buffer.length) {
                flush();
            }
            buffer[size++] = (byte) c;
        }

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    flush();
                    sha.update(s.substring(i).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                ascii(c);
            }
        }

        /** {@code s} with backslashes and double quotes escaped. */
        void escaped(String s) {
            int plain = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '"') {
                    text(s.substring(plain, i));
                    ascii('\\');
                    plain = i;
                }
            }
            text(plain == 0 ? s : s.substring(plain));
        }

        void flush() {
            sha.update(buffer, 0, size);
            size = 0;
        }
    }
}

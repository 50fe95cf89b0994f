package io.possync.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A SHA-256 over a canonical record's JSON in a canonical form (keys sorted, numbers without
 * trailing zeros), leaving out {@code raw} and {@code modifiedAt}: a record touched without a
 * change hashes the same, so it is not written again. The form is stored in every link, so it never
 * changes: {@code {"a":1,"b":["x",],}} for {@code {"b":["x"],"a":1.0}} (ContentHashTest).
 */
public final class ContentHash {

    private static final String RAW = "raw";
    private static final String MODIFIED_AT = "modifiedAt";
    private static final Set<String> IGNORED = Set.of(RAW, MODIFIED_AT);
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
        switch (node.getNodeType()) {
            case OBJECT: {
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode>[] entries = new Map.Entry[node.size()];
                int n = 0;
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    String key = e.getKey();
                    if (key != RAW && key != MODIFIED_AT && !IGNORED.contains(key)) {
                        entries[n++] = e;
                    }
                }
                int[] order = KeyOrder.of(entries, n);
                out.ascii('{');
                for (int i = 0; i < n; i++) {
                    Map.Entry<String, JsonNode> e = entries[order[i]];
                    out.ascii('"');
                    out.text(e.getKey());
                    out.ascii('"');
                    out.ascii(':');
                    write(e.getValue(), out);
                    out.ascii(',');
                }
                out.ascii('}');
                return;
            }
            case ARRAY:
                out.ascii('[');
                for (int i = 0, n = node.size(); i < n; i++) {
                    write(node.get(i), out);
                    out.ascii(',');
                }
                out.ascii(']');
                return;
            case NUMBER:
                if (node.isInt()) {
                    out.text(Integer.toString(node.intValue()));
                } else if (node.isIntegralNumber()) {
                    out.text(node.asText());
                } else {
                    out.decimal(node.decimalValue());
                }
                return;
            case STRING:
                out.ascii('"');
                out.escaped(node.textValue());
                out.ascii('"');
                return;
            default:
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
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > buffer.length - size) {
                flush();
                if (bytes.length > buffer.length) {
                    sha.update(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        /** {@link #plainWithoutTrailingZeros}, written without building the string for everyday amounts. */
        void decimal(BigDecimal d) {
            int scale = d.scale();
            if (d.signum() == 0 || scale <= 0 || scale > 18 || d.precision() > 18) {
                text(plainWithoutTrailingZeros(d));
                return;
            }
            long unscaled = d.unscaledValue().longValue();
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            if (unscaled < 0) {
                ascii('-');
                unscaled = -unscaled;
            }
            String digits = Long.toString(unscaled);
            int whole = digits.length() - scale;
            if (scale == 0) {
                text(digits);
            } else if (whole > 0) {
                text(digits.substring(0, whole));
                ascii('.');
                text(digits.substring(whole));
            } else {
                ascii('0');
                ascii('.');
                for (int i = whole; i < 0; i++) {
                    ascii('0');
                }
                text(digits);
            }
        }

        /** {@code s} with backslashes and double quotes escaped. */
        void escaped(String s) {
            if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
                text(s);
                return;
            }
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

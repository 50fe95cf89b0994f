package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.RecordRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;

/**
 * String lengths of the API's properties, from the real {@code $metadata} (bundled as
 * {@code max-lengths.properties}), so a too-long value is a clear rejection before sending rather
 * than an {@code Application_StringExceededLength} later.
 */
public final class MaxLengths {

    private static final Properties LENGTHS = load();

    private MaxLengths() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = MaxLengths.class.getResourceAsStream("/io/possync/connector/businesscentral/max-lengths.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("max-lengths.properties is missing from the connector jar", e);
        }
        return p;
    }

    /** The maximum length of {@code entityType.property}, or -1 when unbounded or unknown. */
    public static int of(String entityType, String property) {
        String v = LENGTHS.getProperty(entityType + "." + property);
        return v == null ? -1 : Integer.parseInt(v);
    }

    /** Rejects the first string in {@code fields} (and in {@code linesField}'s rows) that is too long. */
    public static void check(String entityType, ObjectNode fields, String linesField, String lineType) {
        checkObject(entityType, fields, "");
        if (linesField != null && fields.get(linesField) instanceof com.fasterxml.jackson.databind.node.ArrayNode lines) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) instanceof ObjectNode line) {
                    checkObject(lineType, line, linesField + "[" + i + "].");
                }
            }
        }
    }

    private static void checkObject(String entityType, ObjectNode fields, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int max = of(entityType, e.getKey());
            if (max > 0 && e.getValue().isTextual() && e.getValue().asText().length() > max) {
                throw RecordRejectedException.builder(e.getKey() + " is " + e.getValue().asText().length()
                        + " characters long; Business Central allows at most " + max)
                        .fieldPath(prefix + e.getKey()).vendorCode("Application_StringExceededLength").build();
            }
        }
    }
}

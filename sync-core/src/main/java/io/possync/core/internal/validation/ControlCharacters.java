package io.possync.core.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for control characters in text, for every connector: a record whose text holds a C0
 * control character other than tab, line feed and carriage return (NUL, ESC, …) is rejected naming the
 * field and the character, never written with it and never silently changed. Target systems truncate,
 * refuse or corrupt such text (XML 1.0 cannot carry most of them at all); the fix belongs in the source,
 * and the record syncs once it is fixed there. The vendor's {@code raw} JSON is not checked.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The rejection of the record whose canonical JSON is {@code json}, when any of its text holds such a character. */
    public static Optional<RecordRejectedException> check(JsonNode json, Ref record) {
        return find(json, "").map(hit -> RecordRejectedException.builder(String.format("%s holds the control character U+%04X,"
                + " which no target system takes; remove it in the source", hit.path(), (int) hit.character()))
                .record(record).fieldPath(hit.path()).build());
    }

    private record Hit(String path, char character) {
    }

    private static Optional<Hit> find(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return Optional.of(new Hit(path, c));
                }
            }
            return Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Hit> hit = find(node.get(i), path + "[" + i + "]");
                if (hit.isPresent()) {
                    return hit;
                }
            }
            return Optional.empty();
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (path.isEmpty() && e.getKey().equals("raw")) {
                    continue;
                }
                Optional<Hit> hit = find(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }
}

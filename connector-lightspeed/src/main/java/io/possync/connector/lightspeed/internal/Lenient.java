package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Unreadable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Lightspeed Retail JSON whatever form a value takes: R-Series JSON is converted from XML, so
 * a list of one comes as an object and a list of none is absent, and numbers and booleans come as
 * strings ({@code "qoh":"5"}, {@code "archived":"false"}) — or, now and then, as JSON numbers.
 */
public final class Lenient {

    private Lenient() {
    }

    /** The elements under {@code parent.element}: an array's items, a single object, or none. */
    public static List<JsonNode> list(JsonNode parent, String element) {
        JsonNode node = parent.path(element);
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    /** A non-blank text value. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** An id; Lightspeed writes "no reference" as {@code "0"}. */
    public static Optional<String> id(JsonNode node, String field) {
        return text(node, field).filter(v -> !v.equals("0"));
    }

    /** An exact decimal (never through double); absent or blank is zero; anything else is an unreadable value. */
    public static BigDecimal decimal(JsonNode node, String field) {
        requireScalar(node, field, "a number");
        return text(node, field).map(v -> {
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw Unreadable.value(field, v, "a number");
            }
        }).orElse(BigDecimal.ZERO);
    }

    /** A required id (or other key): present and not blank. */
    public static String required(JsonNode node, String field) {
        requireScalar(node, field, "an id");
        return text(node, field).orElseThrow(() -> Unreadable.missing(field));
    }

    private static void requireScalar(JsonNode node, String field, String expected) {
        JsonNode value = node.path(field);
        if (value.isContainerNode()) {
            throw Unreadable.value(field, value, expected);
        }
    }

    /** A boolean written as {@code "true"}, {@code "1"} or {@code true}. */
    public static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText("").trim();
        return text.equalsIgnoreCase("true") || text.equals("1");
    }

    /** A time stamp as the API writes it ({@code 2026-11-02T09:15:00+00:00}); without zone it is UTC. */
    public static Optional<Instant> instant(JsonNode node, String field) {
        requireScalar(node, field, "a time stamp");
        return text(node, field).map(v -> {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw Unreadable.value(field, v, "a time stamp");
                }
            }
        });
    }
}

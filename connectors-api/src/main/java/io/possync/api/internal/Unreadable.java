package io.possync.api.internal;

import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;

/**
 * How a connector says that one source record could not be converted: a rejection naming the field and
 * the shape of the raw value — never the value itself, which may be personal data ("text of 3
 * characters", "an object") — and, once the connector knows it, the record. Connectors' converters throw
 * {@link #value}; their page readers turn whatever a conversion throws into {@link #record} and carry it
 * in the page's {@code unreadable} list, so the rest of the page goes on.
 */
public final class Unreadable {

    private Unreadable() {
    }

    /** {@code field} holds {@code raw}, which is not {@code expected} ("a number", "a time stamp", "one of A, B"). */
    public static RecordRejectedException value(String field, Object raw, String expected) {
        return RecordRejectedException.builder(field + " is not " + expected + " (the source sent " + shape(raw) + ")")
                .fieldPath(field).build();
    }

    /** {@code field} is missing or empty. */
    public static RecordRejectedException missing(String field) {
        return RecordRejectedException.builder(field + " is missing").fieldPath(field).build();
    }

    /**
     * The rejection of {@code record}, whose conversion failed with {@code failure}: a rejection keeps its
     * field and reason, any other failure (a bug or an unforeseen shape) is named by its type only.
     */
    public static RecordRejectedException record(Ref record, RuntimeException failure) {
        if (failure instanceof RecordRejectedException r) {
            return r.withRecord(record);
        }
        return RecordRejectedException.builder("the record could not be read (" + failure.getClass().getSimpleName() + ")")
                .record(record).build();
    }

    /** A description of a raw value that does not reveal it. */
    public static String shape(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof com.fasterxml.jackson.databind.JsonNode n) {
            if (n.isMissingNode() || n.isNull()) {
                return "nothing";
            }
            if (n.isObject()) {
                return "an object";
            }
            if (n.isArray()) {
                return "a list of " + n.size();
            }
            if (n.isBoolean()) {
                return "true or false";
            }
            if (n.isNumber()) {
                return "a number";
            }
            raw = n.asText();
        }
        String text = raw.toString();
        if (text.isBlank()) {
            return "blank text";
        }
        String kind = text.chars().allMatch(Character::isDigit) ? "digits"
                : text.chars().allMatch(Character::isLetter) ? "letters" : "mixed characters";
        return "text of " + text.length() + " character" + (text.length() == 1 ? "" : "s") + ", " + kind;
    }
}

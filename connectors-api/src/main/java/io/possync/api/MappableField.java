package io.possync.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One field a sink writes and a mapping may set: its name (a dotted path for nested objects), the
 * kind of value it takes, its maximum length where the vendor has one, whether it may be made
 * create-only, and whether the vendor requires it. A sink declares all of its fields in its
 * {@link MappingDefaults}; a mapping naming any other field fails when it is built.
 *
 * <pre>{@code
 * MappableField name = MappableField.text("displayName").maxLength(100).asRequired()
 *         .describe("the customer's name in the ERP");
 * }</pre>
 *
 * @param name              the target field
 * @param type              the kind of value
 * @param maxLength         the longest text the vendor takes, when it has a limit
 * @param createOnlyAllowed whether the field may be written on create only (false for a field the sink
 *                          needs on every write)
 * @param onlyOnCreate      whether the sink writes the field only when it creates a record (the vendor
 *                          cannot change it afterwards), so it is always create-only
 * @param required          whether the vendor refuses a create without it
 * @param description       what the field is, for people
 */
public record MappableField(String name, Type type, Optional<Integer> maxLength, boolean createOnlyAllowed, boolean onlyOnCreate,
                            boolean required, String description) {

    /** The kind of value a field takes. */
    public enum Type {
        /** A string. */
        TEXT,
        /** A number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** An ISO-8601 date, {@code 2026-11-01}. */
        DATE,
        /** A JSON object. */
        OBJECT,
        /** A JSON array (document lines, payments). */
        LIST,
        /** Whatever the expression yields; for ad-hoc mappings, not for connectors. */
        ANY
    }

    /** Checks the parts. */
    public MappableField {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mappable field needs a name");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maxLength, "maxLength");
        maxLength.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("maxLength of " + name + " must be positive, was " + n);
            }
        });
        description = description == null ? "" : description;
        if (onlyOnCreate && !createOnlyAllowed) {
            throw new IllegalArgumentException(name + " cannot be written only on create and on every write");
        }
    }

    /** A text field. */
    public static MappableField text(String name) {
        return new MappableField(name, Type.TEXT, Optional.empty(), true, false, false, "");
    }

    /** A number field. */
    public static MappableField number(String name) {
        return new MappableField(name, Type.NUMBER, Optional.empty(), true, false, false, "");
    }

    /** A true/false field. */
    public static MappableField bool(String name) {
        return new MappableField(name, Type.BOOLEAN, Optional.empty(), true, false, false, "");
    }

    /** A date field ({@code yyyy-MM-dd}). */
    public static MappableField date(String name) {
        return new MappableField(name, Type.DATE, Optional.empty(), true, false, false, "");
    }

    /** A list field. */
    public static MappableField list(String name) {
        return new MappableField(name, Type.LIST, Optional.empty(), true, false, false, "");
    }

    /** An object field. */
    public static MappableField object(String name) {
        return new MappableField(name, Type.OBJECT, Optional.empty(), true, false, false, "");
    }

    /** A field of any value, for ad-hoc mappings. */
    public static MappableField any(String name) {
        return new MappableField(name, Type.ANY, Optional.empty(), true, false, false, "");
    }

    /** This field with a maximum text length. */
    public MappableField maxLength(int characters) {
        return new MappableField(name, type, Optional.of(characters), createOnlyAllowed, onlyOnCreate, required, description);
    }

    /** This field, required by the vendor on create. */
    public MappableField asRequired() {
        return new MappableField(name, type, maxLength, createOnlyAllowed, onlyOnCreate, true, description);
    }

    /** This field, which the sink needs on every write, so it cannot be made create-only. */
    public MappableField alwaysWritten() {
        return new MappableField(name, type, maxLength, false, false, required, description);
    }

    /** This field, which the sink writes only when it creates a record: its mapping is always create-only. */
    public MappableField onCreateOnly() {
        return new MappableField(name, type, maxLength, true, true, required, description);
    }

    /** This field with a description for people. */
    public MappableField describe(String text) {
        return new MappableField(name, type, maxLength, createOnlyAllowed, onlyOnCreate, required, text);
    }
}

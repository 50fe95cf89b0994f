package io.possync.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a sink writes and how, by default: every field it can write ({@link MappableField}: name,
 * type, maximum length, create-only allowed, required) and, for most of them, the default
 * {@link FieldRule} that fills it from the canonical record. Hosts override single fields with the
 * Mapping API in {@code sync-core} and can always reset to these defaults; a mapping that names a field
 * the sink does not declare fails when it is built, naming the sink and listing its fields.
 *
 * <pre>{@code
 * MappingDefaults defaults = MappingDefaults.builder("businesscentral customers")
 *         .field(MappableField.text("displayName").maxLength(100).asRequired(),
 *                 "companyName ? companyName : $join([contactPerson.firstName, contactPerson.lastName], ' ')")
 *         .field(MappableField.text("email").maxLength(80), "email")
 *         .field(MappableField.text("paymentTermsCode"), "'14D'", FieldMode.CREATE_ONLY)
 *         .mappable(MappableField.text("website").maxLength(80))   // no default: written only when mapped
 *         .build();
 * }</pre>
 *
 * @param sink      the sink's name in messages ({@code "mpluskassa articles"})
 * @param fields    target field path to default rule, in declaration order
 * @param mappable  every field the sink writes, by name, in declaration order (a superset of {@code fields})
 */
public record MappingDefaults(String sink, Map<String, FieldRule> fields, Map<String, MappableField> mappable) {

    /** Copies the maps, keeping their order; declares every field that has a rule and no declaration as {@link MappableField.Type#ANY}. */
    public MappingDefaults {
        sink = sink == null || sink.isBlank() ? "target" : sink;
        Map<String, MappableField> declared = new LinkedHashMap<>(mappable);
        fields.keySet().forEach(f -> declared.putIfAbsent(f, MappableField.any(f)));
        fields.forEach((name, rule) -> {
            if (rule.createOnly() && !declared.get(name).createOnlyAllowed()) {
                throw new IllegalArgumentException(name + " is written on every write and cannot be create-only");
            }
            if (!rule.createOnly() && declared.get(name).onlyOnCreate()) {
                throw new IllegalArgumentException(name + " is written only on create; its default must be create-only");
            }
        });
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        mappable = Collections.unmodifiableMap(declared);
    }

    /** The field {@code name} if this sink writes it. */
    public Optional<MappableField> field(String name) {
        return Optional.ofNullable(mappable.get(name));
    }

    /** A builder for a sink of that name ({@code "businesscentral customers"}). */
    public static Builder builder(String sink) {
        return new Builder(sink);
    }

    /** A builder for ad-hoc mappings (tests, host-made sinks): fields declared as they are added. */
    public static Builder builder() {
        return new Builder("target");
    }

    /** Builds {@link MappingDefaults}. */
    public static final class Builder {
        private final String sink;
        private final Map<String, FieldRule> fields = new LinkedHashMap<>();
        private final Map<String, MappableField> mappable = new LinkedHashMap<>();

        private Builder(String sink) {
            this.sink = sink;
        }

        /** A create-and-update field of any value, with its default expression. */
        public Builder field(String target, String expression) {
            return field(target, expression, FieldMode.CREATE_AND_UPDATE);
        }

        /** A field of any value with an explicit mode. */
        public Builder field(String target, String expression, FieldMode mode) {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a mapped field needs a target name");
            }
            return field(mappable.getOrDefault(target, MappableField.any(target)), expression, mode);
        }

        /** A declared create-and-update field with its default expression. */
        public Builder field(MappableField field, String expression) {
            return field(field, expression, FieldMode.CREATE_AND_UPDATE);
        }

        /** A declared field with its default expression and mode. */
        public Builder field(MappableField field, String expression, FieldMode mode) {
            mappable.put(field.name(), field);
            fields.put(field.name(), new FieldRule(expression, mode));
            return this;
        }

        /** A field the sink writes when a mapping sets it, with no default. */
        public Builder mappable(MappableField field) {
            mappable.put(field.name(), field);
            return this;
        }

        /** The defaults. */
        public MappingDefaults build() {
            return new MappingDefaults(sink, fields, mappable);
        }
    }
}

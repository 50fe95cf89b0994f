package io.possync.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field mapping a target connector ships: for each target field (a dotted path such as
 * {@code address.street} for nested objects), a {@link FieldRule}. Hosts override single fields
 * with the Mapping API in {@code sync-core} and can always reset to these defaults.
 *
 * <pre>{@code
 * MappingDefaults defaults = MappingDefaults.builder()
 *         .field("displayName", "companyName ? companyName : $join([contactPerson.firstName, contactPerson.lastName], ' ')")
 *         .field("email", "email")
 *         .field("paymentTermsCode", "'14D'", FieldMode.CREATE_ONLY)
 *         .build();
 * }</pre>
 *
 * @param fields target field path to rule, in declaration order
 */
public record MappingDefaults(Map<String, FieldRule> fields) {

    /** Copies the fields, keeping their order. */
    public MappingDefaults {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MappingDefaults}. */
    public static final class Builder {
        private final Map<String, FieldRule> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /** A create-and-update field. */
        public Builder field(String target, String expression) {
            return field(target, expression, FieldMode.CREATE_AND_UPDATE);
        }

        /** A field with an explicit mode. */
        public Builder field(String target, String expression, FieldMode mode) {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a mapped field needs a target name");
            }
            fields.put(target, new FieldRule(expression, mode));
            return this;
        }

        /** The defaults. */
        public MappingDefaults build() {
            return new MappingDefaults(fields);
        }
    }
}

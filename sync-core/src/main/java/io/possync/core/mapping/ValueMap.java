package io.possync.core.mapping;

import static io.possync.api.internal.Nulls.opt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lookup table of a mapping: source value to target value, with an optional default row.
 * Payment methods, tax codes per country, revenue accounts per country, shipping methods,
 * categories, attributes and features are all value maps. Expressions read them with
 * {@code $valueMap('name', key)}; a key without a row and no default rejects the record.
 *
 * <pre>{@code
 * ValueMap payments = ValueMap.builder("paymentMethods")
 *         .row("PIN", "BANK").row("CASH", "KAS")
 *         .defaultValue("BANK")
 *         .build();
 * }</pre>
 *
 * @param name         how expressions refer to the table
 * @param rows         source value to target value
 * @param defaultValue the value for keys without a row
 */
public record ValueMap(String name, Map<String, String> rows, Optional<String> defaultValue) {

    /** Copies rows; rejects a blank name. */
    public ValueMap {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a value map needs a name");
        }
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rows, "rows")));
        defaultValue = opt(defaultValue);
    }

    /** A builder for the table {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The row for {@code key}, else the default row, else empty. */
    public Optional<String> lookup(String key) {
        String v = key == null ? null : rows.get(key);
        return v != null ? Optional.of(v) : defaultValue;
    }

    /** Builds a {@link ValueMap}. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> rows = new LinkedHashMap<>();
        private String defaultValue;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a row. */
        public Builder row(String from, String to) {
            rows.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
            return this;
        }

        /** Adds rows. */
        public Builder rows(Map<String, String> more) {
            more.forEach(this::row);
            return this;
        }

        /** The value for keys without a row. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** The value map. */
        public ValueMap build() {
            return new ValueMap(name, rows, Optional.ofNullable(defaultValue));
        }
    }
}

package io.possync.api;

import java.util.Objects;

/**
 * How one target field is computed: a JSONata expression over the canonical record (as JSON),
 * and whether the field is create-only.
 *
 * <pre>{@code
 * FieldRule name = new FieldRule("companyName ? companyName : contactPerson.lastName", FieldMode.CREATE_AND_UPDATE);
 * }</pre>
 *
 * @param expression JSONata; {@code $lookup('table', key)} reads a value map
 * @param mode       create-and-update or create-only
 */
public record FieldRule(String expression, FieldMode mode) {

    /** Rejects a blank expression; a null mode means create-and-update. */
    public FieldRule {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a field rule needs an expression");
        }
        mode = mode == null ? FieldMode.CREATE_AND_UPDATE : mode;
    }

    /** A create-and-update rule. */
    public static FieldRule of(String expression) {
        return new FieldRule(expression, FieldMode.CREATE_AND_UPDATE);
    }

    /** Whether the field is written only on create. */
    public boolean createOnly() {
        return Objects.equals(mode, FieldMode.CREATE_ONLY);
    }
}

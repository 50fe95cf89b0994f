package io.possync.api;

/**
 * Whether a mapped target field is written on every write or only when the record is created,
 * so data enriched in the target (a longer description, a purchase price) is not overwritten.
 *
 * <pre>{@code
 * MappingDefaults.builder().field("description", "description", FieldMode.CREATE_ONLY);
 * }</pre>
 */
public enum FieldMode {
    /** Written on create and on update. */
    CREATE_AND_UPDATE,
    /** Written on create only. */
    CREATE_ONLY
}

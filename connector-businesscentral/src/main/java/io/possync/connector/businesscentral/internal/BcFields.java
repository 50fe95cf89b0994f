package io.possync.connector.businesscentral.internal;

import io.possync.api.MappableField;

/**
 * Declares the writable properties of one Business Central entity type as mappable fields, with the
 * maximum string lengths of the real {@code $metadata} ({@link MaxLengths}); {@code MetadataContractTest}
 * checks every declared field against that document.
 */
public record BcFields(String entityType) {

    /** A string property, with its maximum length when the metadata has one. */
    public MappableField text(String property) {
        int max = MaxLengths.of(entityType, property);
        return max > 0 ? MappableField.text(property).maxLength(max) : MappableField.text(property);
    }

    /** A decimal property. */
    public MappableField number(String property) {
        return MappableField.number(property);
    }

    /** A boolean property. */
    public MappableField bool(String property) {
        return MappableField.bool(property);
    }

    /** A date property. */
    public MappableField date(String property) {
        return MappableField.date(property);
    }

    /** A GUID property (another record's id). */
    public MappableField id(String property) {
        return MappableField.text(property).describe("the id (GUID) of the related record");
    }
}

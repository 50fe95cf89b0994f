package io.possync.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What the engine hands a {@link Sink}: the canonical record and the target fields its mapping
 * produced (vendor field names, vendor shapes). On an update, create-only fields are already
 * left out of {@link #fields()}.
 *
 * <pre>{@code
 * public Ref create(MappedRecord<Customer> r) {
 *     JsonNode body = r.fields(); // {"displayName": "...", "email": "...", ...}
 *     ...
 * }
 * }</pre>
 *
 * @param record the canonical record
 * @param fields the mapped target document; each sink call gets its own instance, which the sink may modify
 * @param <T>    the record type
 */
public record MappedRecord<T extends CanonicalRecord>(T record, ObjectNode fields) {

    /** Rejects nulls. */
    public MappedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(fields, "fields");
    }

    /** The canonical record's source ref. */
    public Ref sourceRef() {
        return record.sourceRef();
    }
}

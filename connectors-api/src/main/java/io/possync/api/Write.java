package io.possync.api;

import java.util.Objects;

/**
 * One write for {@link Sink#writeAll}: create a record, or update the target record it is linked to.
 *
 * <pre>{@code
 * List<Write<Customer>> writes = List.of(new Write.Create<>(newOne), new Write.Update<>(targetRef, changed));
 * List<WriteResult> results = sink.writeAll(writes);
 * }</pre>
 *
 * @param <T> the record type
 */
public sealed interface Write<T extends CanonicalRecord> {

    /** The mapped record to write. */
    MappedRecord<T> record();

    /**
     * Create {@code record} in the target.
     *
     * @param record the mapped record
     * @param <T>    the record type
     */
    record Create<T extends CanonicalRecord>(MappedRecord<T> record) implements Write<T> {
        /** Rejects null. */
        public Create {
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * Update the target record {@code target} with {@code record}.
     *
     * @param target the record in the target system
     * @param record the mapped record, create-only fields left out
     * @param <T>    the record type
     */
    record Update<T extends CanonicalRecord>(Ref target, MappedRecord<T> record) implements Write<T> {
        /** Rejects nulls. */
        public Update {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(record, "record");
        }
    }
}

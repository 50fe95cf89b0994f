package io.possync.api;

import java.util.Objects;

/**
 * The outcome of one {@link Write} in a batch: written (with the target's ref) or failed with a
 * record-level error. Failures that concern the whole system (authentication, configuration)
 * are thrown instead, since no other write of the batch can succeed either.
 *
 * <pre>{@code
 * switch (result) {
 *     case WriteResult.Written w -> link(w.source(), w.target());
 *     case WriteResult.Failed f -> retryLater(f.source(), f.error());
 * }
 * }</pre>
 */
public sealed interface WriteResult {

    /** The source record the write was for. */
    Ref source();

    /**
     * The record is in the target.
     *
     * @param source  the source record
     * @param target  the record in the target
     * @param created whether it was created (false: updated)
     */
    record Written(Ref source, Ref target, boolean created) implements WriteResult {
        /** Rejects nulls. */
        public Written {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * The write failed for this record only.
     *
     * @param source the source record
     * @param error  a {@link RecordRejectedException} or a {@link TransientException}
     */
    record Failed(Ref source, PossyncException error) implements WriteResult {
        /** Rejects nulls and system-wide errors, which must be thrown. */
        public Failed {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(error, "error");
            if (!(error instanceof RecordRejectedException) && !(error instanceof TransientException)) {
                throw new IllegalArgumentException("a per-record failure is a rejection or transient, not " + error.getClass().getSimpleName());
            }
        }
    }
}

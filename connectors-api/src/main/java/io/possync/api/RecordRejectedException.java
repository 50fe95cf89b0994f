package io.possync.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One record cannot be synced as it is: invalid data, a missing dependency, or a vendor
 * answer that rejects it. The rest of the batch goes on; the record waits in the retry queue.
 *
 * <p>Carries what a support engineer needs: which record, which field, what was wrong, and
 * the vendor's error code when there was one.
 *
 * <pre>{@code
 * throw RecordRejectedException.builder("name is longer than 100 characters")
 *         .record(product.sourceRef())
 *         .fieldPath("displayName")
 *         .build();
 * }</pre>
 */
public final class RecordRejectedException extends PossyncException {

    private final String reason;
    private final Ref record;
    private final String fieldPath;
    private final String vendorCode;

    private RecordRejectedException(Builder b) {
        super(describe(b), b.cause);
        this.reason = b.reason;
        this.record = b.record;
        this.fieldPath = b.fieldPath;
        this.vendorCode = b.vendorCode;
    }

    /** Starts a rejection with its human-readable reason. */
    public static Builder builder(String reason) {
        return new Builder(reason);
    }

    /** The reason alone, without record or field. */
    public String reason() {
        return reason;
    }

    /** The record that was rejected, when known. */
    public Optional<Ref> record() {
        return Optional.ofNullable(record);
    }

    /** The path of the offending field (e.g. {@code lines[2].sku}), when known. */
    public Optional<String> fieldPath() {
        return Optional.ofNullable(fieldPath);
    }

    /** The vendor's error code (e.g. {@code BadRequest_InvalidToken}), when the vendor sent one. */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    /** A copy of this rejection that names {@code ref} as the rejected record. */
    public RecordRejectedException withRecord(Ref ref) {
        return toBuilder().record(ref).build();
    }

    /** A builder preset with this rejection's values. */
    public Builder toBuilder() {
        return new Builder(reason).record(record).fieldPath(fieldPath).vendorCode(vendorCode).cause(getCause());
    }

    private static String describe(Builder b) {
        StringBuilder s = new StringBuilder();
        if (b.record != null) {
            s.append(b.record).append(": ");
        }
        if (b.fieldPath != null) {
            s.append("field '").append(b.fieldPath).append("': ");
        }
        s.append(b.reason);
        if (b.vendorCode != null) {
            s.append(" (vendor code ").append(b.vendorCode).append(')');
        }
        return s.toString();
    }

    /** Builds a {@link RecordRejectedException}. */
    public static final class Builder {
        private final String reason;
        private Ref record;
        private String fieldPath;
        private String vendorCode;
        private Throwable cause;

        private Builder(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        /** The rejected record (may be null when not yet known). */
        public Builder record(Ref record) {
            this.record = record;
            return this;
        }

        /** The offending field's path (may be null). */
        public Builder fieldPath(String fieldPath) {
            this.fieldPath = fieldPath;
            return this;
        }

        /** The vendor's error code (may be null). */
        public Builder vendorCode(String vendorCode) {
            this.vendorCode = vendorCode;
            return this;
        }

        /** The underlying cause (may be null). */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** The exception. */
        public RecordRejectedException build() {
            return new RecordRejectedException(this);
        }
    }
}

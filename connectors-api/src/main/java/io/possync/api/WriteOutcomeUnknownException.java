package io.possync.api;

/**
 * A non-idempotent write was sent but its answer never arrived (timeout, dropped connection,
 * 502/504): the target may or may not hold the record now.
 *
 * <p>The HTTP toolkit never re-sends such a write by itself. The engine treats the record as
 * transient and, on its retry, looks the record up by natural key before writing, so a lost
 * answer can never cause a duplicate.
 *
 * <pre>{@code
 * catch (WriteOutcomeUnknownException e) {
 *     sink.find(NaturalKey.orderNumber(order.number())); // re-read before any retry
 * }
 * }</pre>
 */
public final class WriteOutcomeUnknownException extends TransientException {

    /** The write's answer never came: {@code cause} is the network failure. */
    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, null, null, java.util.Objects.requireNonNull(cause, "cause"));
    }

    /** The write was answered with {@code httpStatus} (a 502 or 504), which says nothing of whether it was applied. */
    public WriteOutcomeUnknownException(String message, int httpStatus, Throwable cause) {
        super(message, null, httpStatus, java.util.Objects.requireNonNull(cause, "cause"));
    }
}

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

    /** Creates the exception; {@code cause} may be null. */
    public WriteOutcomeUnknownException(String message, Integer httpStatus, Throwable cause) {
        super(message, null, httpStatus, cause);
    }
}

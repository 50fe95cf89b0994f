package io.possync.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure that is expected to pass: a network error, a timeout, HTTP 429 or a 5xx answer.
 *
 * <p>The engine keeps the affected record in its retry queue (or, when the whole system is
 * unreachable, stops the run without moving its cursor). {@link #retryAfter()} carries the
 * server's {@code Retry-After} when it sent one.
 *
 * <pre>{@code
 * throw new TransientException("Business Central answered 503", Duration.ofSeconds(30), 503);
 * }</pre>
 */
public sealed class TransientException extends PossyncException permits WriteOutcomeUnknownException {

    private final Duration retryAfter;
    private final Integer httpStatus;

    /** A transient failure without a server-given delay or HTTP status. */
    public TransientException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /** A transient failure with an optional server-given delay and HTTP status (either may be null). */
    public TransientException(String message, Duration retryAfter, Integer httpStatus) {
        this(message, retryAfter, httpStatus, null);
    }

    /** The full form; {@code retryAfter}, {@code httpStatus} and {@code cause} may be null. */
    public TransientException(String message, Duration retryAfter, Integer httpStatus, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    /** How long the server asked callers to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status that caused this, if the failure was an HTTP answer. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }
}

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
 * throw TransientException.builder("Business Central answered 503").httpStatus(503).retryAfter(Duration.ofSeconds(30)).build();
 * throw new TransientException("the shop could not be reached", ioException);
 * }</pre>
 */
public sealed class TransientException extends PossyncException permits WriteOutcomeUnknownException {

    private final Duration retryAfter;
    private final Integer httpStatus;

    /** A transient failure caused by {@code cause}, without a server-given delay or HTTP status. */
    public TransientException(String message, Throwable cause) {
        this(message, null, null, Objects.requireNonNull(cause, "cause"));
    }

    TransientException(String message, Duration retryAfter, Integer httpStatus, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
    }

    /** A transient failure with nothing more to say than {@code message}. */
    public static TransientException of(String message) {
        return new TransientException(message, null, null, null);
    }

    /** Starts a transient failure with {@code message}; the rest is optional. */
    public static Builder builder(String message) {
        return new Builder(Objects.requireNonNull(message, "message"));
    }

    /** How long the server asked callers to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The HTTP status that caused this, if the failure was an HTTP answer. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** Builds a {@link TransientException}; every part but the message is optional. */
    public static final class Builder {
        private final String message;
        private Duration retryAfter;
        private Integer httpStatus;
        private Throwable cause;

        private Builder(String message) {
            this.message = message;
        }

        /** The delay the server asked for. */
        public Builder retryAfter(Duration delay) {
            this.retryAfter = Objects.requireNonNull(delay, "retryAfter");
            return this;
        }

        /** The delay the server asked for, when it asked. */
        public Builder retryAfter(Optional<Duration> delay) {
            this.retryAfter = delay.orElse(null);
            return this;
        }

        /** The HTTP status of the answer that failed. */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /** The HTTP status of the answer that failed, when there was an answer. */
        public Builder httpStatus(Optional<Integer> status) {
            this.httpStatus = status.orElse(null);
            return this;
        }

        /** What caused the failure. */
        public Builder cause(Throwable cause) {
            this.cause = Objects.requireNonNull(cause, "cause");
            return this;
        }

        public TransientException build() {
            return new TransientException(message, retryAfter, httpStatus, cause);
        }
    }
}

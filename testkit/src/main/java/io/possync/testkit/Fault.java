package io.possync.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault the sandbox injects into one request instead of (or after) serving it.
 *
 * <pre>{@code
 * sandbox.faults().next(Fault.status(429));
 * sandbox.faults().next(Fault.status(503, Duration.ofSeconds(2)));
 * sandbox.faults().nextWrite(Fault.lostResponse());   // the write commits, the answer never arrives
 * }</pre>
 *
 * @param kind       what happens
 * @param status     the HTTP status of a {@link Kind#STATUS} fault
 * @param retryAfter the Retry-After a status fault sends, if any
 * @param delay      how long a {@link Kind#DELAY} fault holds the answer back
 */
public record Fault(Kind kind, int status, Optional<Duration> retryAfter, Duration delay) {

    /** Kinds of fault. */
    public enum Kind {
        /** Answer with an error status and the vendor's error body; nothing is processed. */
        STATUS,
        /** Hold the answer back (longer than the client's timeout makes a timeout). */
        DELAY,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED,
        /** Process the request (a write commits), then drop the connection without answering. */
        LOST_RESPONSE,
        /** Drop the connection without processing the request or answering it. */
        DROPPED_CONNECTION,
        /**
         * Another user edits every row just before the request is processed, so every etag the client
         * holds is stale (sandboxes with optimistic concurrency; others ignore it).
         */
        CONCURRENT_EDIT
    }

    /** Checks parts. */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** An error status without Retry-After. */
    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, Optional.empty(), Duration.ZERO);
    }

    /** An error status with Retry-After. */
    public static Fault status(int status, Duration retryAfter) {
        return new Fault(Kind.STATUS, status, Optional.of(retryAfter), Duration.ZERO);
    }

    /** An answer delayed by {@code delay}. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, Optional.empty(), delay);
    }

    /** A 200 whose body is not JSON. */
    public static Fault malformed() {
        return new Fault(Kind.MALFORMED, 200, Optional.empty(), Duration.ZERO);
    }

    /** Every row changes just before the request: a PATCH with an etag read earlier meets 409. */
    public static Fault concurrentEdit() {
        return new Fault(Kind.CONCURRENT_EDIT, 0, Optional.empty(), Duration.ZERO);
    }

    /** A connection dropped before the request is processed: nothing happens and nothing is answered. */
    public static Fault droppedConnection() {
        return new Fault(Kind.DROPPED_CONNECTION, 0, Optional.empty(), Duration.ZERO);
    }

    /** A processed request whose answer is lost. */
    public static Fault lostResponse() {
        return new Fault(Kind.LOST_RESPONSE, 0, Optional.empty(), Duration.ZERO);
    }
}

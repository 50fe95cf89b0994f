package io.possync.api.http;

/**
 * Paces requests to what a vendor allows, so a long sync runs at the vendor's rate instead of
 * collecting 429s. Share one instance among everything that uses the same credential: vendors
 * count per user or per account, not per flow.
 *
 * <pre>{@code
 * RateLimiter bc = SlidingWindowRateLimiter.builder()
 *         .maxRequests(6000).per(Duration.ofMinutes(5)).maxConcurrent(5).build();
 * try (RateLimiter.Permit p = bc.acquire(request)) {
 *     ... send ...
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface RateLimiter {

    /** Blocks until {@code request} may be sent; close the permit when its answer has arrived. */
    Permit acquire(ApiRequest request) throws InterruptedException;

    /** Lets the limiter learn from the server's answer (e.g. bucket levels in headers). */
    default void onResponse(ApiResponse response) {
    }

    /** A limiter that never waits. */
    static RateLimiter unlimited() {
        return request -> () -> { };
    }

    /** The right to have one request in flight; {@link #close()} gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}

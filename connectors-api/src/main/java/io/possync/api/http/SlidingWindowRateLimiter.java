package io.possync.api.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * At most {@code maxRequests} starts in any sliding window of {@code per}, and at most
 * {@code maxConcurrent} requests in flight. This is the shape of Business Central's limit
 * (6,000 requests per 5 minutes and 5 concurrent per user).
 *
 * <pre>{@code
 * RateLimiter limiter = SlidingWindowRateLimiter.builder()
 *         .maxRequests(6000).per(Duration.ofMinutes(5)).maxConcurrent(5).build();
 * }</pre>
 *
 * <p>Thread-safe; waiting threads are served in arrival order for the concurrency cap.
 */
public final class SlidingWindowRateLimiter implements RateLimiter {

    private final int maxRequests;
    private final long windowNanos;
    private final Semaphore concurrency;
    private final TimeSource time;
    private final String remainingHeader;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    private SlidingWindowRateLimiter(Builder b) {
        this.maxRequests = b.maxRequests;
        this.remainingHeader = b.remainingHeader;
        this.windowNanos = b.window.toNanos();
        this.concurrency = new Semaphore(b.maxConcurrent, true);
        this.time = b.time;
    }

    /** A new builder (defaults: 6,000 per 5 minutes, 5 concurrent). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Permit acquire(ApiRequest request) throws InterruptedException {
        concurrency.acquire();
        try {
            waitForWindow();
        } catch (InterruptedException | RuntimeException e) {
            concurrency.release();
            throw e;
        }
        return new Permit() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    concurrency.release();
                }
            }
        };
    }

    /**
     * When a remaining-requests header is followed and the server reports fewer left than this
     * limiter's own window allows, the difference (requests other clients of the account made) is
     * counted as made now, so this limiter slows down with the account instead of meeting 429s.
     */
    @Override
    public void onResponse(ApiResponse response) {
        if (remainingHeader == null) {
            return;
        }
        response.header(remainingHeader).ifPresent(value -> {
            int remaining;
            try {
                remaining = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                return;
            }
            synchronized (starts) {
                long now = time.nanoTime();
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                for (int free = maxRequests - starts.size(); free > Math.max(remaining, 0); free--) {
                    starts.addLast(now);
                }
            }
        });
    }

    private void waitForWindow() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (starts) {
                long now = time.nanoTime();
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (starts.size() < maxRequests) {
                    starts.addLast(now);
                    return;
                }
                wait = starts.peekFirst() + windowNanos - now;
            }
            time.sleep(Duration.ofNanos(Math.max(wait, 1_000_000)));
        }
    }

    /** Builds a {@link SlidingWindowRateLimiter}. */
    public static final class Builder {
        private int maxRequests = 6000;
        private Duration window = Duration.ofMinutes(5);
        private int maxConcurrent = 5;
        private TimeSource time = TimeSource.system();
        private String remainingHeader;

        private Builder() {
        }

        /** Follows the server's count of requests left in the window (e.g. {@code X-RateLimit-Remaining}). */
        public Builder remainingHeader(String name) {
            this.remainingHeader = Objects.requireNonNull(name, "remainingHeader");
            return this;
        }

        /** Requests allowed per window. */
        public Builder maxRequests(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1, was " + n);
            }
            this.maxRequests = n;
            return this;
        }

        /** The window length. */
        public Builder per(Duration window) {
            if (Objects.requireNonNull(window, "window").isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the window must be positive, was " + window);
            }
            this.window = window;
            return this;
        }

        /** Requests allowed in flight at once. */
        public Builder maxConcurrent(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + n);
            }
            this.maxConcurrent = n;
            return this;
        }

        /** The clock and sleep (default: the system's). */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "timeSource");
            return this;
        }

        /** The limiter. */
        public SlidingWindowRateLimiter build() {
            return new SlidingWindowRateLimiter(this);
        }
    }
}

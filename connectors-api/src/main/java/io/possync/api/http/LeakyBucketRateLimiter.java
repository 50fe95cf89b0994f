package io.possync.api.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A leaky bucket: each request adds its {@link ApiRequest#cost() cost} to a bucket that drains at
 * a fixed rate; a request waits while it would overflow. After every answer the bucket follows
 * the level the server reports, so several processes sharing one account stay in step. This is
 * the shape of Lightspeed Retail's limit ({@code X-LS-API-Bucket-Level: 11/60},
 * {@code X-LS-API-Drip-Rate: 1}; GET 1 unit, writes 10).
 *
 * <pre>{@code
 * RateLimiter limiter = LeakyBucketRateLimiter.builder()
 *         .capacity(60).dripPerSecond(1)
 *         .levelHeader("X-LS-API-Bucket-Level").dripRateHeader("X-LS-API-Drip-Rate")
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LeakyBucketRateLimiter implements RateLimiter {

    private final String levelHeader;
    private final String dripRateHeader;
    private final TimeSource time;
    private double capacity;
    private double dripPerSecond;
    private double level;
    private long levelAt;

    private LeakyBucketRateLimiter(Builder b) {
        this.capacity = b.capacity;
        this.dripPerSecond = b.dripPerSecond;
        this.levelHeader = b.levelHeader;
        this.dripRateHeader = b.dripRateHeader;
        this.time = b.time;
        this.levelAt = time.nanoTime();
    }

    /** A new builder (defaults: capacity 60, 1 unit per second, no headers followed). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Permit acquire(ApiRequest request) throws InterruptedException {
        double cost = Math.min(request.cost(), capacity);
        while (true) {
            long waitNanos;
            synchronized (this) {
                drain();
                if (level + cost <= capacity) {
                    level += cost;
                    return () -> { };
                }
                waitNanos = (long) ((level + cost - capacity) / dripPerSecond * 1e9);
            }
            time.sleep(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
        }
    }

    @Override
    public synchronized void onResponse(ApiResponse response) {
        if (dripRateHeader != null) {
            response.header(dripRateHeader).flatMap(LeakyBucketRateLimiter::parseNumber)
                    .filter(r -> r > 0).ifPresent(r -> dripPerSecond = r);
        }
        if (levelHeader != null) {
            response.header(levelHeader).ifPresent(value -> {
                String[] parts = value.split("/");
                Optional<Double> reported = parseNumber(parts[0]);
                if (parts.length == 2) {
                    parseNumber(parts[1]).filter(c -> c > 0).ifPresent(c -> capacity = c);
                }
                reported.ifPresent(l -> {
                    drain();
                    // The server's level lags our own bookkeeping of requests still in flight,
                    // so only ever raise ours: lowering it could overshoot.
                    level = Math.max(level, Math.min(l, capacity));
                });
            });
        }
    }

    /** The current level, for tests and metrics. */
    public synchronized double level() {
        drain();
        return level;
    }

    private void drain() {
        long now = time.nanoTime();
        level = Math.max(0, level - (now - levelAt) / 1e9 * dripPerSecond);
        levelAt = now;
    }

    private static Optional<Double> parseNumber(String s) {
        try {
            return Optional.of(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Builds a {@link LeakyBucketRateLimiter}. */
    public static final class Builder {
        private double capacity = 60;
        private double dripPerSecond = 1;
        private String levelHeader;
        private String dripRateHeader;
        private TimeSource time = TimeSource.system();

        private Builder() {
        }

        /** Bucket size in units. */
        public Builder capacity(double units) {
            if (units <= 0) {
                throw new IllegalArgumentException("capacity must be positive, was " + units);
            }
            this.capacity = units;
            return this;
        }

        /** Units drained per second. */
        public Builder dripPerSecond(double units) {
            if (units <= 0) {
                throw new IllegalArgumentException("dripPerSecond must be positive, was " + units);
            }
            this.dripPerSecond = units;
            return this;
        }

        /** The response header reporting {@code level/capacity}. */
        public Builder levelHeader(String name) {
            this.levelHeader = Objects.requireNonNull(name, "levelHeader");
            return this;
        }

        /** The response header reporting the drip rate per second. */
        public Builder dripRateHeader(String name) {
            this.dripRateHeader = Objects.requireNonNull(name, "dripRateHeader");
            return this;
        }

        /** The clock and sleep (default: the system's). */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "timeSource");
            return this;
        }

        /** The limiter. */
        public LeakyBucketRateLimiter build() {
            return new LeakyBucketRateLimiter(this);
        }
    }
}

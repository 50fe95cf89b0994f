package io.possync.api.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the toolkit retries transient failures: exponential backoff with jitter, bounded by a
 * number of attempts and by elapsed time; a server's {@code Retry-After} (seconds or HTTP date)
 * takes precedence over the computed backoff, up to {@link #maxRetryAfter()}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofSeconds(1)).build();
 * RetryPolicy defaults = RetryPolicy.ofDefaults(); // 5 attempts, 500 ms doubling to 30 s, within 2 minutes
 * }</pre>
 *
 * <p>A write whose outcome is unknown (POST timed out, 502/504) is never retried by the toolkit,
 * whatever this policy says; see {@link io.possync.api.WriteOutcomeUnknownException}.
 *
 * @param maxAttempts    attempts in all, the first included
 * @param initialBackoff delay before the second attempt
 * @param maxBackoff     the longest computed delay
 * @param multiplier     growth of the delay per attempt
 * @param jitter         random spread of each delay, 0 (none) to 1 (±100 %)
 * @param maxElapsed     no retry starts after this much time since the first attempt
 * @param maxRetryAfter  the longest server-requested delay honoured; a longer one fails at once
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, Duration maxElapsed, Duration maxRetryAfter) {

    /** Checks ranges. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxElapsed, "maxElapsed");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** 5 attempts, 500 ms doubling up to 30 s, ±20 % jitter, within 2 minutes, Retry-After up to 5 minutes. */
    public static RetryPolicy ofDefaults() {
        return builder().build();
    }

    /** A single attempt: no retries. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The delay before attempt {@code attempt + 1}, jittered. */
    public Duration backoff(int attempt) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        double spread = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        return Duration.ofNanos((long) Math.max(0, capped * (1 + spread)));
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double multiplier = 2;
        private double jitter = 0.2;
        private Duration maxElapsed = Duration.ofMinutes(2);
        private Duration maxRetryAfter = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Attempts in all. */
        public Builder maxAttempts(int n) {
            maxAttempts = n;
            return this;
        }

        /** First delay. */
        public Builder initialBackoff(Duration d) {
            initialBackoff = d;
            return this;
        }

        /** Longest computed delay. */
        public Builder maxBackoff(Duration d) {
            maxBackoff = d;
            return this;
        }

        /** Growth per attempt. */
        public Builder multiplier(double m) {
            multiplier = m;
            return this;
        }

        /** Random spread, 0 to 1. */
        public Builder jitter(double j) {
            jitter = j;
            return this;
        }

        /** Time budget for all attempts. */
        public Builder maxElapsed(Duration d) {
            maxElapsed = d;
            return this;
        }

        /** Longest Retry-After honoured. */
        public Builder maxRetryAfter(Duration d) {
            maxRetryAfter = d;
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxElapsed, maxRetryAfter);
        }
    }
}

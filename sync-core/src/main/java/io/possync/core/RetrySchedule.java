package io.possync.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When a record in the retry queue is tried again: after {@code initialDelay}, doubling with each
 * failed attempt up to {@code maxDelay}. A record is never dropped from the queue by age: it
 * stays until it syncs or the source no longer has it.
 *
 * <pre>{@code
 * Flow.orders("pos-to-erp").retrySchedule(new RetrySchedule(Duration.ofMinutes(5), Duration.ofHours(12)))...
 * }</pre>
 *
 * @param initialDelay delay after the first failure
 * @param maxDelay     the longest delay
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay) {

    /** Checks the delays are sensible. */
    public RetrySchedule {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, got " + initialDelay + " and " + maxDelay);
        }
    }

    /** 1 minute, doubling to 6 hours. */
    public static RetrySchedule ofDefaults() {
        return new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6));
    }

    /** The delay after {@code attempts} failed attempts (1 or more). */
    public Duration delayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = initialDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 || d.isNegative() ? maxDelay : d;
    }
}

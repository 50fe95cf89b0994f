package io.possync.testkit;

import io.possync.api.http.TimeSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Time that runs {@code factor} times faster than the wall clock, shared by a sandbox and the
 * connector under test so that rate limits measured in minutes are exercised in seconds: a 10-second
 * wait in the limiter sleeps 10 ms at factor 1,000, and the sandbox's bucket drains 1,000 times
 * faster by the same clock.
 *
 * <pre>{@code
 * ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
 * LightspeedSandbox pos = LightspeedSandbox.builder().time(time).start();
 * LightspeedRetail retail = LightspeedRetail.connect(settings.toBuilder().timeSource(time).build());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ScaledTime implements TimeSource {

    private final Instant origin;
    private final long originNanos;
    private final double factor;

    private ScaledTime(Instant origin, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("the factor must be positive, was " + factor);
        }
        this.origin = Objects.requireNonNull(origin, "origin");
        this.originNanos = System.nanoTime();
        this.factor = factor;
    }

    /** Time starting at {@code origin} now, running {@code factor} times as fast as the wall clock. */
    public static ScaledTime startingAt(Instant origin, double factor) {
        return new ScaledTime(origin, factor);
    }

    /** Real time (factor 1) starting at the current instant. */
    public static ScaledTime real() {
        return new ScaledTime(Instant.now(), 1);
    }

    /** How much faster than the wall clock this time runs. */
    public double factor() {
        return factor;
    }

    @Override
    public Instant now() {
        return origin.plusNanos(nanoTime());
    }

    @Override
    public long nanoTime() {
        return (long) ((System.nanoTime() - originNanos) * factor);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long realNanos = (long) (duration.toNanos() / factor);
        if (realNanos > 0) {
            Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
        }
    }

    /** This time as a {@link Clock} in UTC, for code that takes one. */
    public Clock asClock() {
        return new ScaledClock(this, ZoneOffset.UTC);
    }

    private static final class ScaledClock extends Clock {
        private final ScaledTime time;
        private final ZoneId zone;

        ScaledClock(ScaledTime time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ScaledClock(time, zone);
        }

        @Override
        public Instant instant() {
            return time.now();
        }
    }
}

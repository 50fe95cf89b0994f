package io.possync.api.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleep the HTTP toolkit uses for backoff, rate limiting and token expiry.
 * Tests and benchmarks substitute a scaled or simulated one; production uses {@link #system()}.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder("lightspeed", baseUri).timeSource(TimeSource.system()).build();
 * }</pre>
 */
public interface TimeSource {

    /** The current instant. */
    Instant now();

    /** A monotonic nanosecond reading for measuring elapsed time. */
    long nanoTime();

    /** Blocks the calling thread for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock and {@link Thread#sleep}. */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}

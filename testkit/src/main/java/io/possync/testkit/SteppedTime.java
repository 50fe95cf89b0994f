package io.possync.testkit;

import io.possync.api.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Time a test moves by hand, shared by a sandbox and a connection, so that "changed since" reads see records a
 * second apart without waiting; sleeps (retry backoff) are real. Thread-safe.
 *
 * <pre>{@code
 * SteppedTime time = SteppedTime.at(Instant.parse("2026-11-20T09:00:00Z"));
 * WinstoreSandbox sandbox = WinstoreSandbox.builder().time(time).start();
 * sandbox.seed(...); time.advance(1); sandbox.seed(...);
 * }</pre>
 */
public final class SteppedTime implements TimeSource {

    private final AtomicReference<Instant> now;

    private SteppedTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Time standing at {@code start} until {@link #advance} moves it. */
    public static SteppedTime at(Instant start) {
        return new SteppedTime(java.util.Objects.requireNonNull(start, "start"));
    }

    /** Moves the time {@code seconds} on. */
    public void advance(long seconds) {
        now.updateAndGet(t -> t.plusSeconds(seconds));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}

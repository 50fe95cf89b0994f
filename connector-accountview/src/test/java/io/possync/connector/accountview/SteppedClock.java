package io.possync.connector.accountview;

import io.possync.api.http.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand, shared by the sandbox and the connection; sleeps are real. */
final class SteppedClock implements TimeSource {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T09:00:00Z"));

    /** Moves the clock {@code seconds} on. */
    void advance(long seconds) {
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

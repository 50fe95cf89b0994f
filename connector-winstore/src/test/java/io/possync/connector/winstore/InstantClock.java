package io.possync.connector.winstore;

import io.possync.api.http.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock on which waiting takes no time: a sleep moves it on at once, so waits are exact and tests fast. */
final class InstantClock implements TimeSource {

    private final Instant start = Instant.parse("2026-11-20T09:00:00Z");
    private final AtomicLong elapsedNanos = new AtomicLong();

    @Override
    public Instant now() {
        return start.plusNanos(elapsedNanos.get());
    }

    @Override
    public long nanoTime() {
        return elapsedNanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        elapsedNanos.addAndGet(Math.max(0, duration.toNanos()));
    }
}

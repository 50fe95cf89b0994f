package io.possync.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe count of requests sent to one system through one client; it only grows.
 *
 * <pre>{@code
 * RequestCounter counter = new RequestCounter();
 * counter.increment();
 * long sent = counter.count();
 * }</pre>
 */
public final class RequestCounter {

    private final AtomicLong count = new AtomicLong();

    /** A counter at zero. */
    public RequestCounter() {
    }

    /** Counts one request. */
    public void increment() {
        count.incrementAndGet();
    }

    /** Requests counted so far. */
    public long count() {
        return count.get();
    }

    @Override
    public String toString() {
        return "RequestCounter[" + count() + "]";
    }
}

package io.possync.connector.buchhaltungsbutler.internal;

import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.TimeSource;

import java.time.Duration;

/**
 * The tenant's request limiter plus BuchhaltungsButler's own rule for {@code /receipts/addBatch}:
 * one call per interval (5 s), else 403 with error 15 "adding temporarily restricted". Thread-safe.
 */
final class ReceiptBatchPacing implements RateLimiter {

    private final RateLimiter tenant;
    private final Duration interval;
    private final TimeSource time;
    private long lastBatch = Long.MIN_VALUE;

    ReceiptBatchPacing(RateLimiter tenant, Duration interval, TimeSource time) {
        this.tenant = tenant;
        this.interval = interval;
        this.time = time;
    }

    @Override
    public Permit acquire(ApiRequest request) throws InterruptedException {
        Permit permit = tenant.acquire(request);
        if (request.path().endsWith("receipts/addBatch")) {
            try {
                waitForBatchSlot();
            } catch (InterruptedException e) {
                permit.close();
                throw e;
            }
        }
        return permit;
    }

    private synchronized void waitForBatchSlot() throws InterruptedException {
        long now = time.nanoTime();
        if (lastBatch != Long.MIN_VALUE) {
            // A margin, because the server measures the interval between arrivals, not between sends.
            long margin = Math.max(interval.toNanos() / 20, Duration.ofMillis(100).toNanos());
            long wait = lastBatch + interval.toNanos() + margin - now;
            if (wait > 0) {
                time.sleep(Duration.ofNanos(wait));
                now = time.nanoTime();
            }
        }
        lastBatch = now;
    }

    /** Called after a 403/15: the next batch waits a whole interval from now. */
    synchronized void restricted() {
        lastBatch = time.nanoTime();
    }

    @Override
    public void onResponse(ApiResponse response) {
        tenant.onResponse(response);
    }
}

package io.possync.connector.buchhaltungsbutler.internal;

import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.TimeSource;

import java.time.Duration;

/**
 * The tenant's request limiter plus BuchhaltungsButler's own rule for {@code /receipts/addBatch}:
 * one call per interval (5 s), else 403 with error 15 "adding temporarily restricted". One batch is
 * in flight at a time and the next leaves a whole interval after the previous one's answer arrived:
 * the server took the previous one before it answered, so however slow the network, the server sees
 * at least the interval between the two. Thread-safe.
 */
final class ReceiptBatchPacing implements RateLimiter {

    private final RateLimiter tenant;
    private final Duration interval;
    private final TimeSource time;
    private long lastAnswered = Long.MIN_VALUE;
    private boolean inFlight;

    ReceiptBatchPacing(RateLimiter tenant, Duration interval, TimeSource time) {
        this.tenant = tenant;
        this.interval = interval;
        this.time = time;
    }

    @Override
    public Permit acquire(ApiRequest request) throws InterruptedException {
        if (!request.path().endsWith("receipts/addBatch")) {
            return tenant.acquire(request);
        }
        waitForBatchSlot();
        Permit permit;
        try {
            permit = tenant.acquire(request);
        } catch (InterruptedException | RuntimeException e) {
            answered();
            throw e;
        }
        return () -> {
            try {
                permit.close();
            } finally {
                answered();
            }
        };
    }

    private void waitForBatchSlot() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                if (inFlight) {
                    wait = Duration.ofMillis(50).toNanos();
                } else {
                    wait = lastAnswered == Long.MIN_VALUE ? 0 : lastAnswered + interval.toNanos() - time.nanoTime();
                    if (wait <= 0) {
                        inFlight = true;
                        return;
                    }
                }
            }
            time.sleep(Duration.ofNanos(wait));
        }
    }

    private synchronized void answered() {
        inFlight = false;
        lastAnswered = time.nanoTime();
    }

    /** Called after a 403/15: the next batch waits a whole interval from now. */
    synchronized void restricted() {
        lastAnswered = time.nanoTime();
    }

    @Override
    public void onResponse(ApiResponse response) {
        tenant.onResponse(response);
    }
}

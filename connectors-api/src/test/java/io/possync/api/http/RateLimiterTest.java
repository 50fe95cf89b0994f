package io.possync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Virtual time: sleeping advances the clock instantly. */
    static final class VirtualTime implements TimeSource {
        private long nanos;

        @Override
        public synchronized Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }

        @Override
        public synchronized long nanoTime() {
            return nanos;
        }

        @Override
        public synchronized void sleep(Duration d) {
            nanos += d.toNanos();
        }
    }

    private static final ApiRequest GET = ApiRequest.get("x").build();
    private static final ApiRequest POST = ApiRequest.post("x", "{}").build();

    @Test
    void slidingWindowAllowsAtMostTheLimitPerWindow() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = SlidingWindowRateLimiter.builder().maxRequests(10).per(Duration.ofSeconds(1))
                .maxConcurrent(5).timeSource(time).build();

        for (int i = 0; i < 25; i++) {
            limiter.acquire(GET).close();
        }

        assertThat(time.nanoTime()).isBetween(Duration.ofSeconds(2).toNanos(), Duration.ofMillis(2100).toNanos());
    }

    @Test
    void slidingWindowCountsWhatOtherClientsSpentFromTheRemainingHeader() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = SlidingWindowRateLimiter.builder().maxRequests(350).per(Duration.ofMinutes(5))
                .remainingHeader("X-RateLimit-Remaining").timeSource(time).build();
        limiter.acquire(GET).close();

        limiter.onResponse(new ApiResponse(200, Map.of("X-RateLimit-Remaining", List.of("2")), new byte[0]));
        limiter.acquire(GET).close();
        limiter.acquire(GET).close();
        assertThat(time.nanoTime()).as("two left: no wait").isZero();
        limiter.acquire(GET).close();

        assertThat(Duration.ofNanos(time.nanoTime())).as("the third waits for the window").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void slidingWindowModelsBusinessCentralsSixThousandPerFiveMinutes() throws Exception {
        VirtualTime time = new VirtualTime();
        RateLimiter limiter = SlidingWindowRateLimiter.builder().timeSource(time).build();

        for (int i = 0; i < 6000; i++) {
            limiter.acquire(GET).close();
        }
        assertThat(time.nanoTime()).isZero();
        limiter.acquire(GET).close();

        assertThat(Duration.ofNanos(time.nanoTime())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void concurrencyCapHoldsUnderLoad() throws Exception {
        RateLimiter limiter = SlidingWindowRateLimiter.builder().maxRequests(10_000).maxConcurrent(3).build();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                try (RateLimiter.Permit p = limiter.acquire(GET)) {
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    inFlight.decrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        assertThat(peak.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void leakyBucketWeighsWritesTenTimesReads() throws Exception {
        VirtualTime time = new VirtualTime();
        LeakyBucketRateLimiter bucket = LeakyBucketRateLimiter.builder().capacity(60).dripPerSecond(1).timeSource(time).build();

        for (int i = 0; i < 6; i++) {
            bucket.acquire(POST).close();
        }
        assertThat(time.nanoTime()).isZero();
        bucket.acquire(POST).close();

        assertThat(Duration.ofNanos(time.nanoTime())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void leakyBucketFollowsTheLevelTheServerReports() throws Exception {
        VirtualTime time = new VirtualTime();
        LeakyBucketRateLimiter bucket = LeakyBucketRateLimiter.builder().capacity(60).dripPerSecond(1)
                .levelHeader("X-LS-API-Bucket-Level").dripRateHeader("X-LS-API-Drip-Rate").timeSource(time).build();

        bucket.onResponse(new ApiResponse(200, Map.of("X-LS-API-Bucket-Level", List.of("58/60"),
                "X-LS-API-Drip-Rate", List.of("2")), new byte[0]));
        bucket.acquire(GET).close();
        bucket.acquire(GET).close();
        bucket.acquire(GET).close();

        // 58 + 3 > 60: the third read waits for one unit to drain at 2 units per second.
        assertThat(Duration.ofNanos(time.nanoTime())).isEqualTo(Duration.ofMillis(500));
    }
}

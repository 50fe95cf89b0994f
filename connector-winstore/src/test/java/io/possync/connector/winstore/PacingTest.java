package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Winstore publishes no limit: a connection paces itself at one request per 500 ms, and waits out a 429 when it meets one. */
class PacingTest {

    private static final int READS = 40;

    private static WinstoreSettings settings(WinstoreSandbox sandbox, InstantClock time) {
        return WinstoreSettings.builder(sandbox.username(), Secret.of(sandbox.password())).baseUrl(sandbox.apiUri()).timeSource(time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofMillis(100)).build()).build();
    }

    @Test
    void theDefaultPacingStaysUnderALimitOf120AMinute() {
        InstantClock time = new InstantClock();
        try (WinstoreSandbox sandbox = WinstoreSandbox.builder().time(time).limitPerMinute(120).start()) {
            sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe"));
            Winstore winstore = Winstore.connect(settings(sandbox, time));

            for (int i = 0; i < READS; i++) {
                winstore.articles().changesSince(Cursor.of("2026-01-01T00:00:00Z|"), 100);
            }

            assertThat(sandbox.throttledCount()).isZero();
            assertThat(sandbox.requestCount()).isEqualTo(READS);
        }
    }

    @Test
    void withoutPacingA429IsWaitedOutAndEveryReadSucceeds() {
        InstantClock time = new InstantClock();
        try (WinstoreSandbox sandbox = WinstoreSandbox.builder().time(time).limitPerMinute(20).articleDelay(Duration.ofSeconds(1)).start()) {
            sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe"));
            Winstore winstore = Winstore.connect(settings(sandbox, time), RateLimiter.unlimited());

            for (int i = 0; i < READS; i++) {
                assertThat(winstore.articles().changesSince(Cursor.of("2026-01-01T00:00:00Z|"), 100).records()).hasSize(1);
            }

            assertThat(sandbox.throttledCount()).isPositive();
            assertThat(sandbox.requestCount()).isEqualTo(READS + sandbox.throttledCount());
        }
    }
}

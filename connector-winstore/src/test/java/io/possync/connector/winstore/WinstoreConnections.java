package io.possync.connector.winstore;

import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.testkit.SteppedTime;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * A sandbox on a clock the test moves, and connections to it on the same clock (fast retries, a short
 * timeout, no pacing): what the contract tests share.
 */
public final class WinstoreConnections {

    private final SteppedTime clock = SteppedTime.at(Instant.parse("2026-11-20T09:00:00Z"));
    private final WinstoreSandbox sandbox = WinstoreSandbox.builder().time(clock).start();

    public WinstoreSandbox sandbox() {
        return sandbox;
    }

    SteppedTime clock() {
        return clock;
    }

    /** Moves the shared clock {@code seconds} on. */
    public void advance(long seconds) {
        clock.advance(seconds);
    }

    public WinstoreSettings.Builder settings() {
        return settingsWithPassword(sandbox.password());
    }

    public WinstoreSettings.Builder settingsWithPassword(String password) {
        return WinstoreSettings.builder(sandbox.username(), Secret.of(password)).baseUrl(sandbox.apiUri()).timeSource(clock)
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                        .build());
    }

    public Winstore connect(WinstoreSettings settings) {
        return Winstore.connect(settings, RateLimiter.unlimited());
    }
}

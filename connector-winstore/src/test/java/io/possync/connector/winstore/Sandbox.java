package io.possync.connector.winstore;

import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.time.Duration;

/** Connections to the sandbox, shared by the tests: fast retries, a short timeout, no pacing. */
final class Sandbox {

    private Sandbox() {
    }

    static WinstoreSettings.Builder settings(WinstoreSandbox winstore) {
        return WinstoreSettings.builder(winstore.username(), Secret.of(winstore.password())).baseUrl(winstore.apiUri())
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                        .build());
    }

    static Winstore connect(WinstoreSettings settings) {
        return Winstore.connect(settings, RateLimiter.unlimited());
    }
}

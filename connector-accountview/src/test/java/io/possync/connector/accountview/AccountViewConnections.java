package io.possync.connector.accountview;

import io.possync.api.http.RateLimiter;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.testkit.SteppedTime;
import io.possync.testkit.accountview.AccountViewSandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A sandbox on a clock the test moves, and connections to it on the same clock (fast retries, a short
 * timeout, no pacing, no overlap): what the tests share.
 */
public final class AccountViewConnections {

    private final SteppedTime clock = SteppedTime.at(Instant.parse("2026-11-20T09:00:00Z"));
    private final AccountViewSandbox sandbox = AccountViewSandbox.builder().time(clock).start();

    public AccountViewSandbox sandbox() {
        return sandbox;
    }

    /** Moves the shared clock {@code seconds} on. */
    public void advance(long seconds) {
        clock.advance(seconds);
    }

    public AccountViewSettings.Builder settings() {
        return settings(sandbox.clientSecret());
    }

    /** Settings with another client secret (the token endpoint refuses a wrong one). */
    public AccountViewSettings.Builder settings(String clientSecret) {
        return AccountViewSettings.builder(sandbox.clientId(), Secret.of(clientSecret), Secret.of(sandbox.refreshToken()), sandbox.companyCode())
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).timeSource(clock).overlap(Duration.ZERO)
                .revenueAccount("*", "8000").revenueAccount("BE", "8100")
                .vatCode("*", new BigDecimal("21"), "2").vatCode("*", new BigDecimal("9"), "1").vatCode("*", BigDecimal.ZERO, "0")
                .shippingArticle("VERZEND").shippingAccount("8050")
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                        .build());
    }

    public AccountView connect(AccountViewSettings settings) {
        return AccountView.connect(settings, RateLimiter.unlimited());
    }

    public AccountView connect() {
        return connect(settings().build());
    }
}

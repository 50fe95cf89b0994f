package io.possync.connector.mpluskassa.contract;

import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.testkit.mpluskassa.MplusSandbox;

import java.time.Duration;

/** Settings for the contract tests: the sandbox's endpoint, fast retries, a 2-second timeout. */
final class Sandboxes {

    private Sandboxes() {
    }

    static MplusSettings.Builder settings(MplusSandbox sandbox) {
        return withSecret(sandbox, sandbox.secret());
    }

    static MplusSettings.Builder withSecret(MplusSandbox sandbox, String secret) {
        return MplusSettings.builder(0, sandbox.ident(), Secret.of(secret)).baseUrl(sandbox.apiUri())
                .turnoverGroup(10).requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                        .build());
    }
}

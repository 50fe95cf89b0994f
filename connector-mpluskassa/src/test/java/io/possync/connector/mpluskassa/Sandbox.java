package io.possync.connector.mpluskassa;

import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.testkit.mpluskassa.MplusSandbox;

import java.time.Duration;

/** Settings for a connection to the sandbox, shared by the tests. */
final class Sandbox {

    private Sandbox() {
    }

    static MplusSettings.Builder settings(MplusSandbox mplus) {
        return MplusSettings.builder(0, mplus.ident(), Secret.of(mplus.secret())).baseUrl(mplus.apiUri())
                .turnoverGroup(10).requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                        .build());
    }
}

package io.possync.connector.businesscentral.contract;

import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;

import java.time.Duration;

/** Settings for the contract tests: the sandbox's hosts, no read overlap, fast retries, a 2-second timeout. */
final class Sandboxes {

    private Sandboxes() {
    }

    static BusinessCentralSettings.Builder settings(BusinessCentralSandbox sandbox) {
        return settings(sandbox, Secret.of(sandbox.clientSecret()));
    }

    static BusinessCentralSettings.Builder settings(BusinessCentralSandbox sandbox, Secret clientSecret) {
        return BusinessCentralSettings.builder(BusinessCentralSettings.cloud(sandbox.tenant(), sandbox.environment(), sandbox.clientId(),
                        clientSecret), sandbox.companyName())
                .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost())
                .overlap(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).build());
    }
}

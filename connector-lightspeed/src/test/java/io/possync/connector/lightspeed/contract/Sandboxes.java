package io.possync.connector.lightspeed.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;

import java.time.Duration;
import java.util.List;

/** Settings for the contract tests: the sandboxes' endpoints and latest refresh token, fast retries, a 2-second timeout. */
final class Sandboxes {

    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(200)).build();

    private Sandboxes() {
    }

    static LightspeedRetailSettings.Builder retail(LightspeedSandbox sandbox, String clientSecret) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of(clientSecret), Secret.of(issued.get(issued.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(FAST);
    }

    static XSeriesSettings.Builder xSeries(XSeriesSandbox sandbox, String clientSecret) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return XSeriesSettings.builder("possyncdemo", sandbox.clientId(), Secret.of(clientSecret), Secret.of(issued.get(issued.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).requestTimeout(Duration.ofSeconds(2)).retryPolicy(FAST);
    }

    /** An R-Series customer in its stored form, with one e-mail address. */
    static ObjectNode retailCustomer(String name, String email) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("firstName", name).put("lastName", "Contract");
        c.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject().put("address", email).put("useType", "Primary");
        return c;
    }
}

package io.possync.connector.lightspeed.xseries;

import io.possync.api.http.Secret;
import io.possync.testkit.lightspeed.XSeriesSandbox;

import java.util.List;

/** Settings that reach an X-Series sandbox: its client, its endpoints and the refresh token it issued last. */
final class SandboxSettings {

    private SandboxSettings() {
    }

    static XSeriesSettings.Builder of(XSeriesSandbox sandbox) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return XSeriesSettings.builder("possyncdemo", sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                Secret.of(issued.get(issued.size() - 1))).endpoints(sandbox.apiUri(), sandbox.tokenUri());
    }

    /** {@link #of} with sales rung up on the sandbox's first register, by its first user, at its first tax. */
    static XSeriesSettings.Builder sellingOnFirstRegister(XSeriesSandbox sandbox) {
        return of(sandbox).salesInto(firstId(sandbox, "registers"), firstId(sandbox, "users"), firstId(sandbox, "taxes"));
    }

    private static String firstId(XSeriesSandbox sandbox, String collection) {
        return sandbox.records(collection).get(0).get("id").asText();
    }
}

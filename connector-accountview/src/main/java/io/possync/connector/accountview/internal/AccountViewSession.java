package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.HttpApi;
import io.possync.api.http.OAuth2RefreshToken;
import io.possync.api.http.RateLimiter;
import io.possync.api.internal.Json;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * One AccountView company's session over AccountView.Net: OAuth 2.0 with a refresh token (client id
 * and secret in the form body; every new refresh token handed to the host), {@code X-Company} = the
 * company's {@code Id}, resolved once from {@code GET /companies} by its ondernemingscode (PROPOSAL
 * P-15), JSON both ways. Reads are retried on transient failures, an unreadable answer included; a
 * 404 on a read is no rows (P-11). Writes are sent once; an {@code ErrorMessage} in any answer is a
 * failure (P-11). Thread-safe.
 */
public final class AccountViewSession {

    private static final int READ_ATTEMPTS = 3;

    private final HttpApi api;
    private final AccountViewSettings settings;
    private volatile String companyId;

    public AccountViewSession(AccountViewSettings settings, RateLimiter limiter) {
        this.settings = settings;
        OAuth2RefreshToken auth = OAuth2RefreshToken.builder(settings.tokenUri(), settings.clientId(), settings.clientSecret(),
                        settings.refreshToken())
                .onRotation(settings.onTokenRotation()).system(AccountView.SYSTEM).timeout(settings.connection().requestTimeout())
                .timeSource(settings.connection().timeSource()).build();
        this.api = HttpApi.builder(AccountView.SYSTEM, settings.baseUrl()).authenticator(auth).rateLimiter(limiter)
                .errorTranslator(AccountViewErrors.translator()).connection(settings.connection()).build();
    }

    public HttpApi api() {
        return api;
    }

    public AccountViewSettings settings() {
        return settings;
    }

    /** The {@code Id} of the settings' company, from {@code GET /companies} (once). */
    public String companyId() {
        String id = companyId;
        if (id != null) {
            return id;
        }
        synchronized (this) {
            if (companyId == null) {
                JsonNode companies = json(api.send(ApiRequest.get("companies").header("Accept", "application/json").build()), "companies");
                List<String> codes = new ArrayList<>();
                for (JsonNode c : companies) {
                    String code = c.path("Code").asText("").strip();
                    codes.add(code);
                    if (code.equalsIgnoreCase(settings.companyCode().strip())) {
                        companyId = c.path("Id").asText();
                    }
                }
                if (companyId == null) {
                    throw new ConfigurationException(AccountView.SYSTEM + ".companyCode", "AccountView.Net has no company '"
                            + settings.companyCode() + "' for this user; it has " + codes);
                }
            }
            return companyId;
        }
    }

    /** The rows {@code query} reads; none when the read is answered 404. */
    public Tables read(DataQuery query) {
        ApiRequest request = query.request(companyId());
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = api.send(request);
            if (response.status() == 404) {
                return Tables.empty();
            }
            try {
                JsonNode body = Json.MAPPER.readTree(response.body());
                AccountViewErrors.message(body).ifPresent(m -> {
                    throw RecordRejectedException.builder(AccountView.SYSTEM + " refused the read: " + m).build();
                });
                return Tables.of(body);
            } catch (java.io.IOException | IllegalArgumentException unreadable) {
                if (attempt >= READ_ATTEMPTS) {
                    throw new TransientException(AccountView.SYSTEM + ": the answer to a read could not be read ("
                            + unreadable.getClass().getSimpleName() + ")", unreadable);
                }
            }
        }
    }

    /** Sends {@code body} once with {@code method} ({@code POST} inserts, {@code PUT} updates); returns the rows written. */
    public Tables write(String method, ObjectNode body) {
        ApiResponse response = api.send(ApiRequest.method(method, "accountviewdata").header("Accept", "application/json")
                .header("X-Company", companyId()).body(body.toString(), "application/json; charset=utf-8").idempotent(false).build());
        JsonNode answer;
        try {
            answer = response.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new WriteOutcomeUnknownException(AccountView.SYSTEM + ": the answer to a write was not JSON, so whether it was applied"
                    + " is unknown", response.status(), e);
        }
        AccountViewErrors.message(answer).ifPresent(m -> {
            throw RecordRejectedException.builder(AccountView.SYSTEM + " refused the " + body.path("BusinessObject").asText() + " write: "
                    + io.possync.api.internal.Redaction.redactText(m)).build();
        });
        return Tables.of(answer);
    }

    private static JsonNode json(ApiResponse response, String what) {
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (body == null || !body.isArray()) {
                throw new TransientException(AccountView.SYSTEM + ": the " + what + " answer is no list",
                        new IllegalArgumentException(what));
            }
            return body;
        } catch (java.io.IOException e) {
            throw new TransientException(AccountView.SYSTEM + ": the " + what + " answer could not be read", e);
        }
    }
}

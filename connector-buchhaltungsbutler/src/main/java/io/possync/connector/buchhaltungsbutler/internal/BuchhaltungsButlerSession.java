package io.possync.connector.buchhaltungsbutler.internal;

import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.TransientException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.Authenticator;
import io.possync.api.http.HttpApi;
import io.possync.api.http.RateLimiter;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;


/**
 * One tenant's API session: every call is a POST with a JSON body carrying {@code api_key}, HTTP
 * Basic with the API client and secret, the tenant's request limiter and the receipt batch's pacing.
 * Reads are marked idempotent (retried on any transient failure); writes are not (a lost answer is
 * an unknown outcome the caller resolves by reading back). Thread-safe.
 */
public final class BuchhaltungsButlerSession {

    private static final int MAX_RESTRICTED_RETRIES = 5;

    private final HttpApi api;
    private final BuchhaltungsButlerSettings settings;
    private final ReceiptBatchPacing pacing;

    public BuchhaltungsButlerSession(BuchhaltungsButlerSettings settings, RateLimiter tenantLimiter) {
        this.settings = settings;
        this.pacing = new ReceiptBatchPacing(tenantLimiter, settings.receiptBatchInterval(), settings.connection().timeSource());
        this.api = HttpApi.builder(BuchhaltungsButler.SYSTEM, settings.baseUrl())
                .authenticator(Authenticator.basic(settings.apiClient(), settings.apiSecret()))
                .rateLimiter(pacing).errorTranslator(BuchhaltungsButlerErrors.translator()).connection(settings.connection())
                .defaultHeader("Accept", "application/json").build();
    }

    public HttpApi api() {
        return api;
    }

    public BuchhaltungsButlerSettings settings() {
        return settings;
    }

    /** A body with the tenant's api_key. */
    public ObjectNode body() {
        return JsonNodeFactory.instance.objectNode().put("api_key", settings.apiKey().reveal());
    }

    /** A read: safe to repeat, retried on any transient failure. */
    public JsonNode read(String endpoint, ObjectNode body) {
        return api.sendForJson(ApiRequest.post(endpoint, body.toString()).idempotent(true).build());
    }

    /**
     * A write: sent once; a lost answer is a {@link io.possync.api.WriteOutcomeUnknownException}. A
     * 403 "adding temporarily restricted" (error 15) means the server took nothing, so the write
     * waits one batch interval and is sent again.
     */
    public JsonNode write(String endpoint, ObjectNode body) {
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = api.send(ApiRequest.post(endpoint, body.toString()).accept(403).build());
            if (response.status() != 403) {
                return response.json();
            }
            JsonNode error = response.json();
            if (error.path("error_code").asInt() != 15 || attempt >= MAX_RESTRICTED_RETRIES) {
                throw BuchhaltungsButlerErrors.translate(endpoint, response, settings.connection().timeSource().now());
            }
            pacing.restricted();
            try {
                settings.connection().timeSource().sleep(settings.receiptBatchInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException(BuchhaltungsButler.SYSTEM + ": interrupted while waiting to add again", e);
            }
        }
    }
}

package io.possync.connector.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.Authenticator;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.http.HttpApi;
import io.possync.api.http.RateLimiter;
import io.possync.api.internal.Redaction;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;

import java.time.Duration;

/**
 * One tenant's API session: every call is a POST with a JSON body carrying {@code api_key}, HTTP
 * Basic with the API client and secret, the tenant's request limiter and the receipt batch's pacing.
 * Reads are marked idempotent (retried on any transient failure); writes are not (a lost answer is
 * an unknown outcome the caller resolves by reading back). Thread-safe.
 */
public final class BbSession {

    public static final String SYSTEM = "buchhaltungsbutler";
    private static final int MAX_RESTRICTED_RETRIES = 5;

    private final HttpApi api;
    private final BuchhaltungsButlerSettings settings;
    private final ReceiptBatchPacing pacing;

    public BbSession(BuchhaltungsButlerSettings settings, RateLimiter tenantLimiter) {
        this.settings = settings;
        this.pacing = new ReceiptBatchPacing(tenantLimiter, settings.receiptBatchInterval(), settings.timeSource());
        this.api = HttpApi.builder(SYSTEM, settings.baseUrl())
                .authenticator(Authenticator.basic(settings.apiClient(), settings.apiSecret()))
                .rateLimiter(pacing).retryPolicy(settings.retryPolicy()).errorTranslator(errors())
                .requestTimeout(settings.requestTimeout()).timeSource(settings.timeSource())
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
                throw translate(endpoint, response, settings.timeSource().now());
            }
            pacing.restricted();
            try {
                settings.timeSource().sleep(settings.receiptBatchInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException(SYSTEM + ": interrupted while waiting to add again", e);
            }
        }
    }

    /** {"success":false,"error_code","message"} answers into the exception hierarchy. */
    static ErrorTranslator errors() {
        return (request, response, now) -> translate(request.path(), response, now);
    }

    private static PossyncException translate(String endpoint, ApiResponse response, java.time.Instant now) {
        int status = response.status();
        int code = -1;
        String message = "";
        try {
            JsonNode json = response.json();
            code = json.path("error_code").asInt(-1);
            message = Redaction.redactText(json.path("message").asText(""));
        } catch (TransientException notJson) {
            // a proxy's page: the status says enough
        }
        String path = endpoint.replaceFirst("^.*/api/v1", "");
        String text = "BuchhaltungsButler answered HTTP " + status + (code >= 0 ? " (error " + code + ")" : "") + " to " + path
                + (message.isEmpty() ? "" : ": " + message);
        if (status == 401) {
            return new AuthenticationException(SYSTEM, code == 4
                    ? "the api_key names no tenant this API client may use (error 4)"
                    : "the API client and secret were refused (error " + code + ")");
        }
        if (status == 403 && code == 11) {
            return new ConfigurationException(SYSTEM, "the tenant is not active (error 11)");
        }
        if (status == 403 && code == 15) {
            return TransientException.builder(text).retryAfter(Duration.ofSeconds(5)).httpStatus(status).build();
        }
        if (status == 429 || status == 408 || status >= 500) {
            return TransientException.builder(text).retryAfter(io.possync.api.http.internal.RetryAfter.parse(response, now))
                    .httpStatus(status).build();
        }
        return RecordRejectedException.builder(text).vendorCode(code >= 0 ? String.valueOf(code) : String.valueOf(status)).build();
    }
}

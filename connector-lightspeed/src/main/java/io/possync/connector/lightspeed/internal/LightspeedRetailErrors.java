package io.possync.connector.lightspeed.internal;

import io.possync.connector.lightspeed.LightspeedRetail;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.internal.Redaction;

import java.time.Duration;
import java.time.Instant;

/**
 * Lightspeed Retail's error answers ({@code {"httpCode":"400","httpMessage":"Bad Request","message":"…"}})
 * turned into the exception hierarchy by status: 401 authentication, 403 a missing scope, 429 and
 * 5xx transient (with {@code Retry-After} when sent), other 4xx a rejection of the record carrying
 * Lightspeed's message with e-mail addresses removed.
 */
public final class LightspeedRetailErrors {


    private LightspeedRetailErrors() {
    }

    /** The translator for {@link io.possync.api.http.HttpApi}. */
    public static ErrorTranslator translator() {
        return (request, response, now) -> {
            JsonNode body;
            try {
                body = response.json();
            } catch (TransientException e) {
                body = null;
            }
            Duration retryAfter = response.header("Retry-After").flatMap(v -> io.possync.api.http.internal.RetryAfter.parse(v, now))
                    .orElse(null);
            return translate(response.status(), body, retryAfter, request.method() + " " + resource(request.path()), now);
        };
    }

    static PossyncException translate(int status, JsonNode body, Duration retryAfter, String where, Instant now) {
        String message = body == null ? "" : Redaction.redactText(body.path("message").asText("").replaceAll("\\s+", " ").trim());
        String text = "Lightspeed answered HTTP " + status + " to " + where + (message.isEmpty() ? "" : ": " + message);
        if (status == 401) {
            return new AuthenticationException(LightspeedRetail.SYSTEM, "the access token was refused (HTTP 401)");
        }
        if (status == 403) {
            return new AuthenticationException(LightspeedRetail.SYSTEM, "the app lacks a scope for " + where
                    + " (HTTP 403); authorise it with employee:all or the scopes the flows need");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return TransientException.builder(text).retryAfter(java.util.Optional.ofNullable(retryAfter)).httpStatus(status).build();
        }
        return RecordRejectedException.builder(text).vendorCode(String.valueOf(status)).build();
    }

    private static String resource(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        int account = p.indexOf("/Account/");
        return account < 0 ? p : p.substring(account + 1);
    }
}

package io.possync.connector.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.internal.Redaction;

import java.time.Duration;

import static io.possync.connector.buchhaltungsbutler.BuchhaltungsButler.SYSTEM;

/**
 * BuchhaltungsButler's {@code {"success":false,"error_code","message"}} answers as possync exceptions:
 * 401 (errors 3 and 4) an authentication failure, 403/11 a configuration problem, 403/15 ("adding
 * temporarily restricted") transient after one interval, 408, 429 and 5xx transient, the rest a
 * rejection of the record carrying the vendor's error code.
 */
final class BuchhaltungsButlerErrors {

    private BuchhaltungsButlerErrors() {
    }

    /** {"success":false,"error_code","message"} answers into the exception hierarchy. */
    static ErrorTranslator translator() {
        return (request, response, now) -> translate(request.path(), response, now);
    }

    static PossyncException translate(String endpoint, ApiResponse response, java.time.Instant now) {
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

package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.http.internal.RetryAfter;
import io.possync.api.internal.Json;
import io.possync.api.internal.Redaction;

import java.time.Instant;
import java.util.Optional;

import static io.possync.connector.accountview.AccountView.SYSTEM;

/**
 * AccountView's errors as possync exceptions. Its error body is {@code {ErrorType, ErrorNumbers,
 * ErrorMessage}}, and public clients read it even on a 2xx answer (PROPOSAL P-11: any answer with a
 * non-empty {@code ErrorMessage} failed). 401/403: the token or the user's rights were refused; 408,
 * 429 and 5xx may succeed later — the company's own server may be slow or off (P-1); any other status,
 * or an error message, refuses the request, i.e. the record.
 */
public final class AccountViewErrors {

    private AccountViewErrors() {
    }

    static ErrorTranslator translator() {
        return (request, response, now) -> translate(response, now);
    }

    static PossyncException translate(ApiResponse response, Instant now) {
        int status = response.status();
        String message = message(response).map(m -> ": " + Redaction.redactText(m)).orElse("");
        if (status == 401 || status == 403) {
            return new AuthenticationException(SYSTEM, "the access token or the user's rights were refused (HTTP " + status + message + ")");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return TransientException.builder(SYSTEM + " answered HTTP " + status + message).retryAfter(RetryAfter.parse(response, now))
                    .httpStatus(status).build();
        }
        return RecordRejectedException.builder(SYSTEM + " refused the request (HTTP " + status + message + ")")
                .vendorCode(String.valueOf(status)).build();
    }

    /** The {@code ErrorMessage} of an answer, when it has a non-empty one. */
    public static Optional<String> message(ApiResponse response) {
        try {
            return message(Json.MAPPER.readTree(response.body()));
        } catch (java.io.IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The {@code ErrorMessage} of a body, when it has a non-empty one. */
    public static Optional<String> message(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        String m = body.path("ErrorMessage").asText("");
        return m.isBlank() ? Optional.empty() : Optional.of(m);
    }
}

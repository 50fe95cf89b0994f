package io.possync.api.http;

import io.possync.api.AuthenticationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.internal.RetryAfter;
import java.time.Instant;

/**
 * Turns a non-2xx answer into the exception hierarchy. Connectors parse their vendor's error
 * body (code, message, correlation id) and fall back to {@link #standard(String)} for the rest;
 * raw bodies never reach an exception message.
 *
 * <pre>{@code
 * ErrorTranslator bc = (request, response, now) -> parseODataError(response)
 *         .orElseGet(() -> ErrorTranslator.standard("businesscentral").translate(request, response, now));
 * }</pre>
 */
@FunctionalInterface
public interface ErrorTranslator {

    /** The exception for {@code response} to {@code request}, received at {@code now}. */
    PossyncException translate(ApiRequest request, ApiResponse response, Instant now);

    /**
     * By status: 401/403 authentication; 408, 425, 429 and 5xx transient (with {@code Retry-After});
     * other 4xx a rejection of the record.
     */
    static ErrorTranslator standard(String system) {
        return (request, response, now) -> {
            int status = response.status();
            String where = system + " answered HTTP " + status + " to " + request.method() + " " + pathOnly(request.path());
            if (status == 401 || status == 403) {
                return new AuthenticationException(system, "the credentials were refused (HTTP " + status + ")");
            }
            if (status == 408 || status == 425 || status == 429 || status >= 500) {
                return TransientException.builder(where).retryAfter(RetryAfter.parse(response, now)).httpStatus(status).build();
            }
            return RecordRejectedException.builder(where).vendorCode(String.valueOf(status)).build();
        };
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}

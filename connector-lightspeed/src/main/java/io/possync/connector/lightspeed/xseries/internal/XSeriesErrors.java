package io.possync.connector.lightspeed.xseries.internal;

import io.possync.api.AuthenticationException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.internal.Redaction;

import static io.possync.connector.lightspeed.xseries.LightspeedXSeries.SYSTEM;

/**
 * Lightspeed X-Series' error answers as possync exceptions: 401/403 an authentication failure, 408,
 * 429 and 5xx transient (with {@code Retry-After} when sent), any other status a rejection of the
 * record carrying the answer's {@code message}.
 */
public final class XSeriesErrors {

    private XSeriesErrors() {
    }

    /** {"error","message"} answers into the exception hierarchy by status. */
    public static ErrorTranslator translator() {
        return (request, response, now) -> {
            String message = "";
            try {
                message = Redaction.redactText(response.json().path("message").asText(""));
            } catch (TransientException e) {
                // not JSON: the status says enough
            }
            int status = response.status();
            String text = "Lightspeed X-Series answered HTTP " + status + " to " + request.method() + " "
                    + request.path().replaceFirst("\\?.*", "") + (message.isEmpty() ? "" : ": " + message);
            if (status == 401 || status == 403) {
                return new AuthenticationException(SYSTEM, "the access token was refused (HTTP " + status + ")");
            }
            if (status == 408 || status == 429 || status >= 500) {
                return TransientException.builder(text).retryAfter(io.possync.api.http.internal.RetryAfter.parse(response, now)).httpStatus(status).build();
            }
            return RecordRejectedException.builder(text).vendorCode(String.valueOf(status)).build();
        };
    }
}

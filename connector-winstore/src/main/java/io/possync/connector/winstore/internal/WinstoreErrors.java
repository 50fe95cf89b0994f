package io.possync.connector.winstore.internal;

import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.http.internal.RetryAfter;
import io.possync.api.internal.Redaction;

import java.time.Instant;

import static io.possync.connector.winstore.Winstore.SYSTEM;

/**
 * Winstore's HTTP errors as possync exceptions. The HTTP status is the contract (the public client
 * reads nothing else; the body's {@code message} only goes into the text): 401/403 the user name and
 * password were refused; 404 the operation does not exist at the base URL (a configuration error);
 * 408, 429 and 5xx may succeed later ({@code Retry-After} honoured); any other status refuses the
 * request, i.e. the record.
 */
final class WinstoreErrors {

    private WinstoreErrors() {
    }

    /** HTTP errors into the exception hierarchy. */
    static ErrorTranslator translator() {
        return (request, response, now) -> translate(request.path(), response, now);
    }

    static PossyncException translate(String path, ApiResponse response, Instant now) {
        int status = response.status();
        String operation = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String message = WinstoreAnswers.message(response).map(Redaction::redactText).map(m -> ": " + m).orElse("");
        if (status == 401 || status == 403) {
            return new AuthenticationException(SYSTEM, "the user name and password were refused (HTTP " + status + ")");
        }
        if (status == 404) {
            // The PROPOSAL operations may not exist in an installation: name the switch that stops asking for them.
            String setting = switch (operation) {
                case WinstoreNames.Operation.ORDER_STATUS -> "orderLookup";
                case WinstoreNames.Operation.ORDERS_CHANGED -> "orderFeed";
                case WinstoreNames.Operation.POST_ORDER_STATUS -> "statusWrites";
                default -> "baseUrl";
            };
            return new ConfigurationException(SYSTEM + "." + setting, "Winstore has no operation " + operation + " at this address"
                    + " (HTTP 404" + message + ")" + (setting.equals("baseUrl") ? "" : "; it is a PROPOSAL: switch " + setting + " off"));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return TransientException.builder(SYSTEM + " answered HTTP " + status + " to " + operation + message)
                    .retryAfter(RetryAfter.parse(response, now)).httpStatus(status).build();
        }
        return RecordRejectedException.builder(SYSTEM + " refused " + operation + " (HTTP " + status + message + ")")
                .vendorCode(String.valueOf(status)).build();
    }
}

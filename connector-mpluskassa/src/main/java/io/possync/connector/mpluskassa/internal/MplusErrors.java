package io.possync.connector.mpluskassa.internal;

import io.possync.api.AuthenticationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.internal.Redaction;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static io.possync.connector.mpluskassa.MplusKassa.SYSTEM;

/**
 * MplusKASSA's SOAP faults and HTTP errors as possync exceptions (FACTS.md §11): a {@code Client…}
 * fault means the request must change (authentication when it says so, else a rejection of the
 * record), a {@code Server…} fault may succeed later; without a fault the HTTP status decides.
 */
final class MplusErrors {

    private MplusErrors() {
    }

    /** SOAP faults and HTTP errors into the exception hierarchy. */
    static ErrorTranslator translator() {
        return (request, response, now) -> translate(response, now);
    }

    static PossyncException translate(ApiResponse response, java.time.Instant now) {
        int status = response.status();
        Optional<Element> fault = Optional.empty();
        try {
            fault = Xml.bodyContent(Xml.parse(response.body())).filter(e -> "Fault".equals(e.getLocalName()));
        } catch (Exception notXml) {
            // a proxy's page: the status decides
        }
        if (fault.isPresent()) {
            String code = Xml.text(fault.get(), "faultcode").orElse("");
            String local = code.contains(":") ? code.substring(code.indexOf(':') + 1) : code;
            String message = Redaction.redactText(Xml.text(fault.get(), "faultstring").orElse(""));
            String text = "MplusKASSA SOAP fault " + local + (message.isEmpty() ? "" : ": " + message);
            if (local.startsWith("Client.Authentication") || status == 401) {
                return new AuthenticationException(SYSTEM, "the ident and secret were refused (" + local + ")");
            }
            if (local.startsWith("Client")) {
                return RecordRejectedException.builder(text).vendorCode(local).build();
            }
            return TransientException.builder(text).httpStatus(status).build();
        }
        if (status == 401 || status == 403) {
            return new AuthenticationException(SYSTEM, "the ident and secret were refused (HTTP " + status + ")");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return TransientException.builder(SYSTEM + " answered HTTP " + status)
                    .retryAfter(io.possync.api.http.internal.RetryAfter.parse(response, now)).httpStatus(status).build();
        }
        return RecordRejectedException.builder(SYSTEM + " answered HTTP " + status + ": "
                + Redaction.redactText(new String(response.body(), StandardCharsets.UTF_8))).vendorCode(String.valueOf(status)).build();
    }
}

package io.possync.connector.businesscentral.internal;

import io.possync.connector.businesscentral.BusinessCentral;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.http.ErrorTranslator;
import io.possync.api.internal.Redaction;
import io.possync.api.http.internal.RetryAfter;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business Central's {@code {"error":{"code","message"}}} answers turned into the exception
 * hierarchy, by code first (FACTS.md §8: the code is the primary discriminator), by HTTP status
 * otherwise. The correlation id is kept in the message; personal data (e-mail addresses) and the
 * offending values BC echoes are removed.
 */
public final class BusinessCentralErrors {

    private static final Pattern CORRELATION = Pattern.compile("CorrelationId:\\s*([0-9a-fA-F-]+)");

    private BusinessCentralErrors() {
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
            return translate(response.status(), body, response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, now))
                    .orElse(null), now);
        };
    }

    /** The exception for an answer with {@code status} and {@code body} (a batch item's, too). */
    public static PossyncException translate(int status, JsonNode body, java.time.Duration retryAfter, Instant now) {
        String code = body == null ? "" : body.path("error").path("code").asText("");
        String message = body == null ? "" : body.path("error").path("message").asText("");
        String clean = clean(message);
        String text = "Business Central " + (code.isEmpty() ? "HTTP " + status : code) + (clean.isEmpty() ? "" : ": " + clean);
        if (status == 401 || code.startsWith("Authentication_")) {
            return new AuthenticationException(BusinessCentral.SYSTEM, "the credentials were refused (" + (code.isEmpty() ? "HTTP " + status : code) + ")");
        }
        if (status == 403 || code.startsWith("Authorization_")) {
            return new AuthenticationException(BusinessCentral.SYSTEM, "the app or user lacks permission (" + (code.isEmpty() ? "HTTP 403" : code)
                    + "); check its permission sets in Business Central");
        }
        if (code.equals("BadRequest_ResourceNotFound") || code.equals("Internal_CompanyNotFound") || (status == 405 && code.isEmpty())) {
            return new ConfigurationException(BusinessCentral.SYSTEM, text + " (is the API enabled, the company right, the extension installed?)");
        }
        if (status == 408 || status == 429 || status >= 500 || code.equals("Internal_TenantUnavailable")
                || message.contains("Please try again later.")) {
            if (status == 500 && code.startsWith("Internal_") && !code.equals("Internal_ServerError")) {
                return RecordRejectedException.builder(text).vendorCode(code).build();
            }
            return TransientException.builder(text).retryAfter(java.util.Optional.ofNullable(retryAfter)).httpStatus(status).build();
        }
        return RecordRejectedException.builder(text).vendorCode(code.isEmpty() ? String.valueOf(status) : code)
                .fieldPath(fieldOf(message).or(() -> code.equals("Internal_EntityWithSameKeyExists")
                        ? Optional.of("number") : Optional.empty()).orElse(null)).build();
    }

    /** The correlation id Business Central appended to a message. */
    public static Optional<String> correlationId(String message) {
        Matcher m = CORRELATION.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> fieldOf(String message) {
        Matcher control = Pattern.compile("Control '([^']+)' is read-only").matcher(message);
        if (control.find()) {
            return Optional.of(control.group(1));
        }
        Matcher field = Pattern.compile("Field '([^']+)'").matcher(message);
        return field.find() ? Optional.of(field.group(1)) : Optional.empty();
    }

    private static String clean(String message) {
        // BC echoes offending values ("Value: ..."); they may be personal data.
        String m = message.replaceAll("\\s*Value: .*?(?=\\s+CorrelationId|$)", "");
        return Redaction.redactText(m.replaceAll("\\s+", " ").trim());
    }
}

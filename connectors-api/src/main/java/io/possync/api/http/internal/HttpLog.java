package io.possync.api.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;
import io.possync.api.internal.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEBUG logging of requests and answers, with credentials and personal data removed: header
 * values are never logged, secret query parameters are masked, JSON bodies are redacted by field
 * name, other text bodies have e-mail addresses removed, form bodies are not logged at all.
 */
public final class HttpLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.possync.http");
    private static final int MAX_BODY = 4000;

    private final String system;
    private final Set<String> secretQueryParameters;

    /** A log for {@code system}, masking the given query parameters besides the usual secret names. */
    public HttpLog(String system, Set<String> secretQueryParameters) {
        this.system = system;
        this.secretQueryParameters = Set.copyOf(secretQueryParameters);
    }

    /** Whether DEBUG is on, so callers can skip building messages. */
    public boolean enabled() {
        return LOG.isDebugEnabled();
    }

    /** Logs an outgoing request. */
    public void request(String method, URI uri, int attempt, byte[] body, String contentType) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} → {} {} (attempt {}){}", system, method, redactUri(uri), attempt, describeBody(body, contentType));
        }
    }

    /** Logs an answer. */
    public void response(String method, URI uri, int status, long millis, byte[] body, String contentType) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} ← {} {} {} in {} ms{}", system, status, method, redactUri(uri), millis, describeBody(body, contentType));
        }
    }

    /** Logs a failure to get an answer. */
    public void failure(String method, URI uri, long millis, Throwable e) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} ✗ {} {} after {} ms: {}", system, method, redactUri(uri), millis, e.getClass().getSimpleName());
        }
    }

    /** Logs a retry decision. */
    public void retry(String method, URI uri, String why, long delayMillis) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} ↻ {} {} again in {} ms: {}", system, method, redactUri(uri), delayMillis, why);
        }
    }

    /**
     * {@code uri} safe to log: secret query parameters masked (the usual names and this log's own),
     * personal values in the query redacted ({@link Redaction#redactUrl}).
     */
    public String redactUri(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return Redaction.redactText(uri.toString());
        }
        StringBuilder q = new StringBuilder();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(eq >= 0 && secretQueryParameters.contains(decoded) ? name + "=" + Redaction.SECRET_MASK : pair);
        }
        String s = uri.toString();
        return Redaction.redactUrl(s.substring(0, s.indexOf('?') + 1) + q);
    }

    private String describeBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String text;
        if (ct.contains("json")) {
            try {
                JsonNode json = Json.MAPPER.readTree(body);
                text = Redaction.redactJson(json).toString();
            } catch (IOException e) {
                text = "(" + body.length + " bytes, not valid JSON)";
            }
        } else if (ct.contains("xml")) {
            text = Redaction.redactXml(new String(body, StandardCharsets.UTF_8));
        } else if (ct.startsWith("text/")) {
            text = Redaction.redactText(new String(body, StandardCharsets.UTF_8));
        } else {
            return " (" + body.length + " bytes " + (ct.isEmpty() ? "of unknown type" : ct) + ")";
        }
        if (text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY) + "…(" + body.length + " bytes)";
        }
        return " " + text;
    }
}

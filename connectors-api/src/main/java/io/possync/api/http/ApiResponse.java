package io.possync.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.TransientException;
import io.possync.api.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer: status, headers (case-insensitive) and body.
 *
 * <pre>{@code
 * ApiResponse r = api.send(ApiRequest.get("items").build());
 * JsonNode items = r.json().path("value");
 * r.header("ETag").ifPresent(etag -> ...);
 * }</pre>
 *
 * @param status  HTTP status
 * @param headers headers by name (case-insensitive lookup through {@link #header})
 * @param body    the raw body
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies headers into a case-insensitive map. */
    public ApiResponse {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> { if (k != null) h.put(k, List.copyOf(v)); });
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of header {@code name}. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body parsed as JSON.
     *
     * @throws TransientException when the body is not JSON: a proxy's error page or a cut-off
     *         answer, which usually passes on a retry
     */
    public JsonNode json() {
        try {
            return body.length == 0 ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw TransientException.builder("the server answered HTTP " + status + " with a body that is not valid JSON ("
                    + body.length + " bytes)").httpStatus(status).build();
        }
    }

    /**
     * The body bound to {@code type}.
     *
     * @throws TransientException when the body is not JSON or does not have the shape of {@code type};
     *         the message names the JSON path, never the data
     */
    public <T> T json(Class<T> type) {
        JsonNode node = json();
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw TransientException.builder("the server answered HTTP " + status + " with JSON that does not have the shape of "
                    + type.getSimpleName() + " at " + e.getPathReference()).httpStatus(status).build();
        } catch (IOException e) {
            throw TransientException.builder("the server answered HTTP " + status + " with unreadable JSON").httpStatus(status).cause(e).build();
        }
    }
}

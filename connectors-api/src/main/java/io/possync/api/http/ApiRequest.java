package io.possync.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request as a connector describes it, before authentication, rate limiting and retries.
 *
 * <pre>{@code
 * ApiRequest list = ApiRequest.get("companies(" + companyId + ")/customers")
 *         .query("$filter", "lastModifiedDateTime gt 2026-11-01T00:00:00Z")
 *         .header("Data-Access-Intent", "ReadOnly")
 *         .build();
 * ApiRequest create = ApiRequest.post("companies(" + companyId + ")/customers", json).build();
 * }</pre>
 *
 * <p>GET, HEAD, PUT and DELETE are idempotent and retried on transient failures; POST and PATCH
 * are not, unless the connector says they are (e.g. a PATCH guarded by {@code If-Match}).
 *
 * @param method           HTTP method
 * @param path             a path relative to the API's base URI, or an absolute URL (a server's next link)
 * @param query            query parameters, in order; values are encoded by the toolkit
 * @param headers          extra headers
 * @param body             the body, if any
 * @param contentType      the body's media type
 * @param idempotent       whether re-sending after an unknown outcome is safe
 * @param acceptedStatuses non-2xx statuses the caller handles itself (e.g. 404 for a lookup)
 * @param timeout          this request's timeout, overriding the API's default
 * @param cost             units this request costs in a rate limiter that weighs requests
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        Optional<byte[]> body,
        Optional<String> contentType,
        boolean idempotent,
        Set<Integer> acceptedStatuses,
        Optional<Duration> timeout,
        int cost) {

    /** Copies maps and sets; rejects a null method or path. */
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        acceptedStatuses = Set.copyOf(acceptedStatuses);
    }

    /** A GET. */
    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    /** A POST with a JSON body. */
    public static Builder post(String path, String json) {
        return new Builder("POST", path).body(json, "application/json");
    }

    /** A PATCH with a JSON body. */
    public static Builder patch(String path, String json) {
        return new Builder("PATCH", path).body(json, "application/json");
    }

    /** A PUT with a JSON body. */
    public static Builder put(String path, String json) {
        return new Builder("PUT", path).body(json, "application/json");
    }

    /** A DELETE. */
    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    /** A request with any method. */
    public static Builder method(String method, String path) {
        return new Builder(method, path);
    }

    /** Whether the body is UTF-8 text (JSON, XML, forms). */
    boolean hasTextBody() {
        return contentType.map(ct -> ct.contains("json") || ct.contains("xml") || ct.startsWith("text/")).orElse(false);
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String contentType;
        private Boolean idempotent;
        private Set<Integer> acceptedStatuses = Set.of();
        private Duration timeout;
        private Integer cost;

        private Builder(String method, String path) {
            this.method = method.toUpperCase(java.util.Locale.ROOT);
            this.path = path;
        }

        /** Adds a query parameter (encoded by the toolkit). */
        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** Adds a header. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sets a UTF-8 text body. */
        public Builder body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        /** Sets a binary body. */
        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes.clone();
            this.contentType = contentType;
            return this;
        }

        /** Declares whether re-sending is safe, overriding the method's default. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Non-2xx statuses returned to the caller instead of thrown (e.g. 404). */
        public Builder accept(Integer... statuses) {
            this.acceptedStatuses = Set.of(statuses);
            return this;
        }

        /** This request's timeout. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Rate-limit units this request costs (default: 1 for reads, 10 for writes). */
        public Builder cost(int cost) {
            this.cost = cost;
            return this;
        }

        /** The request. */
        public ApiRequest build() {
            boolean readOnly = method.equals("GET") || method.equals("HEAD");
            boolean safe = readOnly || method.equals("PUT") || method.equals("DELETE");
            return new ApiRequest(method, path, query, headers, Optional.ofNullable(body), Optional.ofNullable(contentType),
                    idempotent == null ? safe : idempotent, acceptedStatuses, Optional.ofNullable(timeout),
                    cost == null ? (readOnly ? 1 : 10) : cost);
        }
    }
}

package io.possync.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.Metered;
import io.possync.api.PossyncException;
import io.possync.api.RequestCounter;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.http.internal.HttpLog;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP client every connector uses: one vendor API, one credential. It authenticates,
 * paces requests through the rate limiter, retries transient failures by the retry policy,
 * turns error answers into the exception hierarchy, counts requests and logs them at DEBUG with
 * credentials and personal data removed.
 *
 * <pre>{@code
 * HttpApi bc = HttpApi.builder("businesscentral", URI.create("https://api.businesscentral.dynamics.com/v2.0/"
 *                 + tenant + "/production/api/v2.0/"))
 *         .authenticator(oauth)
 *         .rateLimiter(SlidingWindowRateLimiter.builder().maxRequests(6000).per(Duration.ofMinutes(5)).maxConcurrent(5).build())
 *         .build();
 * JsonNode companies = bc.sendForJson(ApiRequest.get("companies").build());
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>an idempotent request (GET, PUT, DELETE, or one marked idempotent) is retried on network
 *       errors, timeouts, 408, 429 and 5xx, honouring {@code Retry-After};</li>
 *   <li>a non-idempotent write is retried only on 429 and 503 (the server said it did not process it);
 *       when its outcome is unknown (timeout, dropped connection, 500/502/504) it fails with
 *       {@link WriteOutcomeUnknownException} and is never re-sent blindly;</li>
 *   <li>a 401 lets the authenticator renew its token, then the request is tried once more.</li>
 * </ul>
 * Thread-safe.
 */
public final class HttpApi implements Metered {

    private final String system;
    private final URI baseUri;
    private final HttpClient client;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retryPolicy;
    private final ErrorTranslator errorTranslator;
    private final Duration requestTimeout;
    private final TimeSource time;
    private final Map<String, String> defaultHeaders;
    private final HttpLog log;
    private final RequestCounter requests = new RequestCounter();

    private HttpApi(Builder b) {
        this.system = b.system;
        this.baseUri = b.baseUri;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.authenticator = b.authenticator;
        this.rateLimiter = b.rateLimiter;
        this.retryPolicy = b.retryPolicy;
        this.errorTranslator = b.errorTranslator != null ? b.errorTranslator : ErrorTranslator.standard(b.system);
        this.requestTimeout = b.requestTimeout;
        this.time = b.time;
        this.defaultHeaders = Map.copyOf(b.defaultHeaders);
        this.log = new HttpLog(b.system, b.authenticator.secretQueryParameters());
    }

    /** A builder for the API of {@code system} at {@code baseUri}. */
    public static Builder builder(String system, URI baseUri) {
        return new Builder(system, baseUri);
    }

    /** The system name used in errors and logs. */
    public String system() {
        return system;
    }

    /** The base URI relative paths are resolved against. */
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public RequestCounter requests() {
        return requests;
    }

    /**
     * Sends {@code request} with authentication, pacing and retries, and returns a 2xx answer or
     * one of the request's accepted statuses.
     *
     * @throws TransientException              when retries are exhausted or the failure is not retryable here
     * @throws WriteOutcomeUnknownException    when a non-idempotent write got no trustworthy answer
     * @throws AuthenticationException         when the credentials are refused
     * @throws io.possync.api.RecordRejectedException when the server rejects the request's content
     */
    public ApiResponse send(ApiRequest request) {
        long started = time.nanoTime();
        boolean renewedAuth = false;
        int attempt = 1;
        while (true) {
            Exchange exchange = exchange(request, attempt);
            if (exchange.response != null) {
                ApiResponse response = exchange.response;
                if (response.isSuccess() || request.acceptedStatuses().contains(response.status())) {
                    return response;
                }
                if (response.status() == 401 && !renewedAuth && authenticator.onUnauthorized()) {
                    renewedAuth = true;
                    continue;
                }
                PossyncException error = errorTranslator.translate(request, response, time.now());
                if (!(error instanceof TransientException transientError)) {
                    throw error;
                }
                int status = response.status();
                if (!request.idempotent() && status != 429 && status != 503) {
                    throw new WriteOutcomeUnknownException(system + " answered HTTP " + status + " to " + request.method()
                            + "; the write may or may not have been applied, so it is not re-sent", status, error);
                }
                attempt = retryOrThrow(request, exchange.uri, attempt, started, transientError);
            } else {
                IOException failure = exchange.failure;
                boolean neverSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
                if (!request.idempotent() && !neverSent) {
                    throw new WriteOutcomeUnknownException(system + ": no answer to " + request.method() + " ("
                            + failure.getClass().getSimpleName() + "); the write may or may not have been applied, so it is not re-sent",
                            failure);
                }
                TransientException error = new TransientException(system + ": no answer to " + request.method() + " "
                        + pathOnly(request.path()) + " (" + failure.getClass().getSimpleName() + ")", failure);
                attempt = retryOrThrow(request, exchange.uri, attempt, started, error);
            }
        }
    }

    /**
     * {@link #send} and parse the body as JSON (a missing node for an empty body). An idempotent
     * request whose answer is not JSON (a proxy's error page, a cut-off body) is retried like any
     * other transient failure.
     */
    public JsonNode sendForJson(ApiRequest request) {
        long started = time.nanoTime();
        int attempt = 1;
        while (true) {
            ApiResponse response = send(request);
            try {
                return response.json();
            } catch (TransientException malformed) {
                if (!request.idempotent()) {
                    throw malformed;
                }
                attempt = retryOrThrow(request, baseUri, attempt, started, malformed);
            }
        }
    }

    private int retryOrThrow(ApiRequest request, URI uri, int attempt, long started, TransientException error) {
        if (attempt >= retryPolicy.maxAttempts()) {
            throw error;
        }
        Duration delay;
        if (error.retryAfter().isPresent()) {
            delay = error.retryAfter().get();
            if (delay.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                throw error;
            }
        } else {
            delay = retryPolicy.backoff(attempt);
        }
        Duration elapsed = Duration.ofNanos(time.nanoTime() - started);
        if (elapsed.plus(delay).compareTo(retryPolicy.maxElapsed()) > 0) {
            throw error;
        }
        log.retry(request.method(), uri, error.getMessage(), delay.toMillis());
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(system + ": interrupted while waiting to retry", e);
        }
        return attempt + 1;
    }

    private record Exchange(URI uri, ApiResponse response, IOException failure) {
    }

    private Exchange exchange(ApiRequest request, int attempt) {
        Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
        Map<String, String> query = new LinkedHashMap<>(request.query());
        authenticator.authorize(new Authorization() {
            @Override
            public void header(String name, String value) {
                headers.put(name, value);
            }

            @Override
            public void queryParameter(String name, String value) {
                query.put(name, value);
            }
        });
        headers.putAll(request.headers());
        URI uri = resolve(request.path(), query);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(request.timeout().orElse(requestTimeout));
        headers.forEach(http::header);
        request.contentType().ifPresent(ct -> http.header("Content-Type", ct));
        byte[] body = request.body().orElse(null);
        http.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));

        RateLimiter.Permit permit;
        try {
            permit = rateLimiter.acquire(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(system + ": interrupted while waiting for the rate limit", e);
        }
        long start = time.nanoTime();
        try (permit) {
            requests.increment();
            log.request(request.method(), uri, attempt, body, request.contentType().orElse(null));
            HttpResponse<byte[]> r = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiResponse response = new ApiResponse(r.statusCode(), r.headers().map(), r.body());
            rateLimiter.onResponse(response);
            log.response(request.method(), uri, response.status(), (time.nanoTime() - start) / 1_000_000, response.body(),
                    response.header("Content-Type").orElse(null));
            return new Exchange(uri, response, null);
        } catch (IOException e) {
            log.failure(request.method(), uri, (time.nanoTime() - start) / 1_000_000, e);
            return new Exchange(uri, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(system + ": interrupted while waiting for an answer", e);
        }
    }

    private URI resolve(String path, Map<String, String> query) {
        String base;
        if (path.startsWith("http://") || path.startsWith("https://")) {
            base = path;
        } else {
            String root = baseUri.toString();
            base = root.endsWith("/") || path.startsWith("/") ? root + (root.endsWith("/") && path.startsWith("/") ? path.substring(1) : path)
                    : root + "/" + path;
        }
        if (query.isEmpty()) {
            return URI.create(base);
        }
        StringBuilder s = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                s.append('&');
            }
            first = false;
            s.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return URI.create(s.toString());
    }

    /**
     * {@code request}'s path with its query, encoded as this client sends it: the form an inner
     * request of a batch names its target by, relative to the same root.
     */
    public static String pathWithQuery(ApiRequest request) {
        StringBuilder s = new StringBuilder(request.path());
        char separator = request.path().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            s.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
                .replace("%2C", ",").replace("%3A", ":").replace("%28", "(").replace("%29", ")").replace("%27", "'");
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Builds an {@link HttpApi}. */
    public static final class Builder {
        private final String system;
        private final URI baseUri;
        private HttpClient client;
        private Authenticator authenticator = Authenticator.none();
        private RateLimiter rateLimiter = RateLimiter.unlimited();
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private ErrorTranslator errorTranslator;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private TimeSource time = TimeSource.system();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>(Map.of("Accept", "application/json"));

        private Builder(String system, URI baseUri) {
            if (system == null || system.isBlank()) {
                throw new IllegalArgumentException("an HttpApi needs a system name");
            }
            this.system = system;
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** How requests are authenticated (default: none). */
        public Builder authenticator(Authenticator a) {
            authenticator = Objects.requireNonNull(a, "authenticator");
            return this;
        }

        /** The rate limiter, shared by everything using the same credential (default: unlimited). */
        public Builder rateLimiter(RateLimiter r) {
            rateLimiter = Objects.requireNonNull(r, "rateLimiter");
            return this;
        }

        /** The retry policy (default: {@link RetryPolicy#ofDefaults()}). */
        public Builder retryPolicy(RetryPolicy p) {
            retryPolicy = Objects.requireNonNull(p, "retryPolicy");
            return this;
        }

        /** How error answers become exceptions (default: {@link ErrorTranslator#standard(String)}). */
        public Builder errorTranslator(ErrorTranslator t) {
            errorTranslator = Objects.requireNonNull(t, "errorTranslator");
            return this;
        }

        /** Connect timeout (default 10 s); ignored when an HTTP client is supplied. */
        public Builder connectTimeout(Duration d) {
            connectTimeout = Objects.requireNonNull(d, "connectTimeout");
            return this;
        }

        /** Default timeout of a whole request (default 60 s). */
        public Builder requestTimeout(Duration d) {
            requestTimeout = Objects.requireNonNull(d, "requestTimeout");
            return this;
        }

        /** A header sent with every request. */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The JDK HTTP client to use (default: a new one). */
        public Builder httpClient(HttpClient c) {
            client = Objects.requireNonNull(c, "httpClient");
            return this;
        }

        /** The request timeout, retry policy and time source of a connector's {@link ConnectionSettings}. */
        public Builder connection(ConnectionSettings settings) {
            return requestTimeout(settings.requestTimeout()).retryPolicy(settings.retryPolicy()).timeSource(settings.timeSource());
        }

        /** The clock and sleep for backoff (default: the system's). */
        public Builder timeSource(TimeSource t) {
            time = Objects.requireNonNull(t, "timeSource");
            return this;
        }

        /** The API client. */
        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}

package io.possync.connector.winstore.internal;

import io.possync.api.TransientException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.Authenticator;
import io.possync.api.http.HttpApi;
import io.possync.api.http.RateLimiter;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One Winstore tenant's session: {@code {base}/{Operation}} with HTTP Basic (user name and
 * password), {@code Accept: application/json}, and the query joined as the service wants it — every
 * parameter form-encoded and joined with {@code ?}, not {@code &} ({@code GetStock?type=byArtikelKey?artkey=42});
 * no {@code ?} at all without parameters. Reads are retried on transient failures, an unreadable
 * answer included; the order post is sent once (a lost answer is an unknown outcome; see
 * {@code WinstoreOrders}). Thread-safe.
 */
public final class WinstoreSession {

    private static final int READ_ATTEMPTS = 3;

    private final HttpApi api;
    private final WinstoreSettings settings;

    public WinstoreSession(WinstoreSettings settings, RateLimiter limiter) {
        this.settings = settings;
        this.api = HttpApi.builder(Winstore.SYSTEM, settings.baseUrl())
                .authenticator(Authenticator.basic(settings.username(), settings.password())).rateLimiter(limiter)
                .errorTranslator(WinstoreErrors.translator()).connection(settings.connection())
                .build();
    }

    public HttpApi api() {
        return api;
    }

    public WinstoreSettings settings() {
        return settings;
    }

    /** {@code operation} with {@code nameValues} (name, value, name, value …) as the service wants the query. */
    public static String path(String operation, String... nameValues) {
        StringBuilder s = new StringBuilder(operation);
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            s.append('?').append(URLEncoder.encode(nameValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return s.toString();
    }

    /** The records a read answers; retried when the answer cannot be read. */
    public List<WireRecord> read(String operation, String... nameValues) {
        ApiRequest request = ApiRequest.get(path(operation, nameValues)).header("Accept", "application/json").build();
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = api.send(request);
            try {
                return WinstoreAnswers.records(response);
            } catch (IllegalArgumentException unreadable) {
                if (attempt >= READ_ATTEMPTS) {
                    throw new TransientException(Winstore.SYSTEM + ": the answer to " + operation + " could not be read ("
                            + unreadable.getMessage() + ")", unreadable);
                }
            }
        }
    }

    /** Posts {@code xml} to {@code operation} once; 409 is an answer, not an error (the order exists). */
    public ApiResponse post(String operation, String xml) {
        return postAccepting(operation, xml, false, 409);
    }

    /**
     * Posts {@code xml} to {@code operation}; the {@code accepted} statuses are answers, not errors. An
     * {@code idempotent} post (one that sets a value) is retried like a read.
     */
    public ApiResponse postAccepting(String operation, String xml, boolean idempotent, Integer... accepted) {
        return api.send(ApiRequest.method("POST", operation).body(xml, "application/xml; charset=utf-8")
                .header("Accept", "application/json").accept(accepted).idempotent(idempotent).build());
    }
}

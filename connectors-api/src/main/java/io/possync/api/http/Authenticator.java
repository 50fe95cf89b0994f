package io.possync.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * Puts credentials on each request: HTTP Basic, an API key in a header or the query, or an
 * OAuth2 bearer token ({@link OAuth2ClientCredentials}, {@link OAuth2RefreshToken}).
 *
 * <pre>{@code
 * Authenticator onPrem = Authenticator.basic("SYNC-USER", Secret.of(webServiceAccessKey));
 * Authenticator keyed = Authenticator.apiKeyHeader("X-Api-Key", Secret.of(key));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface Authenticator {

    /** Adds credentials to a request about to be sent. */
    void authorize(Authorization authorization);

    /**
     * Called when the server answered 401. Returns true when the authenticator dropped cached
     * credentials and a second try may succeed (an expired token); false when retrying is pointless.
     */
    default boolean onUnauthorized() {
        return false;
    }

    /** Query parameter names that carry credentials and must never be logged. */
    default Set<String> secretQueryParameters() {
        return Set.of();
    }

    /** No credentials. */
    static Authenticator none() {
        return a -> { };
    }

    /** HTTP Basic with {@code user} and {@code password}. */
    static Authenticator basic(String user, Secret password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        String token = Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        return a -> a.header("Authorization", "Basic " + token);
    }

    /** An API key sent in header {@code header}. */
    static Authenticator apiKeyHeader(String header, Secret key) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(key, "key");
        return a -> a.header(header, key.reveal());
    }

    /** An API key sent as query parameter {@code parameter}; redacted in every log line. */
    static Authenticator apiKeyQuery(String parameter, Secret key) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(key, "key");
        return new Authenticator() {
            @Override
            public void authorize(Authorization a) {
                a.queryParameter(parameter, key.reveal());
            }

            @Override
            public Set<String> secretQueryParameters() {
                return Set.of(parameter);
            }
        };
    }
}

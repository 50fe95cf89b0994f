package io.possync.api.http;

import io.possync.api.http.internal.TokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * OAuth2 authentication with a refresh token, for APIs whose merchant authorised the app once
 * (Lightspeed). When the server rotates the refresh token, the new one is handed to the host's
 * callback at once so it can be stored: the old one may already be invalid.
 *
 * <pre>{@code
 * Authenticator auth = OAuth2RefreshToken.builder(
 *                 URI.create("https://cloud.lightspeedapp.com/auth/oauth/token"),
 *                 clientId, Secret.of(clientSecret), Secret.of(storedRefreshToken))
 *         .onRotation(newToken -> vault.store("lightspeed.refresh", newToken.reveal()))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe: concurrent requests share one access token and one refresh.
 */
public final class OAuth2RefreshToken implements Authenticator {

    private final TokenEndpoint endpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final Duration refreshBeforeExpiry;
    private final Consumer<Secret> onRotation;
    private final TimeSource time;
    private Secret refreshToken;
    private Secret accessToken;
    private java.time.Instant expiresAt;

    private OAuth2RefreshToken(Builder b) {
        this.time = b.time;
        this.endpoint = new TokenEndpoint(b.system, b.tokenUri, b.httpClient, b.timeout, b.time);
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.refreshToken = b.refreshToken;
        this.refreshBeforeExpiry = b.refreshBeforeExpiry;
        this.onRotation = b.onRotation;
        if (b.accessToken != null) {
            this.accessToken = b.accessToken;
            this.expiresAt = b.accessTokenExpiresAt;
        }
    }

    /** A builder for the token endpoint, the client's id and secret, and the current refresh token. */
    public static Builder builder(URI tokenUri, String clientId, Secret clientSecret, Secret refreshToken) {
        return new Builder(tokenUri, clientId, clientSecret, refreshToken);
    }

    @Override
    public void authorize(Authorization authorization) {
        authorization.header("Authorization", "Bearer " + token().reveal());
    }

    @Override
    public synchronized boolean onUnauthorized() {
        accessToken = null;
        return true;
    }

    private synchronized Secret token() {
        if (accessToken == null || !time.now().plus(refreshBeforeExpiry).isBefore(expiresAt)) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken.reveal());
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret.reveal());
            TokenEndpoint.Tokens tokens = endpoint.request(form);
            accessToken = tokens.accessToken();
            expiresAt = tokens.expiresAt();
            Optional<Secret> rotated = tokens.refreshToken().filter(t -> !t.equals(refreshToken));
            if (rotated.isPresent()) {
                refreshToken = rotated.get();
                onRotation.accept(refreshToken);
            }
        }
        return accessToken;
    }

    /** Builds {@link OAuth2RefreshToken}. */
    public static final class Builder {
        private final URI tokenUri;
        private final String clientId;
        private final Secret clientSecret;
        private final Secret refreshToken;
        private Secret accessToken;
        private java.time.Instant accessTokenExpiresAt;
        private Consumer<Secret> onRotation = t -> { };
        private String system = "oauth2";
        private Duration refreshBeforeExpiry = Duration.ofMinutes(1);
        private Duration timeout = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private TimeSource time = TimeSource.system();

        private Builder(URI tokenUri, String clientId, Secret clientSecret, Secret refreshToken) {
            this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
        }

        /** Receives every newly issued refresh token; store it before the next start. */
        public Builder onRotation(Consumer<Secret> callback) {
            this.onRotation = Objects.requireNonNull(callback, "onRotation");
            return this;
        }

        /** A still-valid access token from an earlier run, used until {@code expiresAt}. */
        public Builder accessToken(Secret token, java.time.Instant expiresAt) {
            this.accessToken = Objects.requireNonNull(token, "accessToken");
            this.accessTokenExpiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
            return this;
        }

        /** The system name used in errors and logs. */
        public Builder system(String system) {
            this.system = Objects.requireNonNull(system, "system");
            return this;
        }

        /** How long before expiry a token is replaced (default 1 minute). */
        public Builder refreshBeforeExpiry(Duration d) {
            this.refreshBeforeExpiry = Objects.requireNonNull(d, "refreshBeforeExpiry");
            return this;
        }

        /** Timeout of a token request (default 30 s). */
        public Builder timeout(Duration d) {
            this.timeout = Objects.requireNonNull(d, "timeout");
            return this;
        }

        /** The HTTP client for token requests (default: a new one). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** The clock for expiry (default: the system's). */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time, "timeSource");
            return this;
        }

        /** The authenticator. */
        public OAuth2RefreshToken build() {
            if (httpClient == null) {
                httpClient = HttpClient.newBuilder().connectTimeout(timeout).build();
            }
            return new OAuth2RefreshToken(this);
        }
    }
}

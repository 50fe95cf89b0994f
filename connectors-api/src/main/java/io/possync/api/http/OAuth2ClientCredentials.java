package io.possync.api.http;

import io.possync.api.http.internal.TokenEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth2 client-credentials authentication (service-to-service, as Business Central with
 * Microsoft Entra ID uses): fetches a token, caches it, and fetches a new one shortly before it
 * expires or when the server answers 401.
 *
 * <pre>{@code
 * Authenticator auth = OAuth2ClientCredentials.builder(
 *                 URI.create("https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token"),
 *                 clientId, Secret.of(clientSecret))
 *         .scope("https://api.businesscentral.dynamics.com/.default")
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe: concurrent requests share one token and one refresh.
 */
public final class OAuth2ClientCredentials implements Authenticator {

    private final TokenEndpoint endpoint;
    private final Map<String, String> form;
    private final Duration refreshBeforeExpiry;
    private final TimeSource time;
    private TokenEndpoint.Tokens current;

    private OAuth2ClientCredentials(Builder b) {
        this.time = b.time;
        this.endpoint = new TokenEndpoint(b.system, b.tokenUri, b.httpClient, b.timeout, b.time);
        this.refreshBeforeExpiry = b.refreshBeforeExpiry;
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "client_credentials");
        f.put("client_id", b.clientId);
        f.put("client_secret", b.clientSecret.reveal());
        if (b.scope != null) {
            f.put("scope", b.scope);
        }
        this.form = Map.copyOf(f);
    }

    /** A builder for the token endpoint {@code tokenUri} and the client's id and secret. */
    public static Builder builder(URI tokenUri, String clientId, Secret clientSecret) {
        return new Builder(tokenUri, clientId, clientSecret);
    }

    @Override
    public void authorize(Authorization authorization) {
        authorization.header("Authorization", "Bearer " + token().reveal());
    }

    @Override
    public synchronized boolean onUnauthorized() {
        current = null;
        return true;
    }

    private synchronized Secret token() {
        if (current == null || !time.now().plus(refreshBeforeExpiry).isBefore(current.expiresAt())) {
            current = endpoint.request(form);
        }
        return current.accessToken();
    }

    /** Builds {@link OAuth2ClientCredentials}. */
    public static final class Builder {
        private final URI tokenUri;
        private final String clientId;
        private final Secret clientSecret;
        private String scope;
        private String system = "oauth2";
        private Duration refreshBeforeExpiry = Duration.ofMinutes(5);
        private Duration timeout = Duration.ofSeconds(30);
        private HttpClient httpClient;
        private TimeSource time = TimeSource.system();

        private Builder(URI tokenUri, String clientId, Secret clientSecret) {
            this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        }

        /** The scope to request (Business Central: {@code https://api.businesscentral.dynamics.com/.default}). */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** The system name used in errors and logs. */
        public Builder system(String system) {
            this.system = Objects.requireNonNull(system, "system");
            return this;
        }

        /** How long before expiry a token is replaced (default 5 minutes). */
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
        public OAuth2ClientCredentials build() {
            if (httpClient == null) {
                httpClient = HttpClient.newBuilder().connectTimeout(timeout).build();
            }
            return new OAuth2ClientCredentials(this);
        }
    }
}

package io.possync.api.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.TransientException;
import io.possync.api.http.Secret;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts an OAuth2 token request (form-encoded) and reads the answer; never logs a credential. */
public final class TokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger("io.possync.http.oauth2");

    /** A token answer. */
    public record Tokens(Secret accessToken, Instant expiresAt, Optional<Secret> refreshToken) {
    }

    private final String system;
    private final URI uri;
    private final HttpClient client;
    private final Duration timeout;
    private final TimeSource time;

    /** A token endpoint for {@code system}'s credentials at {@code uri}. */
    public TokenEndpoint(String system, URI uri, HttpClient client, Duration timeout, TimeSource time) {
        this.system = system;
        this.uri = uri;
        this.client = client;
        this.timeout = timeout;
        this.time = time;
    }

    /** Requests tokens with the given form fields. */
    public Tokens request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String grant = form.getOrDefault("grant_type", "?");
        LOG.debug("{} → POST {} (grant_type={})", system, uri, grant);
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransientException(system + ": the token endpoint could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(system + ": interrupted while requesting a token", e);
        }
        int status = response.statusCode();
        LOG.debug("{} ← {} POST {} (grant_type={})", system, status, uri, grant);
        JsonNode json = parse(response.body());
        if (status == 429 || status >= 500) {
            throw TransientException.builder(system + ": the token endpoint answered HTTP " + status).httpStatus(status).build();
        }
        if (status < 200 || status >= 300) {
            String error = json.path("error").asText("");
            throw new AuthenticationException(system, "the token endpoint refused the credentials (HTTP " + status
                    + (error.isEmpty() ? "" : ", " + error) + ")");
        }
        String access = json.path("access_token").asText("");
        if (access.isEmpty()) {
            throw TransientException.builder(system + ": the token endpoint answered without an access_token").httpStatus(status).build();
        }
        long expiresIn = json.path("expires_in").asLong(3600);
        String refresh = json.path("refresh_token").asText("");
        return new Tokens(Secret.of(access), time.now().plusSeconds(expiresIn),
                refresh.isEmpty() ? Optional.empty() : Optional.of(Secret.of(refresh)));
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}

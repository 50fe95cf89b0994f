package io.possync.testkit.internal;

import io.possync.api.http.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The OAuth2 refresh-token grant the sandboxes of OAuth2 vendors (Lightspeed, AccountView) issue tokens by: access tokens with a
 * lifetime on the sandbox's clock, and refresh tokens that rotate (the one used dies as the new one
 * is issued) or stay valid. Thread-safe.
 */
public final class TokenIssuer {

    /** What a refresh grants. */
    public record Grant(String accessToken, String refreshToken, Instant expiresAt) {
    }

    private final boolean rotate;
    private final Duration lifetime;
    private final TimeSource time;
    private final Map<String, Instant> accessTokens = new HashMap<>();
    private final Set<String> refreshTokens = new HashSet<>();
    private final List<String> issued = new ArrayList<>();

    public TokenIssuer(String initialRefreshToken, boolean rotate, Duration lifetime, TimeSource time) {
        this.rotate = rotate;
        this.lifetime = lifetime;
        this.time = time;
        refreshTokens.add(initialRefreshToken);
        issued.add(initialRefreshToken);
    }

    /** New tokens for {@code presented}, or empty when it is not a valid refresh token (any more). */
    public synchronized Optional<Grant> refresh(String presented) {
        if (!refreshTokens.contains(presented)) {
            return Optional.empty();
        }
        String refresh = presented;
        if (rotate) {
            refreshTokens.remove(presented);
            refresh = UUID.randomUUID().toString().replace("-", "");
            refreshTokens.add(refresh);
            issued.add(refresh);
        }
        String access = UUID.randomUUID().toString().replace("-", "");
        Instant expiresAt = time.now().plus(lifetime);
        accessTokens.put(access, expiresAt);
        return Optional.of(new Grant(access, refresh, expiresAt));
    }

    /** Whether an {@code Authorization} header carries a valid, unexpired bearer token. */
    public synchronized boolean accepts(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        Instant expires = accessTokens.get(authorization.substring(7));
        return expires != null && time.now().isBefore(expires);
    }

    /** Makes every access token issued so far invalid. */
    public synchronized void expireAccessTokens() {
        accessTokens.clear();
    }

    /** Every refresh token issued, the initial one first. */
    public synchronized List<String> issued() {
        return List.copyOf(issued);
    }
}

package io.possync.api;

import java.util.Objects;

/**
 * A system refused the configured credentials (HTTP 401/403, an OAuth2 {@code invalid_grant}).
 *
 * <p>Retrying cannot help: the engine stops the flow without moving its cursor and reports the
 * failure to {@code SyncListener.onFailure}. The message names the system, never the secret.
 *
 * <pre>{@code
 * throw new AuthenticationException("businesscentral", "the access token was refused (HTTP 401)");
 * }</pre>
 */
public final class AuthenticationException extends PossyncException {

    private final String system;

    /** Creates the exception for {@code system}. */
    public AuthenticationException(String system, String message) {
        this(system, message, null);
    }

    /** Creates the exception for {@code system} with a cause (may be null). */
    public AuthenticationException(String system, String message, Throwable cause) {
        super(Objects.requireNonNull(system, "system") + ": " + Objects.requireNonNull(message, "message"), cause);
        this.system = system;
    }

    /** The system whose credentials were refused. */
    public String system() {
        return system;
    }
}

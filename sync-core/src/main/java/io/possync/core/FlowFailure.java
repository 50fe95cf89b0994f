package io.possync.core;

import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.StateStoreException;
import io.possync.api.TransientException;
import java.time.Instant;
import java.util.Objects;

/**
 * A run that stopped as a whole (credentials refused, a system down, a wrong setting, the state
 * store failing): what a host turns into an e-mail, a chat message or a page. The cursor did not
 * move past anything that was not synced or queued for retry.
 *
 * <pre>{@code
 * SyncListener pager = new SyncListener() {
 *     public void onFailure(FlowFailure f) {
 *         if (f.kind() == FlowFailure.Kind.AUTHENTICATION) pagerDuty.trigger(f.flow() + ": " + f.message());
 *     }
 * };
 * }</pre>
 *
 * @param flow    the flow's name
 * @param kind    what kind of failure
 * @param message what went wrong, without secrets or personal data
 * @param error   the exception
 * @param at      when
 */
public record FlowFailure(String flow, Kind kind, String message, Throwable error, Instant at) {

    /** Rejects nulls. */
    public FlowFailure {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(at, "at");
    }

    /** The failure for {@code error}, classified. */
    public static FlowFailure of(String flow, Throwable error, Instant at) {
        Kind kind = error instanceof AuthenticationException ? Kind.AUTHENTICATION
                : error instanceof ConfigurationException ? Kind.CONFIGURATION
                : error instanceof TransientException ? Kind.OUTAGE
                : error instanceof StateStoreException ? Kind.STATE_STORE
                : Kind.UNEXPECTED;
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return new FlowFailure(flow, kind, message, error, at);
    }

    /** Kinds of failure. */
    public enum Kind {
        /** Credentials were refused; a person must fix them. */
        AUTHENTICATION,
        /** A setting or mapping is wrong; a person must fix it. */
        CONFIGURATION,
        /** A system is unreachable or overloaded; the next run will probably succeed. */
        OUTAGE,
        /** The state store failed, or another process took the flow over. */
        STATE_STORE,
        /** A bug: an exception outside possync's hierarchy. */
        UNEXPECTED
    }
}

package io.possync.api;

/**
 * A capability that counts the requests it sends, so a {@code SyncReport} can say how many
 * requests each system received. Capabilities that share one HTTP client return the same
 * {@link RequestCounter}, and the engine counts it once.
 *
 * <pre>{@code
 * public RequestCounter requests() { return httpApi.requests(); }
 * }</pre>
 */
public interface Metered {

    /** The counter of the requests this capability sends. */
    RequestCounter requests();
}

package io.possync.api;

/**
 * A capability that counts the requests it sends, so a {@code SyncReport} can say how many
 * requests each system received. Connectors built on the HTTP toolkit implement it by delegating
 * to their {@code HttpApi}.
 *
 * <pre>{@code
 * if (sink instanceof Metered m) { long sent = m.requestCount(); }
 * }</pre>
 *
 * <p>Implementations are thread-safe; the count only grows.
 */
public interface Metered {

    /** Requests sent since this object was created, retries included. */
    long requestCount();
}

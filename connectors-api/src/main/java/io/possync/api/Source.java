package io.possync.api;

import java.util.Optional;

/**
 * A connector capability that reads changes of one entity type from its system.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #changesSince} returns changes after {@code cursor}, oldest first, ordered by
 *       (modified instant, id). A source whose API filters only by timestamp may return records
 *       already seen (an overlap); the engine drops those whose content did not change.</li>
 *   <li>{@link #fetch} reads one record by its id in this system, for retries: the engine stores
 *       only ids, never payloads.</li>
 *   <li>Failures are {@link PossyncException}s: transient, authentication or configuration.</li>
 * </ul>
 *
 * <pre>{@code
 * Source<Order> orders = lightspeed.orders();
 * Page<Order> page = orders.changesSince(Cursor.initial(), 100);
 * }</pre>
 *
 * @param <T> the canonical record type
 */
public interface Source<T extends CanonicalRecord> extends Capability {

    /** Up to {@code limit} changes after {@code cursor}, oldest first. */
    Page<T> changesSince(Cursor cursor, int limit);

    /** The record with {@code id} in this system, or empty when it no longer exists. */
    Optional<T> fetch(String id);
}

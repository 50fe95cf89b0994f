package io.possync.core.state;

import io.possync.api.Cursor;
import io.possync.api.LeaseLostException;
import io.possync.api.Ref;
import io.possync.api.StateStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine keeps what it must remember between runs: each flow's cursor, the links
 * between source and target records with their content hashes, the retry queue, and leases.
 *
 * <pre>{@code
 * StateStore store = new InMemoryStateStore();           // tests
 * SyncEngine engine = SyncEngine.builder().stateStore(store).build();
 * }</pre>
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #commit} is atomic: all of a {@link PageCommit} is stored, or none of it;</li>
 *   <li>a commit under a lease that is no longer held (expired, or taken by another owner with a
 *       newer token) fails with {@link LeaseLostException} and stores nothing;</li>
 *   <li>no payloads are stored: only refs, hashes, reasons and times;</li>
 *   <li>implementations are thread-safe; failures are {@link StateStoreException}s naming the store.</li>
 * </ul>
 */
public interface StateStore extends AutoCloseable {

    /** The flow's cursor, or empty before its first commit. */
    Optional<Cursor> cursor(String flow);

    /** The links of {@code sources} into {@code targetSystem}, by source ref; unlinked sources are absent. */
    Map<Ref, Link> links(Collection<Ref> sources, String targetSystem);

    /** The link whose target is {@code target}, for the way back (order status ERP → POS). */
    Optional<Link> linkByTarget(Ref target);

    /**
     * The links whose targets are {@code targets}, by target ref; a target no link points to is absent.
     * The engine asks this for every page, to tell records it wrote itself from the ones a user made.
     */
    default Map<Ref, Link> linksByTarget(Collection<Ref> targets) {
        Map<Ref, Link> found = new java.util.HashMap<>();
        targets.forEach(t -> linkByTarget(t).ifPresent(l -> found.put(t, l)));
        return found;
    }

    /** Retry entries of {@code flow} due at {@code now}, oldest due first, at most {@code limit}. */
    List<RetryEntry> dueRetries(String flow, Instant now, int limit);

    /** The retry entries of {@code flow} for {@code sources}, by source ref. */
    Map<Ref, RetryEntry> retryEntries(String flow, Collection<Ref> sources);

    /** The flow's retry queue, due first, at most {@code limit} entries. */
    List<RetryEntry> retryQueue(String flow, int limit);

    /** How many records wait in the flow's retry queue, due or not. */
    default long retryQueueSize(String flow) {
        return retryQueue(flow, Integer.MAX_VALUE).size();
    }

    /**
     * Takes the lease {@code name} for {@code owner} until {@code now + ttl} if it is free, expired,
     * or already {@code owner}'s. A new holder gets a higher fencing token than any before it.
     */
    Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl, Instant now);

    /** Extends {@code lease} to {@code now + ttl}; empty when it is no longer held. */
    Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now);

    /** Gives {@code lease} up, if still held. */
    void releaseLease(Lease lease);

    /**
     * Stores {@code commit} atomically.
     *
     * @throws LeaseLostException  when the commit's lease is no longer held at {@code now}
     * @throws StateStoreException when the store cannot write
     */
    void commit(PageCommit commit, Instant now);

    /** Releases connections or files. */
    @Override
    void close();
}

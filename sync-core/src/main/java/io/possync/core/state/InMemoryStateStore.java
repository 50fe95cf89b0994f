package io.possync.core.state;

import io.possync.api.Cursor;
import io.possync.api.LeaseLostException;
import io.possync.api.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in memory: for tests, demos and hosts that rebuild state on start.
 * State is lost when the JVM stops; use the JDBC store for anything that must survive a restart.
 *
 * <pre>{@code
 * InMemoryStateStore store = new InMemoryStateStore();
 * SyncEngine engine = SyncEngine.builder().stateStore(store).build();
 * }</pre>
 *
 * <p>Thread-safe; every method holds one lock, so a commit is atomic.
 */
public final class InMemoryStateStore implements StateStore {

    private record LinkKey(Ref source, String targetSystem) {
    }

    private record RetryKey(String flow, Ref source) {
    }

    private final Map<String, Cursor> cursors = new HashMap<>();
    private final Map<LinkKey, Link> links = new HashMap<>();
    private final Map<Ref, Link> linksByTarget = new HashMap<>();
    private final Map<RetryKey, RetryEntry> retries = new LinkedHashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();
    private long lastToken;

    /** An empty store. */
    public InMemoryStateStore() {
    }

    @Override
    public synchronized Optional<Cursor> cursor(String flow) {
        return Optional.ofNullable(cursors.get(flow));
    }

    @Override
    public synchronized Map<Ref, Link> links(Collection<Ref> sources, String targetSystem) {
        Map<Ref, Link> found = new HashMap<>();
        for (Ref source : sources) {
            Link link = links.get(new LinkKey(source, targetSystem));
            if (link != null) {
                found.put(source, link);
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<Link> linkByTarget(Ref target) {
        return Optional.ofNullable(linksByTarget.get(target));
    }

    @Override
    public synchronized List<RetryEntry> dueRetries(String flow, Instant now, int limit) {
        return retries.values().stream()
                .filter(e -> e.flow().equals(flow) && !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(RetryEntry::nextAttemptAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Map<Ref, RetryEntry> retryEntries(String flow, Collection<Ref> sources) {
        Map<Ref, RetryEntry> found = new HashMap<>();
        for (Ref source : sources) {
            RetryEntry e = retries.get(new RetryKey(flow, source));
            if (e != null) {
                found.put(source, e);
            }
        }
        return found;
    }

    @Override
    public synchronized List<RetryEntry> retryQueue(String flow, int limit) {
        return retries.values().stream()
                .filter(e -> e.flow().equals(flow))
                .sorted(Comparator.comparing(RetryEntry::nextAttemptAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long retryQueueSize(String flow) {
        return retries.values().stream().filter(e -> e.flow().equals(flow)).count();
    }

    @Override
    public synchronized Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl, Instant now) {
        Lease current = leases.get(name);
        if (current != null && current.expiresAt().isAfter(now) && !current.owner().equals(owner)) {
            return Optional.empty();
        }
        long token = current != null && current.owner().equals(owner) && current.expiresAt().isAfter(now)
                ? current.token() : ++lastToken;
        Lease lease = new Lease(name, owner, token, now.plus(ttl));
        leases.put(name, lease);
        return Optional.of(lease);
    }

    @Override
    public synchronized Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
        if (!holds(lease, now)) {
            return Optional.empty();
        }
        Lease renewed = new Lease(lease.name(), lease.owner(), lease.token(), now.plus(ttl));
        leases.put(lease.name(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized void releaseLease(Lease lease) {
        Lease current = leases.get(lease.name());
        if (current != null && current.token() == lease.token()) {
            leases.remove(lease.name());
        }
    }

    @Override
    public synchronized void commit(PageCommit commit, Instant now) {
        if (commit.lease().isPresent() && !holds(commit.lease().get(), now)) {
            throw new LeaseLostException("flow '" + commit.flow() + "': the lease expired or was taken over by another"
                    + " process; this commit was refused and nothing was written");
        }
        for (Link link : commit.links()) {
            Link old = links.put(new LinkKey(link.source(), link.target().system()), link);
            if (old != null) {
                linksByTarget.remove(old.target());
            }
            linksByTarget.put(link.target(), link);
        }
        for (Ref resolved : commit.resolvedRetries()) {
            retries.remove(new RetryKey(commit.flow(), resolved));
        }
        for (RetryEntry entry : commit.retries()) {
            retries.put(new RetryKey(entry.flow(), entry.source()), entry);
        }
        commit.cursor().ifPresent(c -> cursors.put(commit.flow(), c));
    }

    private boolean holds(Lease lease, Instant now) {
        Lease current = leases.get(lease.name());
        return current != null && current.token() == lease.token() && current.owner().equals(lease.owner())
                && current.expiresAt().isAfter(now);
    }

    /** All links, for tests and diagnostics. */
    public synchronized List<Link> allLinks() {
        return new ArrayList<>(links.values());
    }

    @Override
    public void close() {
    }
}

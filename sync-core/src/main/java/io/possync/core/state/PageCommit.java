package io.possync.core.state;

import static io.possync.api.internal.Nulls.list;
import static io.possync.api.internal.Nulls.opt;

import io.possync.api.Cursor;
import io.possync.api.Ref;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one page of a flow changes in the state store, committed in one transaction: new
 * or updated links, retry-queue entries added or rescheduled, entries resolved, and the cursor
 * past the page. With a lease, the store first checks the lease is still held (fencing).
 *
 * <pre>{@code
 * store.commit(new PageCommit("orders", Optional.of(lease), links, failed, resolved, Optional.of(page.next())), now);
 * }</pre>
 *
 * @param flow             the flow's name
 * @param lease            the lease the commit is made under, if any
 * @param links            links to insert or replace
 * @param retries          retry entries to insert or replace
 * @param resolvedRetries  records to remove from the flow's retry queue
 * @param cursor           the flow's new cursor; empty leaves it as it is
 */
public record PageCommit(String flow, Optional<Lease> lease, List<Link> links, List<RetryEntry> retries,
                         List<Ref> resolvedRetries, Optional<Cursor> cursor) {

    /** Copies lists; nulls become empty. */
    public PageCommit {
        Objects.requireNonNull(flow, "flow");
        lease = opt(lease);
        links = list(links);
        retries = list(retries);
        resolvedRetries = list(resolvedRetries);
        cursor = opt(cursor);
    }

    /** Whether the commit changes nothing. */
    public boolean isEmpty() {
        return links.isEmpty() && retries.isEmpty() && resolvedRetries.isEmpty() && cursor.isEmpty();
    }
}

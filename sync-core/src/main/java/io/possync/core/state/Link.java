package io.possync.core.state;

import io.possync.api.Ref;
import java.time.Instant;
import java.util.Objects;

/**
 * That a source record was synced to a target record, with the content hash it had then: the
 * engine's memory of what it wrote. Links are shared by all flows into the same target system,
 * so the order flow and the customer flow agree about which debtor a shop customer is.
 *
 * <pre>{@code
 * Optional<Link> link = store.links(List.of(source), "businesscentral").values().stream().findFirst();
 * }</pre>
 *
 * @param source      the record in the source system
 * @param target      the record in the target system
 * @param contentHash hash of the canonical record when it was last written
 * @param syncedAt    when it was last written
 */
public record Link(Ref source, Ref target, String contentHash, Instant syncedAt) {

    /** Rejects nulls. */
    public Link {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(syncedAt, "syncedAt");
    }
}

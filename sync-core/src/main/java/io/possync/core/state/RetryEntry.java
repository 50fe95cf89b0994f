package io.possync.core.state;

import static io.possync.api.internal.Nulls.opt;

import io.possync.api.Ref;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record of a flow that could not be synced and will be tried again. Only the record's id,
 * the reason and the schedule are kept, never its payload: the engine re-fetches it from the
 * source by id when the entry is due.
 *
 * <pre>{@code
 * for (RetryEntry e : store.retryQueue("orders", 100)) {
 *     System.out.println(e.source() + " at " + e.fieldPath().orElse("-") + ": " + e.reason());
 * }
 * }</pre>
 *
 * @param flow          the flow's name
 * @param source        the record in the source system
 * @param reason        why the last attempt failed, personal data removed
 * @param fieldPath     the offending field, when known
 * @param attempts      failed attempts so far
 * @param firstFailedAt when it first failed
 * @param nextAttemptAt when it is due again
 */
public record RetryEntry(String flow, Ref source, String reason, Optional<String> fieldPath, int attempts,
                         Instant firstFailedAt, Instant nextAttemptAt) {

    /** Rejects nulls; a null field path is empty. */
    public RetryEntry {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        fieldPath = opt(fieldPath);
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}

package io.possync.core;

/**
 * What happened to one record in a run; every fetched record ends in exactly one final outcome.
 *
 * <pre>{@code
 * long created = report.count(Outcome.CREATED);
 * }</pre>
 */
public enum Outcome {
    /** Read from the source (followed by a final outcome). */
    FETCHED,
    /** Re-read from the source for a retry (followed by a final outcome). */
    RETRIED,
    /** Left out by the flow's filter. */
    FILTERED,
    /** Same content as when it was last synced: nothing written. */
    UNCHANGED,
    /** Created in the target. */
    CREATED,
    /** Updated in the target. */
    UPDATED,
    /** Already in the target and left alone by policy (existing orders). */
    SKIPPED_EXISTING,
    /** Bad data or refused by the target: in the retry queue with field and reason. */
    REJECTED,
    /** A transient failure (timeout, 429, 5xx after retries): in the retry queue. */
    RETRY_SCHEDULED,
    /** Synced nothing for a reason that needs no retry (stock of a product missing in the target). */
    WARNING,
    /** A retry-queue record that no longer exists in the source: dropped from the queue. */
    SOURCE_GONE,
    /** Dry run: would have been created. */
    WOULD_CREATE,
    /** Dry run: would have been updated. */
    WOULD_UPDATE
}

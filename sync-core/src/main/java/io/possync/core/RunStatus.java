package io.possync.core;

/**
 * How a run ended as a whole.
 *
 * <pre>{@code
 * if (report.status() == RunStatus.FAILED) { ... report.failure() ... }
 * }</pre>
 */
public enum RunStatus {
    /** Every change was read; each record synced, was skipped, or waits in the retry queue. */
    COMPLETED,
    /** The run stopped (authentication, outage, configuration, state store); see the failure. */
    FAILED,
    /** Another process or thread holds the flow's lease; nothing was done. */
    SKIPPED_LEASE_HELD
}

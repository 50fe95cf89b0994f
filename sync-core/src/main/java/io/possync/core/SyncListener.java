package io.possync.core;

/**
 * Receives every record's outcome and every failed run: the hook for activity logs, metrics,
 * dashboards and notifications. An exception thrown by a listener is logged and otherwise ignored,
 * so a broken listener never breaks a sync.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.builder()
 *         .stateStore(store)
 *         .listener(new Slf4jSyncListener())
 *         .listener(new SyncListener() {
 *             public void onFailure(FlowFailure f) { mailer.send("possync: " + f.flow() + " failed", f.message()); }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Listeners are called on the thread that runs the flow.
 */
public interface SyncListener {

    /** A run of flow {@code flow} begins ({@code dryRun}: it plans and writes nothing); its events, failure and end follow. */
    default void onRunStarted(String flow, boolean dryRun) {
    }

    /**
     * The run begins the steps of one page of {@code records} (its retry queue's due records count as a
     * page); {@link #onPageFinished} follows when the page is committed, {@link #onFailure} when the run stops in it.
     */
    default void onPageStarted(String flow, int records) {
    }

    /** The page {@link #onPageStarted} announced is written and committed (a dry run: planned). */
    default void onPageFinished(String flow, int records) {
    }

    /** One record's outcome. */
    default void onEvent(SyncEvent event) {
    }

    /** A run stopped as a whole. */
    default void onFailure(FlowFailure failure) {
    }

    /** A run ended, however it ended (after its last event or failure). */
    default void onRunFinished(SyncReport report) {
    }
}

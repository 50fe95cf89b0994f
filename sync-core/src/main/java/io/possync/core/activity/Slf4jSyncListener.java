package io.possync.core.activity;

import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events and failures to SLF4J (logger {@code io.possync.activity}): rejections and
 * warnings at WARN, failures at ERROR, writes at INFO, everything else at DEBUG. Events are
 * already redacted, so the log holds no personal data unless the engine was told to keep it.
 *
 * <pre>{@code
 * SyncEngine.builder().stateStore(store).listener(new Slf4jSyncListener()).build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Slf4jSyncListener implements SyncListener {

    private final Logger log;

    /** Logs to {@code io.possync.activity}. */
    public Slf4jSyncListener() {
        this(LoggerFactory.getLogger("io.possync.activity"));
    }

    /** Logs to {@code logger}. */
    public Slf4jSyncListener(Logger logger) {
        this.log = logger;
    }

    @Override
    public void onEvent(SyncEvent event) {
        Outcome o = event.outcome();
        if (o == Outcome.REJECTED || o == Outcome.RETRY_SCHEDULED || o == Outcome.WARNING) {
            log.warn("{}", event.describe());
        } else if (o == Outcome.CREATED || o == Outcome.UPDATED || o == Outcome.SOURCE_GONE) {
            if (log.isInfoEnabled()) {
                log.info("{}", event.describe());
            }
        } else if (log.isDebugEnabled()) {
            log.debug("{}", event.describe());
        }
    }

    @Override
    public void onFailure(FlowFailure failure) {
        log.error("flow {} stopped ({}): {}", failure.flow(), failure.kind(), failure.message());
    }
}

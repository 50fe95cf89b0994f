package io.possync.core.internal;

import io.possync.core.FlowFailure;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener, shielding the sync from a listener that throws. */
public final class Listeners implements SyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<SyncListener> listeners;

    /** Dispatches to {@code listeners}, in order. */
    public Listeners(List<SyncListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onRunStarted(String flow, boolean dryRun) {
        for (SyncListener l : listeners) {
            try {
                l.onRunStarted(flow, dryRun);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} threw when a run of flow {} started; ignored", l.getClass().getName(), flow, e);
            }
        }
    }

    @Override
    public void onEvent(SyncEvent event) {
        for (SyncListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} threw on an event of flow {}; ignored", l.getClass().getName(), event.flow(), e);
            }
        }
    }

    @Override
    public void onFailure(FlowFailure failure) {
        for (SyncListener l : listeners) {
            try {
                l.onFailure(failure);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} threw on a failure of flow {}; ignored", l.getClass().getName(), failure.flow(), e);
            }
        }
    }

    @Override
    public void onRunFinished(io.possync.core.SyncReport report) {
        for (SyncListener l : listeners) {
            try {
                l.onRunFinished(report);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} threw when run of flow {} finished; ignored", l.getClass().getName(), report.flow(), e);
            }
        }
    }
}

package io.possync.core.internal;

import io.possync.core.FlowFailure;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import java.util.List;
import java.util.function.Consumer;
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
        each("a run started", flow, l -> l.onRunStarted(flow, dryRun));
    }

    @Override
    public void onPageStarted(String flow, int records) {
        each("a page started", flow, l -> l.onPageStarted(flow, records));
    }

    @Override
    public void onPageFinished(String flow, int records) {
        each("a page finished", flow, l -> l.onPageFinished(flow, records));
    }

    @Override
    public void onEvent(SyncEvent event) {
        each("an event", event.flow(), l -> l.onEvent(event));
    }

    @Override
    public void onFailure(FlowFailure failure) {
        each("a failure", failure.flow(), l -> l.onFailure(failure));
    }

    @Override
    public void onRunFinished(SyncReport report) {
        each("a run finished", report.flow(), l -> l.onRunFinished(report));
    }

    private void each(String what, String flow, Consumer<SyncListener> call) {
        for (SyncListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("SyncListener {} threw when {} in flow {}; ignored", l.getClass().getName(), what, flow, e);
            }
        }
    }
}

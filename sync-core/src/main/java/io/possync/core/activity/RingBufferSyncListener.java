package io.possync.core.activity;

import io.possync.core.FlowFailure;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the most recent events and failures in memory, for a host's status page or a test's
 * assertions. When full, the oldest entry makes room.
 *
 * <pre>{@code
 * RingBufferSyncListener recent = new RingBufferSyncListener(1000);
 * SyncEngine engine = SyncEngine.builder().stateStore(store).listener(recent).build();
 * engine.run(flow);
 * recent.events().forEach(e -> System.out.println(e.describe()));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RingBufferSyncListener implements SyncListener {

    private final int capacity;
    private final ArrayDeque<SyncEvent> events;
    private final ArrayDeque<FlowFailure> failures;

    /** A buffer of the last {@code capacity} events (and as many failures). */
    public RingBufferSyncListener(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
        this.failures = new ArrayDeque<>();
    }

    @Override
    public synchronized void onEvent(SyncEvent event) {
        if (events.size() == capacity) {
            events.pollFirst();
        }
        events.addLast(event);
    }

    @Override
    public synchronized void onFailure(FlowFailure failure) {
        if (failures.size() == capacity) {
            failures.pollFirst();
        }
        failures.addLast(failure);
    }

    /** The buffered events, oldest first. */
    public synchronized List<SyncEvent> events() {
        return new ArrayList<>(events);
    }

    /** The buffered failures, oldest first. */
    public synchronized List<FlowFailure> failures() {
        return new ArrayList<>(failures);
    }

    /** Empties the buffer. */
    public synchronized void clear() {
        events.clear();
        failures.clear();
    }
}

package io.possync.core.internal;

import io.possync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;

/** What every run of one engine shares. */
record EngineContext(StateStore store, Listeners listeners, Clock clock, String owner, Duration leaseDuration,
                     boolean redactPersonalData, java.util.Optional<java.util.concurrent.Executor> readAhead) {
}

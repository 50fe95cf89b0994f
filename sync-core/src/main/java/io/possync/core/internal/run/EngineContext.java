package io.possync.core.internal.run;

import io.possync.core.internal.Listeners;
import io.possync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/** What every run of one engine shares. */
public record EngineContext(StateStore store, Listeners listeners, Clock clock, String owner, Duration leaseDuration,
                            boolean redactPersonalData, Optional<Executor> readAhead) {
}

package io.possync.core.internal;

import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.internal.run.EngineContext;
import io.possync.core.internal.run.FlowRun;
import io.possync.core.internal.run.ReportBuilder;
import io.possync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link SyncEngine} implementation; see there for its guarantees. */
public final class DefaultSyncEngine implements SyncEngine {

    private final EngineContext context;
    private final List<Flow<?>> flows;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Use {@link SyncEngine#builder()}. */
    public DefaultSyncEngine(StateStore store, List<SyncListener> listeners, List<Flow<?>> flows, Clock clock,
                             String owner, Duration leaseDuration, boolean redactPersonalData,
                             java.util.Optional<java.util.concurrent.Executor> readAhead) {
        this.context = new EngineContext(store, new Listeners(listeners), clock, owner, leaseDuration, redactPersonalData, readAhead);
        this.flows = List.copyOf(flows);
    }

    @Override
    public SyncReport run(Flow<?> flow) {
        if (!running.add(flow.name())) {
            return finished(new ReportBuilder(flow.name(), flow.entityType(), false, context.clock().instant())
                    .build(RunStatus.SKIPPED_LEASE_HELD, Map.of(), java.util.OptionalLong.empty(), Optional.empty()));
        }
        try {
            context.listeners().onRunStarted(flow.name(), false);
            return finished(new FlowRun(context, flow, false).execute());
        } finally {
            running.remove(flow.name());
        }
    }

    @Override
    public SyncReport dryRun(Flow<?> flow) {
        context.listeners().onRunStarted(flow.name(), true);
        return finished(new FlowRun(context, flow, true).execute());
    }

    @Override
    public List<SyncReport> runAll() {
        List<SyncReport> reports = new ArrayList<>(flows.size());
        for (Flow<?> flow : flows) {
            reports.add(run(flow));
        }
        return reports;
    }

    private SyncReport finished(SyncReport report) {
        context.listeners().onRunFinished(report);
        return report;
    }

    @Override
    public List<Flow<?>> flows() {
        return flows;
    }
}

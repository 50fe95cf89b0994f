package io.possync.core.internal.run;

import io.possync.api.CanonicalRecord;
import io.possync.api.LeaseLostException;
import io.possync.api.UpdateSink;
import io.possync.core.Flow;
import io.possync.core.state.Lease;
import java.time.Instant;
import java.util.Optional;

/**
 * What the steps of one run share: the engine, the flow and its kind, whether it is a dry run, the
 * report being built, and the lease the run holds.
 */
final class RunState {

    final EngineContext ctx;
    final Flow<CanonicalRecord> flow;
    final FlowKind kind;
    final boolean dryRun;
    final ReportBuilder report;
    private Lease lease;

    @SuppressWarnings("unchecked")
    RunState(EngineContext ctx, Flow<?> flow, boolean dryRun) {
        this.ctx = ctx;
        this.flow = (Flow<CanonicalRecord>) flow;
        this.kind = FlowKind.of(flow);
        this.dryRun = dryRun;
        this.report = new ReportBuilder(flow.name(), flow.entityType(), dryRun, ctx.clock().instant());
    }

    /** The flow's record sink; a status flow has none. */
    UpdateSink<CanonicalRecord> sink() {
        return flow.sink().orElseThrow(() -> new IllegalStateException("flow '" + flow.name() + "' has no record sink"));
    }

    Instant now() {
        return ctx.clock().instant();
    }

    /** Takes the flow's lease; empty when another process holds it. */
    boolean acquireLease() {
        Optional<Lease> acquired = ctx.store().tryAcquireLease(flow.name(), ctx.owner(), ctx.leaseDuration(), now());
        acquired.ifPresent(l -> lease = l);
        return acquired.isPresent();
    }

    Optional<Lease> lease() {
        return Optional.ofNullable(lease);
    }

    /**
     * Renews the lease right before writing to a target, so a process that paused past its lease
     * (a long GC, a slow source) stops before writing instead of only at its next commit.
     */
    void ensureLease() {
        if (lease != null) {
            lease = ctx.store().renewLease(lease, ctx.leaseDuration(), now()).orElseThrow(() -> new LeaseLostException(
                    "flow '" + flow.name() + "': the lease was lost before writing; another process now runs this flow"));
        }
    }

    void releaseLease() {
        if (lease != null) {
            try {
                ctx.store().releaseLease(lease);
            } catch (RuntimeException ignored) {
                // The lease lapses by itself; a failed release must not hide the run's result.
            }
        }
    }
}

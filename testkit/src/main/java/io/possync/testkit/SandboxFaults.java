package io.possync.testkit;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Random;

/**
 * The sandbox's fault schedule: faults queued for the next requests (or the next writes), and
 * optional random faults at given rates with a fixed seed, so a failing run can be repeated.
 *
 * <pre>{@code
 * sandbox.faults().next(Fault.status(429)).next(Fault.status(503));   // the next two requests fail
 * sandbox.faults().randomly(0.20, 0.02, 42);   // 20 % 429/503, 2 % of writes lose their answer
 * sandbox.faults().clear();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SandboxFaults {

    private final ArrayDeque<Fault> nextRequests = new ArrayDeque<>();
    private final ArrayDeque<Fault> nextWrites = new ArrayDeque<>();
    private double busyRate;
    private double lostWriteRate;
    private Random random = new Random(0);
    private long injected;
    private final java.util.EnumMap<Fault.Kind, Long> byKind = new java.util.EnumMap<>(Fault.Kind.class);

    private SandboxFaults() {
    }

    /** An empty schedule, for a sandbox to own. */
    public static SandboxFaults create() {
        return new SandboxFaults();
    }

    /** Queues {@code fault} for the next request not yet given one. */
    public synchronized SandboxFaults next(Fault fault) {
        nextRequests.add(fault);
        return this;
    }

    /** Queues {@code fault} for the next write (POST, PATCH, DELETE, $batch) not yet given one. */
    public synchronized SandboxFaults nextWrite(Fault fault) {
        nextWrites.add(fault);
        return this;
    }

    /**
     * From now on, answers {@code busyRate} of all requests with 429 or 503 (half each, the 503s
     * with Retry-After: 1) and loses the answer of {@code lostWriteRate} of the writes.
     */
    public synchronized SandboxFaults randomly(double busyRate, double lostWriteRate, long seed) {
        this.busyRate = busyRate;
        this.lostWriteRate = lostWriteRate;
        this.random = new Random(seed);
        return this;
    }

    /** Removes every queued and random fault. */
    public synchronized SandboxFaults clear() {
        nextRequests.clear();
        nextWrites.clear();
        busyRate = 0;
        lostWriteRate = 0;
        return this;
    }

    /** How many faults were injected so far. */
    public synchronized long injected() {
        return injected;
    }

    /** How many faults of {@code kind} were injected so far. */
    public synchronized long injected(Fault.Kind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /**
     * The fault for the request a sandbox is serving now, if any: a queued one first, then a random one.
     * Sandboxes call this once per request; {@code write} says whether it changes state.
     */
    public synchronized Optional<Fault> draw(boolean write) {
        Fault f = null;
        if (write && !nextWrites.isEmpty()) {
            f = nextWrites.poll();
        } else if (!nextRequests.isEmpty()) {
            f = nextRequests.poll();
        } else if (busyRate > 0 && random.nextDouble() < busyRate) {
            f = random.nextBoolean() ? Fault.status(429) : Fault.status(503, java.time.Duration.ofSeconds(1));
        } else if (write && lostWriteRate > 0 && random.nextDouble() < lostWriteRate) {
            f = Fault.lostResponse();
        }
        if (f != null) {
            injected++;
            byKind.merge(f.kind(), 1L, Long::sum);
        }
        return Optional.ofNullable(f);
    }
}

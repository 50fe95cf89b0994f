package io.possync.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.possync.api.Customer;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.JdbcStateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes share 300 flows through db-scheduler's table in one PostgreSQL database: every flow runs once per
 * interval on exactly one node, never two runs of a flow at once, and a stopped node's flows go on on the others.
 * Prints the figures the module README quotes.
 */
class ClusterTest {

    static final int FLOWS = 300;
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration POLL = Duration.ofMillis(200);

    static EmbeddedPostgres postgres;
    static CountingPool schedulerPool;
    static CountingPool statePool;

    /** A finished run: which node ran which flow, when, and how it ended. */
    record Run(String node, String flow, Instant start, Instant end, RunStatus status) {
    }

    final List<Run> runs = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        schedulerPool = new CountingPool(postgres.getPostgresDatabase());
        statePool = new CountingPool(postgres.getPostgresDatabase());
        SchedulerTable.createIfMissing(schedulerPool);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** One JVM's share: its engine over the shared state store and its db-scheduler. */
    Scheduler node(String name, List<Flow<?>> flows) {
        return node(name, flows, Duration.ofSeconds(30));
    }

    Scheduler node(String name, List<Flow<?>> flows, Duration lease) {
        SyncEngine.Builder engine = SyncEngine.builder().owner(name).leaseDuration(lease)
                .stateStore(JdbcStateStore.postgres(statePool, name)).listener(new SyncListener() {
                    final ThreadLocal<Instant> started = new ThreadLocal<>();

                    @Override
                    public void onRunStarted(String flow, boolean dryRun) {
                        started.set(Instant.now());
                    }

                    @Override
                    public void onRunFinished(SyncReport report) {
                        runs.add(new Run(name, report.flow(), started.get(), Instant.now(), report.status()));
                    }
                });
        flows.forEach(engine::flow);
        return Scheduler.create(schedulerPool).startTasks(FlowTasks.builder(engine.build()).every(INTERVAL).build())
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name)).threads(4).pollingInterval(POLL)
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(Duration.ofMillis(250)).missedHeartbeatsLimit(4).shutdownMaxWait(Duration.ofMillis(500)).build();
    }

    /** A source whose first read hangs until released, as a node in a long pause would: it ignores interrupts. */
    static final class HangingSource implements io.possync.api.Source<Customer> {
        final InMemorySource<Customer> records = new InMemorySource<Customer>(Fixtures.POS)
                .put(Fixtures.customer("c1", "c1@example.com", at(1)));
        final java.util.concurrent.CountDownLatch hanging = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);

        @Override
        public io.possync.api.Page<Customer> changesSince(io.possync.api.Cursor cursor, int limit) {
            if (first.getAndSet(false)) {
                hanging.countDown();
                boolean released = false;
                while (!released) {
                    try {
                        released = release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        // a paused process does not notice its scheduler giving up on it
                    }
                }
            }
            return records.changesSince(cursor, limit);
        }

        @Override
        public java.util.Optional<Customer> fetch(String id) {
            return records.fetch(id);
        }

        @Override
        public String system() {
            return records.system();
        }
    }

    @Test
    void aNodeTakenForDeadWhileItHangsCommitsAndWritesNothingWhenItWakes() throws Exception {
        HangingSource source = new HangingSource();
        io.possync.core.fixtures.InMemorySink<Customer> sink = Fixtures.customerSink();
        List<Flow<?>> flows = List.of(Flow.customers("hanging").from(source).to(sink).build());
        Scheduler zombie = node("node-x", flows, Duration.ofSeconds(2));
        zombie.start();
        assertThat(source.hanging.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("node-x is in the run").isTrue();
        Instant crashed = Instant.now();
        zombie.stop();                                            // its heartbeats stop; its thread hangs on
        Scheduler survivor = node("node-y", flows, Duration.ofSeconds(2));
        survivor.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (runs.stream().noneMatch(r -> r.node().equals("node-y") && r.status() == RunStatus.COMPLETED)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Run takenOver = runs.stream().filter(r -> r.node().equals("node-y") && r.status() == RunStatus.COMPLETED).findFirst()
                    .orElseThrow(() -> new AssertionError("node-y never completed the flow: " + runs));
            assertThat(sink.creates()).isEqualTo(1);

            source.release.countDown();
            while (runs.stream().noneMatch(r -> r.node().equals("node-x")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(runs).filteredOn(r -> r.node().equals("node-x")).singleElement()
                    .extracting(Run::status).isEqualTo(RunStatus.FAILED);
            assertThat(sink.creates()).as("the woken node wrote nothing").isEqualTo(1);
            System.out.printf("possync-db-scheduler takeover: node-x hung in a run and stopped; node-y completed the flow %d ms"
                    + " later (dead-execution detection, then the engine's 2 s lease); node-x woke, lost its lease, wrote nothing%n",
                    Duration.between(crashed, takenOver.end()).toMillis());
        } finally {
            survivor.stop();
        }
    }

    static List<Flow<?>> flows(String prefix, int n) {
        return IntStream.range(0, n).<Flow<?>>mapToObj(i -> Flow.customers(prefix + i)
                .from(new InMemorySource<Customer>(Fixtures.POS).put(Fixtures.customer("c" + i, "c" + i + "@example.com", at(1))))
                .to(Fixtures.customerSink()).build()).toList();
    }

    @Test
    void threeNodesRunEveryFlowOncePerIntervalAndTakeOverAStoppedNodesFlows() throws Exception {
        List<Flow<?>> flows = flows("flow-", FLOWS);
        List<Scheduler> nodes = new ArrayList<>(List.of(node("node-a", flows), node("node-b", flows), node("node-c", flows)));
        nodes.forEach(Scheduler::start);
        try {
            Thread.sleep(INTERVAL.toMillis() * 2);              // every flow has started its rhythm
            Instant windowStart = Instant.now();
            Thread.sleep(INTERVAL.toMillis() * 3);
            Instant windowEnd = Instant.now();

            Map<String, Long> perFlow = count(windowStart, windowEnd);
            assertThat(perFlow).as("flows that ran in the window").hasSize(FLOWS);
            assertThat(perFlow.values()).as("runs per flow in 3 intervals").allSatisfy(n -> assertThat(n).isBetween(2L, 4L));
            assertThat(runs).as("no run found another holding its lease").noneMatch(r -> r.status() == RunStatus.SKIPPED_LEASE_HELD)
                    .allMatch(r -> r.status() == RunStatus.COMPLETED);
            assertThat(runs.stream().map(Run::node).distinct()).as("the flows spread over the nodes").hasSize(3);
            assertNoFlowRanTwiceAtOnce();

            long schedulerBefore = schedulerPool.statements();
            long stateBefore = statePool.statements();
            int runsBefore = runs.size();
            Instant from = Instant.now();
            Thread.sleep(INTERVAL.toMillis() * 2);
            double polls = Duration.between(from, Instant.now()).toMillis() / (double) POLL.toMillis() * nodes.size();
            double perPoll = (schedulerPool.statements() - schedulerBefore) / polls;
            int runsBetween = runs.size() - runsBefore;
            double schedulerPerRun = (schedulerPool.statements() - schedulerBefore) / (double) runsBetween;
            double statePerRun = (statePool.statements() - stateBefore) / (double) runsBetween;

            Instant stopping = Instant.now();
            nodes.remove(0).stop();                               // graceful: what it has picked, it finishes
            Instant stopped = Instant.now();
            Thread.sleep(INTERVAL.toMillis() * 3);
            Instant after = Instant.now();

            assertThat(runs).as("node-a ran nothing after its stop").noneMatch(r -> r.node().equals("node-a") && r.start().isAfter(stopped));
            Map<String, Long> afterStop = count(stopped.plus(INTERVAL), after);
            assertThat(afterStop).as("every flow goes on without node-a").hasSize(FLOWS);
            Map<String, Instant> firstElsewhere = runs.stream().filter(r -> !r.node().equals("node-a") && r.start().isAfter(stopping))
                    .collect(Collectors.toMap(Run::flow, Run::start, (x, y) -> x.isBefore(y) ? x : y));
            Duration takeover = firstElsewhere.values().stream().map(t -> Duration.between(stopping, t)).max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(takeover).as("the longest wait of a flow after node-a stopped").isLessThanOrEqualTo(INTERVAL.plus(INTERVAL));
            assertNoFlowRanTwiceAtOnce();

            System.out.printf("possync-db-scheduler cluster: %d flows, 3 nodes, interval %s: runs per flow in 3 intervals min %d max %d;"
                            + " %d runs, 0 skipped for a held lease; db-scheduler statements per poll %.1f (%.2f per flow run);"
                            + " state store statements per flow run %.2f; after a node stopped, every flow ran again within %d ms%n",
                    FLOWS, INTERVAL, perFlow.values().stream().min(Long::compare).orElseThrow(),
                    perFlow.values().stream().max(Long::compare).orElseThrow(), runs.size(), perPoll, schedulerPerRun, statePerRun,
                    takeover.toMillis());
        } finally {
            nodes.forEach(Scheduler::stop);
        }
    }

    private Map<String, Long> count(Instant from, Instant to) {
        return runs.stream().filter(r -> !r.start().isBefore(from) && r.start().isBefore(to))
                .collect(Collectors.groupingBy(Run::flow, Collectors.counting()));
    }

    private void assertNoFlowRanTwiceAtOnce() {
        runs.stream().collect(Collectors.groupingBy(Run::flow)).forEach((flow, its) -> {
            List<Run> sorted = its.stream().sorted(Comparator.comparing(Run::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).start()).as(flow + " started again before its previous run ended")
                        .isAfterOrEqualTo(sorted.get(i - 1).end());
            }
        });
    }
}

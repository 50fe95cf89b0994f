package io.possync.benchmarks;

import io.possync.api.EntityType;
import io.possync.api.OrderKind;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.http.SlidingWindowRateLimiter;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.JdbcStateStore;
import io.possync.testkit.ScaledTime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syncs N sales from the Lightspeed sandbox into the Business Central sandbox as invoices, with both
 * vendors' limits enforced on a clock running {@code factor} times faster (Lightspeed's leaky bucket
 * of 60 units dripping 1 per second; Business Central's 6,000 requests per 5 minutes, 5 at once).
 * The sandboxes run in a child JVM ({@link SandboxProcess}) so the heap measured is the sync's alone.
 * Prints requests per system against the minimum the work needs (Lightspeed pages of 100 sales;
 * Business Central {@code $batch}es of 100 invoices and of 100 customer writes, counted from what the
 * run wrote), wall time against the bound the limits set, and the peak heap after GC; with faults,
 * checks every sale arrived once. The flow's page (records looked up and written together) is
 * {@code POSSYNC_PAGE_SIZE} sales, 1,000 by default: ten Lightspeed pages.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.possync.benchmarks.PosToErpOrderSyncHarness [sales] [factor] [busyRate] [lostWriteRate]
 * </pre>
 */
public final class PosToErpOrderSyncHarness {

    private PosToErpOrderSyncHarness() {
    }

    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double factor = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        String busy = args.length > 2 ? args[2] : "0";
        String lost = args.length > 3 ? args[3] : "0";
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), SandboxProcess.class.getName(), String.valueOf(sales),
                String.valueOf(factor), busy, lost).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader from = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter to = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> config = new HashMap<>();
        for (String line = from.readLine(); line != null && !line.equals("ready"); line = from.readLine()) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                config.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            run(sales, factor, config, from, to, !busy.equals("0") || !lost.equals("0"));
        } finally {
            to.println("stop");
            child.waitFor();
        }
    }

    private static void run(int sales, double factor, Map<String, String> c, BufferedReader from, PrintWriter to, boolean faults)
            throws Exception {
        ScaledTime time = ScaledTime.startingAt(Instant.now(), factor);
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofMillis(200))
                .maxBackoff(Duration.ofSeconds(5)).maxElapsed(Duration.ofHours(1)).build();
        LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(c.get("ls.client"),
                        Secret.of(c.get("ls.secret")), Secret.of(c.get("ls.refresh")))
                .endpoints(URI.create(c.get("ls.api")), URI.create(c.get("ls.token"))).accountId(c.get("ls.account"))
                .timeSource(time).retryPolicy(retries).build());
        BusinessCentral erp = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud(c.get("bc.tenant"), c.get("bc.environment"), c.get("bc.client"),
                        Secret.of(c.get("bc.secret"))),
                c.get("bc.company"))
                .apiHost(URI.create(c.get("bc.host"))).loginHost(URI.create(c.get("bc.host")))
                .timeSource(time).retryPolicy(retries).build(),
                SlidingWindowRateLimiter.builder().maxRequests(6000).per(Duration.ofMinutes(5)).maxConcurrent(5).timeSource(time).build());
        Flow<io.possync.api.Order> flow = Flow.orders("pos-sales").from(pos.sales()).to(erp.salesInvoices())
                .kind(OrderKind.INVOICE).customers(erp.customers()).products(erp.items()).defaultDebtor(c.get("bc.debtor"))
                .pageSize(Integer.parseInt(System.getenv().getOrDefault("POSSYNC_PAGE_SIZE", "1000")))
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
        // SQLite, as a host would keep state: links and cursors live on disk, not in the heap measured here.
        java.nio.file.Path state = java.nio.file.Files.createTempFile("possync-harness", ".db");
        // Read ahead on a thread of the host's (here: the harness's): the next Lightspeed page is read while the current
        // one is written to Business Central. POSSYNC_READ_AHEAD=off measures without it.
        boolean readAhead = !"off".equalsIgnoreCase(System.getenv().getOrDefault("POSSYNC_READ_AHEAD", "on"));
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "harness-read-ahead");
            t.setDaemon(true);
            return t;
        });
        SyncEngine.Builder engineBuilder = SyncEngine.builder().stateStore(JdbcStateStore.sqlite(state));
        SyncEngine engine = (readAhead ? engineBuilder.readAhead(reader) : engineBuilder).build();
        System.out.println("read ahead: " + (readAhead ? "on" : "off"));

        HeapWatch heap = new HeapWatch();
        heap.start();
        long wallStart = System.nanoTime();
        long scaledStart = time.nanoTime();
        int runs = 0;
        long retried;
        long customerWrites = 0;
        long invoices = 0;
        SyncReport report;
        do {
            report = engine.run(flow);
            runs++;
            retried = report.count(Outcome.RETRY_SCHEDULED);
            customerWrites += report.count(EntityType.CUSTOMER, Outcome.CREATED) + report.count(EntityType.CUSTOMER, Outcome.UPDATED);
            invoices += report.count(EntityType.ORDER, Outcome.CREATED);
        } while (retried > 0 && runs < 20);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double scaled = (time.nanoTime() - scaledStart) / 1e9;
        heap.finish();

        to.println("count");
        String counts = from.readLine();
        long lsRequests = pos.requests().count();
        long bcRequests = erp.requests().count();
        long pages = (sales + 99) / 100;
        long invoiceBatches = (invoices + 99) / 100;
        long customerBatches = (customerWrites + 99) / 100;
        long minimum = pages + invoiceBatches + customerBatches;
        double lsBound = Math.max(0, pages - 60) / 1.0;
        double bcBound = Math.max(0, (invoiceBatches + customerBatches) - 6000) * 300.0 / 6000;
        double bound = Math.max(lsBound, bcBound);
        System.out.printf("sales: %,d%s; runs until every sale arrived: %d; %s%n", sales, faults ? " (faults on)" : "", runs, counts);
        System.out.printf("requests: lightspeed %,d, businesscentral %,d, total %,d; minimum %,d (%,d pages + %,d invoice and %,d"
                + " customer batches for %,d customer writes); ratio %.2f; page of %,d sales%n", lsRequests, bcRequests,
                lsRequests + bcRequests, minimum, pages, invoiceBatches, customerBatches, customerWrites,
                (double) (lsRequests + bcRequests) / minimum, flow.pageSize());
        System.out.printf("time: %.1f s wall (%.0f s at the scaled clock ×%.0f); rate-limit bound %.0f s scaled; ratio %s%n",
                wall, scaled, factor, bound, bound == 0 ? "n/a (the work fits in the bucket)" : String.format("%.2f", scaled / bound));
        System.out.printf("peak heap after GC: %.1f MB%s%n", heap.peak() / 1e6, heap.precise ? " (full GC every 250 ms)" : "");
        System.out.println("last run: " + report.summary());
        report.rejections().stream().limit(5).forEach(r -> System.out.println("  rejected: " + r));
    }

    /**
     * Samples the heap in use after each collection; its maximum is the live set's peak. With
     * {@code POSSYNC_HEAP=precise} it forces a full collection every 250 ms and reads the heap after it
     * — the live set itself, independent of when the collector happens to run (the wall time of such
     * a run is not meaningful).
     */
    private static final class HeapWatch extends Thread {
        private final AtomicLong peak = new AtomicLong();
        private final boolean precise = "precise".equalsIgnoreCase(System.getenv().getOrDefault("POSSYNC_HEAP", ""));
        private volatile boolean running = true;

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
            while (running) {
                long used = 0;
                if (precise) {
                    System.gc();
                    used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                } else {
                    for (MemoryPoolMXBean p : pools) {
                        MemoryUsage after = p.getCollectionUsage();
                        used += after == null ? 0 : after.getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(precise ? 250 : 20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() {
            running = false;
            System.gc();
        }

        long peak() {
            return peak.get();
        }
    }
}

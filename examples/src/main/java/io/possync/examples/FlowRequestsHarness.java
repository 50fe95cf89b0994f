package io.possync.examples;

import io.possync.api.EntityType;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Requests per flow of every pair against its API minimum: runs each pair of the demo (both days, the demo's
 * data) with every flow at pages of 100 and of 1,000, and prints per flow what it fetched and wrote, the requests
 * both systems received, the minimum the two APIs allow for what the run read and wrote, and the ratio.
 *
 * <p>The minimum counts the source's reads at its largest page, and the target's writes at its largest batch
 * ({@link #APIS}): Business Central 100 per {@code $batch}, BuchhaltungsButler 50 receipts per batch plus their
 * postings' batch, one request per record where an API has no batch write. It counts no lookups, token or company
 * requests, so every read a flow must make to find what exists shows above it.
 *
 * <pre>
 * mvn -B -ntp -pl examples -am package -DskipTests -Prequests
 * </pre>
 */
public final class FlowRequestsHarness {

    /**
     * What one API allows at best: records per read request, records per write request, requests per write batch.
     *
     * @param readPage      records one read answers at most
     * @param writeBatch    records one write request carries at most
     * @param callsPerBatch requests one batch of writes takes
     */
    record Api(int readPage, int writeBatch, int callsPerBatch) {
    }

    /** Per system, what its API allows (the connectors' READMEs give the sources). */
    static final Map<String, Api> APIS = Map.of(
            "lightspeed", new Api(100, 1, 1),
            "businesscentral", new Api(20_000, 100, 1),
            "mpluskassa", new Api(1_000, 1, 1),
            "buchhaltungsbutler", new Api(500, 50, 1),
            "winstore", new Api(Integer.MAX_VALUE, 1, 1),
            "accountview", new Api(200, 1, 1));

    /** One flow's measured run. */
    record Row(String pair, int pageSize, String day, String flow, long fetched, long written, long requests, long minimum) {
        double ratio() {
            return requests / (double) minimum;
        }
    }

    private FlowRequestsHarness() {
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int pageSize : new int[]{100, 1000}) {
            rows.addAll(measure("lightspeed-businesscentral", pageSize, dir -> {
                DemoSync.Result r = DemoSync.run(silent(), dir, false);
                return List.of(r.firstDay(), r.secondDay());
            }));
            rows.addAll(measure(ButlerPairDemo.NAME, pageSize, dir -> {
                ButlerPairDemo.Result r = ButlerPairDemo.run(silent(), dir, false);
                return List.of(r.firstDay(), r.secondDay());
            }));
            rows.addAll(measure(TillPairDemo.NAME, pageSize, dir -> {
                TillPairDemo.Result r = TillPairDemo.run(silent(), dir, false);
                return List.of(r.firstDay(), r.secondDay());
            }));
            rows.addAll(measure(StorePairDemo.NAME, pageSize, dir -> {
                StorePairDemo.Result r = StorePairDemo.run(silent(), dir, false);
                return List.of(r.firstDay(), r.secondDay());
            }));
            rows.addAll(measure(LedgerPairDemo.NAME, pageSize, dir -> {
                LedgerPairDemo.Result r = LedgerPairDemo.run(silent(), dir, false);
                return List.of(r.firstDay(), r.secondDay());
            }));
        }
        System.out.println("| pair | page | day | flow | fetched | written | requests | minimum | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d | %d | %d | %d | %s |%n", r.pair(), r.pageSize(), r.day(), r.flow(),
                    r.fetched(), r.written(), r.requests(), r.minimum(), r.ratio() <= 1.2
                            ? String.format(Locale.ROOT, "%.2f", r.ratio()) : String.format(Locale.ROOT, "**%.2f**", r.ratio()));
        }
    }

    private static List<Row> measure(String pair, int pageSize, Function<Path, List<List<SyncReport>>> run) throws IOException {
        Path dir = Files.createTempDirectory("possync-requests");
        DemoRun.Measurement m = new DemoRun.Measurement(pageSize);
        List<List<SyncReport>> days = DemoRun.measured(m, () -> run.apply(dir));
        List<Row> rows = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            for (SyncReport report : days.get(d)) {
                Flow<?> flow = m.flows.get(report.flow());
                long requests = report.requestsBySystem().values().stream().mapToLong(Long::longValue).sum();
                rows.add(new Row(pair, pageSize, String.valueOf(d + 1), report.flow(), report.count(Outcome.FETCHED), written(report),
                        requests, minimum(flow, report)));
            }
        }
        return rows;
    }

    private static long written(SyncReport report) {
        return report.counts().values().stream().mapToLong(o -> o.getOrDefault(Outcome.CREATED, 0L) + o.getOrDefault(Outcome.UPDATED, 0L))
                .sum();
    }

    /** The source's reads at its largest page plus every entity's writes at its target's largest batch. */
    static long minimum(Flow<?> flow, SyncReport report) {
        Api source = api(flow.source().system());
        long reads = Math.max(1, ceil(report.count(Outcome.FETCHED), source.readPage()));
        long writes = 0;
        for (Map.Entry<EntityType, Map<Outcome, Long>> e : report.counts().entrySet()) {
            long n = e.getValue().getOrDefault(Outcome.CREATED, 0L) + e.getValue().getOrDefault(Outcome.UPDATED, 0L);
            String system = e.getKey() == EntityType.CUSTOMER && flow.entityType() != EntityType.CUSTOMER
                    ? flow.customerSink().map(s -> s.system()).orElse(flow.targetSystem()) : flow.targetSystem();
            Api target = api(system);
            int calls = system.equals("buchhaltungsbutler") && e.getKey() == EntityType.ORDER ? 2 : target.callsPerBatch();
            writes += ceil(n, target.writeBatch()) * calls;
        }
        return reads + writes;
    }

    private static Api api(String system) {
        Api api = APIS.get(system);
        if (api == null) {
            throw new IllegalStateException("no API facts for system '" + system + "'");
        }
        return api;
    }

    private static long ceil(long n, int per) {
        return (n + per - 1) / per;
    }

    private static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}

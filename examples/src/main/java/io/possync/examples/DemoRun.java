package io.possync.examples;

import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What every pair of the demo does the same way: its state and activity files, and running its flows in order. */
final class DemoRun {

    /**
     * What {@code FlowRequestsHarness} asks of a pair's run: every flow at its page size, and which flows ran
     * (their source and target systems make the API minimum). Not used by the demo itself.
     */
    static final class Measurement {
        final int pageSize;
        final java.util.Map<String, Flow<?>> flows = new java.util.LinkedHashMap<>();

        Measurement(int pageSize) {
            this.pageSize = pageSize;
        }
    }

    private static volatile Measurement measurement;

    private DemoRun() {
    }

    /** Runs {@code pair} (a pair's {@code run}) with every flow at the measurement's page size, noting the flows. */
    static <T> T measured(Measurement m, java.util.function.Supplier<T> pair) {
        measurement = m;
        try {
            return pair.get();
        } finally {
            measurement = null;
        }
    }

    /** The state file and activity log of a pair: {@code state<suffix>.db} and {@code activity<suffix>.jsonl}. */
    record Files(Path state, Path activity) {
    }

    /** A pair's run: its files, the progress it prints, its activity log and the engine over its SQLite state. */
    record Session(Files files, ProgressListener progress, JsonLinesActivityLog activity, SyncEngine engine) implements AutoCloseable {

        @Override
        public void close() {
            activity.close();
        }
    }

    /** Opens a pair's run: names its files (a fresh state), and builds the engine that reports to the terminal and the log. */
    static Session open(PrintStream out, Path workDir, String suffix, boolean terminal) {
        Files files = files(out, workDir, suffix);
        ProgressListener progress = new ProgressListener(out, terminal);
        JsonLinesActivityLog activity = new JsonLinesActivityLog(files.activity());
        SyncEngine engine = SyncEngine.builder().stateStore(io.possync.core.state.JdbcStateStore.sqlite(files.state()))
                .listener(progress).listener(activity).build();
        return new Session(files, progress, activity, engine);
    }

    /** Names the pair's files under {@code workDir} (a fresh state each time) and prints where they are. */
    static Files files(PrintStream out, Path workDir, String suffix) {
        Path state = workDir.resolve("state" + suffix + ".db");
        DemoSync.deleteQuietly(state);
        Path activity = workDir.resolve("activity" + suffix + ".jsonl");
        out.println("state:        " + state.toAbsolutePath() + " (SQLite)");
        out.println("activity log: " + activity.toAbsolutePath() + " (JSON lines, personal data redacted)");
        return new Files(state, activity);
    }

    /** Runs {@code flows} in order; {@code before} runs once, just before the first flow whose name starts with {@code prefix}. */
    static List<SyncReport> runFlows(SyncEngine engine, List<Flow<?>> flows, ProgressListener progress, String prefix, Runnable before) {
        List<SyncReport> reports = new ArrayList<>();
        boolean done = false;
        Measurement m = measurement;
        for (Flow<?> wired : flows) {
            Flow<?> flow = m == null ? wired : wired.withPageSize(m.pageSize);
            if (m != null) {
                m.flows.put(flow.name(), flow);
            }
            if (!done && flow.name().startsWith(prefix)) {
                before.run();
                done = true;
            }
            progress.start(flow.name());
            reports.add(engine.run(flow));
        }
        return reports;
    }
}

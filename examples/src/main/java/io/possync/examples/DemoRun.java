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

    private DemoRun() {
    }

    /** The state file and activity log of a pair: {@code state<suffix>.db} and {@code activity<suffix>.jsonl}. */
    record Files(Path state, Path activity) {
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
        for (Flow<?> flow : flows) {
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

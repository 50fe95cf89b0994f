package io.possync.examples;

import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;

import java.io.PrintStream;

/**
 * Shows that a run is alive: on a terminal a bar redrawn in place, otherwise a plain line every
 * two seconds (logs and CI output stay readable).
 */
final class ProgressListener implements SyncListener {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean terminal;
    private String flow = "";
    private long records;
    private long started;
    private long lastLine;

    ProgressListener(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void start(String flowName) {
        flow = flowName;
        records = 0;
        started = System.nanoTime();
        lastLine = started;
    }

    @Override
    public synchronized void onEvent(SyncEvent event) {
        records++;
        long now = System.nanoTime();
        if (terminal && records % 10 == 0) {
            int filled = (int) (records / 10 % (WIDTH + 1));
            out.printf("\r  %-22s [%s%s] %,7d records %6.1f s", flow, "=".repeat(filled), " ".repeat(WIDTH - filled), records,
                    (now - started) / 1e9);
            out.flush();
        } else if (!terminal && now - lastLine > 2_000_000_000L) {
            out.printf("  %s: %,d records after %.1f s%n", flow, records, (now - started) / 1e9);
            lastLine = now;
        }
    }

    @Override
    public synchronized void onRunFinished(SyncReport report) {
        if (terminal) {
            out.print("\r" + " ".repeat(80) + "\r");
        }
        out.printf("  %-22s %s in %.1f s%n", report.flow(), report.status(), report.duration().toMillis() / 1000.0);
    }
}

package io.possync.examples;

import io.possync.core.Outcome;
import io.possync.core.Rejection;
import io.possync.core.SyncReport;

import java.io.PrintStream;
import java.util.List;

/** The end-of-run table: per flow what was fetched and what became of it, requests per system, time; then every rejection. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(PrintStream out, String title, List<SyncReport> reports) {
        out.println();
        out.println(title);
        String format = "%-22s %8s %8s %8s %9s %8s %11s %14s %8s%n";
        out.printf(format, "flow", "fetched", "created", "updated", "unchanged", "rejected", "lightspeed", "businesscentral",
                "time");
        out.println("-".repeat(104));
        for (SyncReport r : reports) {
            out.printf(format, r.flow(), r.count(r.entityType(), Outcome.FETCHED), r.count(r.entityType(), Outcome.CREATED),
                    r.count(r.entityType(), Outcome.UPDATED), r.count(r.entityType(), Outcome.UNCHANGED),
                    r.count(r.entityType(), Outcome.REJECTED), r.requestsBySystem().getOrDefault("lightspeed", 0L),
                    r.requestsBySystem().getOrDefault("businesscentral", 0L),
                    String.format("%.1f s", r.duration().toMillis() / 1000.0));
        }
        for (SyncReport r : reports) {
            for (Rejection rejection : r.rejections()) {
                if (!rejection.transientFailure()) {
                    out.printf("  rejected in %s: %s %s%s — %s%n", r.flow(), rejection.entityType().name().toLowerCase(),
                            rejection.source().id(), rejection.fieldPath().map(f -> " (" + f + ")").orElse(""), rejection.reason());
                }
            }
        }
    }
}

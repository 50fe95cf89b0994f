package io.possync.examples;

import io.possync.core.Outcome;
import io.possync.core.Rejection;
import io.possync.core.SyncReport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end-of-run table: per flow what was fetched and what became of it, requests per system, time; then every rejection. */
final class SummaryTable {

    private SummaryTable() {
    }

    /** The Lightspeed ⇄ Business Central demo's table. */
    static void print(PrintStream out, String title, List<SyncReport> reports) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("lightspeed", 11);
        columns.put("businesscentral", 14);
        print(out, title, reports, columns);
    }

    /** A table with a requests column for each of {@code systems}, in that order. */
    static void print(PrintStream out, String title, List<SyncReport> reports, List<String> systems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        systems.forEach(s -> columns.put(s, Math.max(9, s.length() + 1)));
        print(out, title, reports, columns);
    }

    private static void print(PrintStream out, String title, List<SyncReport> reports, Map<String, Integer> systemWidths) {
        out.println();
        out.println(title);
        StringBuilder format = new StringBuilder("%-22s %8s %8s %8s %9s %8s");
        int width = 22 + 5 * 9 + 1;
        for (int w : systemWidths.values()) {
            format.append(" %").append(w).append('s');
            width += w + 1;
        }
        format.append(" %8s%n");
        width += 9;
        List<Object> header = new ArrayList<>(List.of("flow", "fetched", "created", "updated", "unchanged", "rejected"));
        header.addAll(systemWidths.keySet());
        header.add("time");
        out.printf(format.toString(), header.toArray());
        out.println("-".repeat(width));
        for (SyncReport r : reports) {
            List<Object> row = new ArrayList<>(List.of(r.flow(), r.count(r.entityType(), Outcome.FETCHED),
                    r.count(r.entityType(), Outcome.CREATED), r.count(r.entityType(), Outcome.UPDATED),
                    r.count(r.entityType(), Outcome.UNCHANGED), r.count(r.entityType(), Outcome.REJECTED)));
            systemWidths.keySet().forEach(s -> row.add(r.requestsBySystem().getOrDefault(s, 0L)));
            row.add(String.format("%.1f s", r.duration().toMillis() / 1000.0));
            out.printf(format.toString(), row.toArray());
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

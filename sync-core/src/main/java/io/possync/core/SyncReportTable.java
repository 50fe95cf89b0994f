package io.possync.core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs' reports as a table for people: per flow what was fetched and what became of it, the requests sent
 * to each system, the time; then every rejection that waits for a person (a transient one retries by itself).
 * Immutable; {@link #withWidth} returns a copy.
 *
 * <pre>{@code
 * SyncReportTable.of("lightspeed", "businesscentral").print(System.out, "nightly sync", engine.runAll());
 * }</pre>
 * prints
 * <pre>
 * nightly sync
 * flow                    fetched  created  updated unchanged rejected lightspeed businesscentral     time
 * ---------------------------------------------------------------------------------------------------------
 * products                     20       20        0         0        0         10              9    0.4 s
 *   rejected in sales: order 1042 (lines[0].sku) — product 'X' does not exist
 * </pre>
 */
public final class SyncReportTable {

    private final Map<String, Integer> systemWidths;

    private SyncReportTable(Map<String, Integer> systemWidths) {
        this.systemWidths = systemWidths;
    }

    /** A table with a requests column for each of {@code systems}, in that order, each as wide as its name. */
    public static SyncReportTable of(List<String> systems) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String s : systems) {
            Objects.requireNonNull(s, "system");
            widths.put(s, Math.max(9, s.length() + 1));
        }
        return new SyncReportTable(widths);
    }

    /** A table with a requests column for each of {@code systems}, in that order. */
    public static SyncReportTable of(String... systems) {
        return of(List.of(systems));
    }

    /** This table with the requests column of {@code system} {@code width} characters wide. */
    public SyncReportTable withWidth(String system, int width) {
        if (!systemWidths.containsKey(system)) {
            throw new IllegalArgumentException("the table has no column '" + system + "'; it has " + systemWidths.keySet());
        }
        if (width < 1) {
            throw new IllegalArgumentException("a column is at least 1 character wide, not " + width);
        }
        Map<String, Integer> widths = new LinkedHashMap<>(systemWidths);
        widths.put(system, width);
        return new SyncReportTable(widths);
    }

    /** Writes the table for {@code reports} under {@code title}, after a blank line. */
    public void print(PrintStream out, String title, List<SyncReport> reports) {
        out.print(render(title, reports));
    }

    /** The table for {@code reports} under {@code title}, after a blank line, as {@link #print} writes it. */
    public String render(String title, List<SyncReport> reports) {
        StringBuilder out = new StringBuilder(System.lineSeparator()).append(title).append(System.lineSeparator());
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
        out.append(String.format(Locale.ROOT, format.toString(), header.toArray()));
        out.append("-".repeat(width)).append(System.lineSeparator());
        for (SyncReport r : reports) {
            List<Object> row = new ArrayList<>(List.of(r.flow(), r.count(Outcome.FETCHED), r.count(Outcome.CREATED),
                    r.count(Outcome.UPDATED), r.count(Outcome.UNCHANGED), r.count(Outcome.REJECTED)));
            systemWidths.keySet().forEach(s -> row.add(r.requestsBySystem().getOrDefault(s, 0L)));
            row.add(String.format(Locale.ROOT, "%.1f s", r.duration().toMillis() / 1000.0));
            out.append(String.format(Locale.ROOT, format.toString(), row.toArray()));
        }
        for (SyncReport r : reports) {
            for (Rejection rejection : r.rejections()) {
                if (!rejection.transientFailure()) {
                    out.append(String.format(Locale.ROOT, "  rejected in %s: %s %s%s — %s%n", r.flow(),
                            rejection.entityType().name().toLowerCase(Locale.ROOT), rejection.source().id(),
                            rejection.fieldPath().map(f -> " (" + f + ")").orElse(""), rejection.reason()));
                }
            }
        }
        return out.toString();
    }
}

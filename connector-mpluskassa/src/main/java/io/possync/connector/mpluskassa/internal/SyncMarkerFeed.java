package io.possync.connector.mpluskassa.internal;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Incremental reads by sync marker (FACTS.md §9): each read sends the marker to continue after and
 * {@code syncMarkerLimit}; the next marker comes from the last record. Whether the server's bound is
 * {@code >} or {@code >=} is UNCONFIRMED, and several records may share a marker, so a full page
 * continues from just below its last marker and the records already delivered at that marker (kept in
 * the cursor) are dropped: equal markers never skip a record. A full page whose records all share one
 * marker is read again with a larger limit.
 *
 * @param <T> the record type
 */
public final class SyncMarkerFeed<T extends CanonicalRecord> {

    /** One record read, with its sync marker. */
    public record Marked<T>(long marker, String id, T record) {
    }

    private final BiFunction<Long, Integer, List<Marked<T>>> read;

    /** A feed over {@code read(afterMarker, limit)}, records in marker order. */
    public SyncMarkerFeed(BiFunction<Long, Integer, List<Marked<T>>> read) {
        this.read = read;
    }

    /** Up to about {@code limit} records after {@code cursor}. */
    public Page<T> read(Cursor cursor, int limit) {
        long after = 0;
        Set<String> delivered = new LinkedHashSet<>();
        if (!cursor.isInitial()) {
            String[] parts = cursor.value().split("\\|", 2);
            after = Long.parseLong(parts[0]);
            if (parts.length > 1 && !parts[1].isEmpty()) {
                delivered.addAll(List.of(parts[1].split(",")));
            }
        }
        int size = limit;
        List<Marked<T>> rows = read.apply(after, size);
        for (int widen = 0; widen < 10 && rows.size() >= size && !rows.isEmpty()
                && rows.get(0).marker() == rows.get(rows.size() - 1).marker(); widen++) {
            size *= 2;
            rows = read.apply(after, size);
        }
        List<T> records = new ArrayList<>();
        long max = after;
        for (Marked<T> m : rows) {
            boolean seen = delivered.contains(m.id()) && m.marker() == after + 1;
            if (!seen) {
                records.add(m.record());
            }
            max = Math.max(max, m.marker());
        }
        boolean full = rows.size() >= size;
        if (!full) {
            return new Page<>(records, Cursor.of(String.valueOf(max)), false);
        }
        long last = rows.get(rows.size() - 1).marker();
        StringBuilder atLast = new StringBuilder();
        for (Marked<T> m : rows) {
            if (m.marker() == last) {
                atLast.append(atLast.length() == 0 ? "" : ",").append(m.id());
            }
        }
        return new Page<>(records, Cursor.of((last - 1) + "|" + atLast), true);
    }
}

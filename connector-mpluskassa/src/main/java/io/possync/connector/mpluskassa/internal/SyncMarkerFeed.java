package io.possync.connector.mpluskassa.internal;

import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Unreadable;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

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

    /**
     * One record read, with its sync marker and id, converted when the feed delivers it ({@code convert}
     * may find it is not for this feed — empty — or that it cannot be read: it throws).
     */
    public record Marked<T>(long marker, String id, Supplier<Optional<T>> convert) {

        /** A record that always converts to one canonical record (or fails). */
        public static <T> Marked<T> of(long marker, String id, Supplier<T> convert) {
            return new Marked<>(marker, id, () -> Optional.of(convert.get()));
        }
    }

    private final EntityType type;
    private final BiFunction<Long, Integer, List<Marked<T>>> read;

    /** A feed of {@code type} records over {@code read(afterMarker, limit)}, records in marker order. */
    public SyncMarkerFeed(EntityType type, BiFunction<Long, Integer, List<Marked<T>>> read) {
        this.type = type;
        this.read = read;
    }

    /** A record's sync marker; one that is no number counts as 0 (the record itself then says what is wrong). */
    public static long marker(Element record) {
        try {
            return Xml.longValue(record, "syncMarker").orElse(0L);
        } catch (RuntimeException e) {
            return 0L;
        }
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
        List<RecordRejectedException> unreadable = new ArrayList<>();
        long max = after;
        int position = 0;
        for (Marked<T> m : rows) {
            position++;
            boolean seen = delivered.contains(m.id()) && m.marker() == after + 1;
            if (!seen) {
                try {
                    m.convert().get().ifPresent(records::add);
                } catch (RuntimeException e) {
                    // One record in a shape we cannot read; the rest of the page goes on.
                    unreadable.add(Unreadable.record(new Ref(MplusKassa.SYSTEM, type,
                            m.id().isBlank() ? "(no id, row " + position + ")" : m.id()), e));
                }
            }
            max = Math.max(max, m.marker());
        }
        boolean full = rows.size() >= size;
        if (!full) {
            return new Page<>(records, unreadable, Cursor.of(String.valueOf(max)), false);
        }
        long last = rows.get(rows.size() - 1).marker();
        StringBuilder atLast = new StringBuilder();
        for (Marked<T> m : rows) {
            if (m.marker() == last) {
                atLast.append(atLast.length() == 0 ? "" : ",").append(m.id());
            }
        }
        return new Page<>(records, unreadable, Cursor.of((last - 1) + "|" + atLast), true);
    }
}

package io.possync.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of changes from a {@link Source}, oldest first, and the cursor after it. A record the
 * connector could not convert (a number that is not one, a date it cannot read, no id, a value of the
 * wrong type, an unknown code) is not in {@code records} but in {@code unreadable}, as the rejection
 * naming the source record and field: the engine puts it in the retry queue and moves on, so one bad
 * record never blocks the page. A page the connector cannot read at all is an exception instead.
 *
 * <pre>{@code
 * Page<Customer> page = source.changesSince(cursor, 100);
 * page.records().forEach(this::sync);
 * page.unreadable().forEach(e -> retryLater(e.record().orElseThrow(), e.getMessage()));
 * if (page.hasMore()) { ... source.changesSince(page.next(), 100) ... }
 * }</pre>
 *
 * @param records    the changed records, ordered by modified instant then id
 * @param unreadable the changed records that could not be converted, each naming its record (and field)
 * @param next       the cursor to pass for the following page (or the next run)
 * @param hasMore    whether more changes follow right now
 * @param <T>        the record type
 */
public record Page<T extends CanonicalRecord>(List<T> records, List<RecordRejectedException> unreadable, Cursor next,
                                              boolean hasMore) {

    /** Copies the lists; rejects a null cursor and an unreadable record without its ref. */
    public Page {
        records = List.copyOf(records);
        unreadable = List.copyOf(unreadable);
        unreadable.forEach(e -> {
            if (e.record().isEmpty()) {
                throw new IllegalArgumentException("an unreadable record must name its source record: " + e.getMessage());
            }
        });
        Objects.requireNonNull(next, "next");
    }

    /** A page whose records were all read. */
    public Page(List<T> records, Cursor next, boolean hasMore) {
        this(records, List.of(), next, hasMore);
    }

    /** The page after which nothing follows. */
    public static <T extends CanonicalRecord> Page<T> last(List<T> records, Cursor next) {
        return new Page<>(records, next, false);
    }
}

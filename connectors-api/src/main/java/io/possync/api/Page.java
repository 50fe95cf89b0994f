package io.possync.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of changes from a {@link Source}, oldest first, and the cursor after it.
 *
 * <pre>{@code
 * Page<Customer> page = source.changesSince(cursor, 100);
 * page.records().forEach(this::sync);
 * if (page.hasMore()) { ... source.changesSince(page.next(), 100) ... }
 * }</pre>
 *
 * @param records the changed records, ordered by modified instant then id
 * @param next    the cursor to pass for the following page (or the next run)
 * @param hasMore whether more changes follow right now
 * @param <T>     the record type
 */
public record Page<T extends CanonicalRecord>(List<T> records, Cursor next, boolean hasMore) {

    /** Copies the records; rejects a null cursor. */
    public Page {
        records = List.copyOf(records);
        Objects.requireNonNull(next, "next");
    }

    /** The page after which nothing follows. */
    public static <T extends CanonicalRecord> Page<T> last(List<T> records, Cursor next) {
        return new Page<>(records, next, false);
    }
}

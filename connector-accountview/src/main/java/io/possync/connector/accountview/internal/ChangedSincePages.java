package io.possync.connector.accountview.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;

import java.time.Instant;
import java.util.List;

/**
 * The position of a changed-since read of one business object (PROPOSAL P-4, P-12): rows with
 * {@code CNG_DATE} on or after the last change seen minus the settings' overlap, sorted by their key,
 * read page by page ({@code PageNumber}); a page shorter than the page size is the last. The first read
 * has no filter (everything). Rows read again in the overlap are dropped by the engine as unchanged.
 * As a cursor: {@code since|latest|page}.
 *
 * @param since  the latest change seen when this read began (the filter, before the overlap)
 * @param latest the latest change seen so far in this read
 * @param page   the page to read next, 1-based
 */
public record ChangedSincePages(Instant since, Instant latest, int page) {

    /** The position {@code cursor} holds; the initial cursor reads everything from page 1. */
    public static ChangedSincePages of(Cursor cursor) {
        if (cursor.isInitial()) {
            return new ChangedSincePages(Instant.EPOCH, Instant.EPOCH, 1);
        }
        String[] p = cursor.value().split("\\|");
        return new ChangedSincePages(Instant.parse(p[0]), Instant.parse(p[1]), Integer.parseInt(p[2]));
    }

    /** Whether this read filters on the change date (every read but the first). */
    public boolean filtered() {
        return !since.equals(Instant.EPOCH);
    }

    /**
     * The read of this position's page of {@code businessObject}, sorted by {@code sortKey}: {@code size} rows, and
     * from the second read on only rows with {@code CNG_DATE} on or after the last change seen minus {@code overlap}.
     */
    public DataQuery query(String businessObject, String sortKey, int size, java.time.Duration overlap) {
        DataQuery query = DataQuery.of(businessObject).page(page, size, sortKey);
        if (filtered()) {
            query.onOrAfter("CNG_DATE", since.minus(overlap), io.possync.connector.accountview.AccountView.ZONE);
        }
        return query;
    }

    /** The position after reading {@code rows} of a page of {@code pageSize}; {@code full}: a page follows. */
    public ChangedSincePages after(List<ObjectNode> rows, boolean full) {
        Instant max = latest;
        for (ObjectNode r : rows) {
            try {
                Instant at = AccountViewConverters.changed(r);
                max = at.isAfter(max) ? at : max;
            } catch (RuntimeException unreadable) {
                // the row itself is reported unreadable
            }
        }
        return full ? new ChangedSincePages(since, max, page + 1) : new ChangedSincePages(max, max, 1);
    }

    public Cursor cursor() {
        return Cursor.of(since + "|" + latest + "|" + page);
    }
}

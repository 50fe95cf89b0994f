package io.possync.connector.lightspeed.xseries.internal;

import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Unreadable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The API 2.0 change feed of one resource: {@code ?after=<version>&page_size=N}, the answer's
 * {@code version.max} as the next {@code after}. Versions are global and only grow, so the cursor
 * is exact: nothing is read twice and nothing is skipped. A page shorter than asked for is the end
 * of the feed for now.
 */
public final class VersionFeed<T extends CanonicalRecord> {

    private final XSeriesSession session;
    private final String resource;
    private final EntityType type;
    private final Function<JsonNode, List<T>> convert;

    public VersionFeed(XSeriesSession session, String resource, EntityType type, Function<JsonNode, List<T>> convert) {
        this.session = session;
        this.resource = resource;
        this.type = type;
        this.convert = convert;
    }

    /** The changes after {@code cursor} (a version, or initial for all). */
    public Page<T> read(Cursor cursor, int limit) {
        long after = cursor.isInitial() ? 0 : Long.parseLong(cursor.value());
        int size = Math.max(1, Math.min(limit, session.settings().connection().pageSize()));
        JsonNode answer = session.page(resource, after, size);
        List<T> records = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        JsonNode data = answer.path("data");
        int position = 0;
        for (JsonNode row : data) {
            position++;
            try {
                records.addAll(convert.apply(row));
            } catch (RuntimeException e) {
                // One record in a shape we cannot read; the rest of the page goes on.
                String id = row.path("id").isValueNode() ? row.path("id").asText("").trim() : "";
                unreadable.add(Unreadable.record(new Ref(LightspeedXSeries.SYSTEM, type,
                        id.isEmpty() ? "(no id, row " + position + ")" : id), e));
            }
        }
        long max = answer.path("version").path("max").asLong(after);
        for (JsonNode row : data) {
            max = Math.max(max, row.path("version").asLong(after));
        }
        return new Page<>(records, unreadable, Cursor.of(String.valueOf(max)), data.size() >= size);
    }
}

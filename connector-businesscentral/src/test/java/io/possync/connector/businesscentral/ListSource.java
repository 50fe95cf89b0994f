package io.possync.connector.businesscentral;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A source over a fixed list, oldest first; the cursor is a position. */
final class ListSource<T extends CanonicalRecord> implements Source<T> {

    private final List<T> records;

    ListSource(List<T> records) {
        this.records = new ArrayList<>(records);
    }

    @Override
    public String system() {
        return "pos";
    }

    @Override
    public Page<T> changesSince(Cursor cursor, int limit) {
        int from = cursor.isInitial() ? 0 : Integer.parseInt(cursor.value());
        int to = Math.min(records.size(), from + limit);
        return new Page<>(records.subList(from, to), Cursor.of(String.valueOf(to)), to < records.size());
    }

    @Override
    public Optional<T> fetch(String id) {
        return records.stream().filter(r -> r.sourceRef().id().equals(id)).findFirst();
    }
}

package io.possync.testkit.shop;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Source} over a fixed list of records, oldest first; its cursor is a position in the list.
 * For tests, demos and benchmarks that need a source without a vendor behind it.
 *
 * <pre>{@code
 * Source<Order> sales = new ListSource<>("pos", SyntheticShop.builder().orders(100).build().orders());
 * }</pre>
 *
 * @param <T> the record type
 */
public final class ListSource<T extends CanonicalRecord> implements Source<T> {

    private final String system;
    private final List<T> records;

    /** A source named {@code system} over {@code records}. */
    public ListSource(String system, List<T> records) {
        this.system = Objects.requireNonNull(system, "system");
        this.records = List.copyOf(records);
    }

    @Override
    public String system() {
        return system;
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

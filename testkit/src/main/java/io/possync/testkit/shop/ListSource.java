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
 * For tests, demos and benchmarks that need a source without a vendor behind it. A change feed is
 * modelled by a longer list: a record changed later stands again further down, and {@link #fetch}
 * gives its latest version.
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
        int from;
        try {
            from = cursor.isInitial() ? 0 : Math.min(records.size(), Integer.parseInt(cursor.value()));
        } catch (NumberFormatException e) {
            throw new io.possync.api.ConfigurationException(system + ".cursor", "a list source's cursor is a position in its list, was '"
                    + cursor.value() + "'");
        }
        int to = Math.min(records.size(), from + limit);
        return new Page<>(records.subList(from, to), Cursor.of(String.valueOf(to)), to < records.size());
    }

    @Override
    public Optional<T> fetch(String id) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).sourceRef().id().equals(id)) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }
}

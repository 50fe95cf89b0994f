package io.possync.api;

import java.util.Objects;

/**
 * Where a {@link Source} stopped reading: opaque to the engine, meaningful only to the source
 * that made it (a timestamp plus id, a version number, a sync marker).
 *
 * <pre>{@code
 * Page<Order> first = source.changesSince(Cursor.initial(), 100);
 * Page<Order> second = source.changesSince(first.next(), 100);
 * }</pre>
 *
 * @param value the source's own encoding; empty for {@link #initial()}
 */
public record Cursor(String value) {

    private static final Cursor INITIAL = new Cursor("");

    /** Checks the value is not null. */
    public Cursor {
        Objects.requireNonNull(value, "value");
    }

    /** The cursor before the first change: read everything. */
    public static Cursor initial() {
        return INITIAL;
    }

    /** A cursor holding {@code value}. */
    public static Cursor of(String value) {
        return new Cursor(value);
    }

    /** Whether this is {@link #initial()}. */
    public boolean isInitial() {
        return value.isEmpty();
    }
}

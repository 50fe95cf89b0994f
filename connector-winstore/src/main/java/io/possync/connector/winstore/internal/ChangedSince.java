package io.possync.connector.winstore.internal;

import io.possync.api.Cursor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import io.possync.api.RecordRejectedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The position of a changed-since read (PROPOSAL, README "UNCONFIRMED"): Winstore's only cursor is
 * the {@code date} parameter, read as "changed at or after" and answered in order of change. The
 * position keeps the latest change seen and the records seen at that instant, so the next read starts
 * at that instant (nothing changed in the same second is skipped) and drops what it delivered already.
 * A record is named by its key and a fingerprint of its values ({@link WireRecord#version}), so one
 * changed again within the second of its last change is delivered again. As a cursor:
 * {@code since|version@instant,version@instant}.
 *
 * @param since the latest change seen
 * @param seen  {@code key@instant} of the records delivered at {@code since}
 */
public record ChangedSince(Instant since, Set<String> seen) {

    /** Where a first read of stock starts: before any record. */
    public static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    public ChangedSince {
        seen = Set.copyOf(seen);
    }

    /** The position {@code cursor} holds ({@code since|seen}); {@code initial} for the initial cursor. */
    public static ChangedSince of(Cursor cursor, Instant initial) {
        if (cursor.isInitial()) {
            return new ChangedSince(initial, Set.of());
        }
        String[] parts = cursor.value().split("\\|", 2);
        Set<String> seen = parts.length < 2 || parts[1].isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(parts[1].split(",")));
        return new ChangedSince(Instant.parse(parts[0]), seen);
    }

    /** The {@code date} parameter: ATOM in {@code zone}, whole seconds, never after {@link #since}. */
    public String date(ZoneId zone) {
        return ATOM.format(since.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** Whether the record {@code key} changed at {@code at} was delivered already. */
    public boolean delivered(String key, Instant at) {
        return at.isBefore(since) || seen.contains(key + "@" + at);
    }

    /** The position after delivering {@code key} changed at {@code at}. */
    public ChangedSince after(String key, Instant at) {
        if (at.isBefore(since)) {
            return this;
        }
        Set<String> next = at.equals(since) ? new LinkedHashSet<>(seen) : new LinkedHashSet<>();
        next.add(key + "@" + at);
        return new ChangedSince(at, next);
    }

    /** What a read brought that was not delivered yet, in order of change, and the position after delivering it. */
    public record Taken(List<WireRecord> fresh, ChangedSince next) {
    }

    /**
     * The records of {@code rows} not delivered yet, sorted by their {@code modifiedField} and then
     * {@code key}, and the position after them. A record whose time stamp cannot be read is taken and
     * moves the position nowhere (its conversion says what is wrong with it).
     */
    public Taken take(List<WireRecord> rows, String modifiedField, Function<WireRecord, String> key) {
        List<WireRecord> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((WireRecord r) -> modified(r, modifiedField).orElse(Instant.EPOCH)).thenComparing(key));
        List<WireRecord> fresh = new ArrayList<>();
        ChangedSince position = this;
        for (WireRecord r : sorted) {
            Optional<Instant> at = modified(r, modifiedField);
            String version = r.version(key.apply(r));
            if (at.isPresent() && position.delivered(version, at.get())) {
                continue;
            }
            fresh.add(r);
            if (at.isPresent()) {
                position = position.after(version, at.get());
            }
        }
        return new Taken(fresh, position);
    }

    /** The record's time stamp in {@code field}, if it has one that can be read. */
    public static Optional<Instant> modified(WireRecord r, String field) {
        try {
            return WinstoreConverters.instant(r, field);
        } catch (RecordRejectedException unreadable) {
            return Optional.empty();
        }
    }

    /** This position as a cursor. */
    public Cursor cursor() {
        return Cursor.of(since + "|" + String.join(",", seen));
    }
}

package io.possync.core.activity;

import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.state.internal.ConnectionSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The activity log in the state store's database: a {@link SyncListener} that keeps each record's
 * outcome (already redacted: pseudonyms, no payloads, no secrets) and each failed run, with the
 * queries a dashboard needs and a retention purge. Events are buffered and written in batches at
 * the end of each run (or when 500 are waiting).
 *
 * <pre>{@code
 * JdbcStateStore store = JdbcStateStore.sqlite(Path.of("possync.db"));
 * JdbcActivityStore activity = store.activityStore();
 * SyncEngine engine = SyncEngine.builder().stateStore(store).listener(activity).build();
 * ...
 * activity.purgeOlderThan(Duration.ofDays(30), Instant.now());   // retention, e.g. nightly
 * activity.countsPerDay("orders", LocalDate.now().minusDays(7));
 * }</pre>
 *
 * <p>Thread-safe. By default every outcome but {@link Outcome#FETCHED} and {@link Outcome#RETRIED}
 * is kept (those two precede each record's final outcome and would double the log).
 */
public final class JdbcActivityStore implements SyncListener {

    private static final int FLUSH_AT = 500;

    /** One day's count of one outcome in one flow. */
    public record DailyCount(LocalDate day, Outcome outcome, long count) {
    }

    /** A failed run as stored. */
    public record StoredFailure(String flow, FlowFailure.Kind kind, String message, Instant at) {
    }

    private final ConnectionSource db;
    private final Set<Outcome> recorded;
    private final List<SyncEvent> buffer = new ArrayList<>();

    /** Use {@code JdbcStateStore.activityStore()}. */
    public JdbcActivityStore(ConnectionSource db) {
        this(db, EnumSet.complementOf(EnumSet.of(Outcome.FETCHED, Outcome.RETRIED)));
    }

    private JdbcActivityStore(ConnectionSource db, Set<Outcome> recorded) {
        this.db = db;
        this.recorded = Set.copyOf(recorded);
    }

    /** A store that keeps only {@code outcomes}. */
    public JdbcActivityStore recording(Set<Outcome> outcomes) {
        return new JdbcActivityStore(db, EnumSet.copyOf(outcomes));
    }

    @Override
    public void onEvent(SyncEvent event) {
        if (!recorded.contains(event.outcome())) {
            return;
        }
        boolean full;
        synchronized (buffer) {
            buffer.add(event);
            full = buffer.size() >= FLUSH_AT;
        }
        if (full) {
            flush();
        }
    }

    @Override
    public void onFailure(FlowFailure failure) {
        flush();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO possync_failure (flow, kind, message, at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, failure.flow());
                ps.setString(2, failure.kind().name());
                ps.setString(3, failure.message());
                ps.setLong(4, failure.at().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void onRunFinished(SyncReport report) {
        flush();
    }

    /** Writes buffered events now. */
    public void flush() {
        List<SyncEvent> batch;
        synchronized (buffer) {
            if (buffer.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(buffer);
            buffer.clear();
        }
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO possync_activity (flow, entity_type, outcome,"
                    + " source_ref, target_ref, subject, field_path, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SyncEvent e : batch) {
                    ps.setString(1, e.flow());
                    ps.setString(2, e.entityType().name());
                    ps.setString(3, e.outcome().name());
                    ps.setString(4, e.source().toString());
                    ps.setString(5, e.target().map(Ref::toString).orElse(null));
                    ps.setString(6, e.subject());
                    ps.setString(7, e.fieldPath().orElse(null));
                    ps.setString(8, e.reason().orElse(null));
                    ps.setLong(9, e.at().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Deletes events and failures older than {@code age} before {@code now}; returns how many rows went. */
    public long purgeOlderThan(Duration age, Instant now) {
        Objects.requireNonNull(age, "age");
        flush();
        long cutoff = now.minus(age).toEpochMilli();
        return db.transaction(c -> {
            long removed = 0;
            for (String table : List.of("possync_activity", "possync_failure")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE at < ?")) {
                    ps.setLong(1, cutoff);
                    removed += ps.executeUpdate();
                }
            }
            return removed;
        });
    }

    /** The flow's most recent failed runs, newest first. */
    public List<StoredFailure> latestFailures(String flow, int limit) {
        flush();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT flow, kind, message, at FROM possync_failure"
                    + " WHERE flow = ? ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setString(1, flow);
                ps.setInt(2, limit);
                List<StoredFailure> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredFailure(rs.getString(1), FlowFailure.Kind.valueOf(rs.getString(2)), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    /** The flow's most recent rejected or retry-scheduled records, newest first. */
    public List<SyncEvent> latestRejections(String flow, int limit) {
        flush();
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT flow, entity_type, outcome, source_ref, target_ref,"
                    + " subject, field_path, reason, at FROM possync_activity WHERE flow = ? AND outcome IN (?, ?)"
                    + " ORDER BY at DESC, id DESC LIMIT ?")) {
                ps.setString(1, flow);
                ps.setString(2, Outcome.REJECTED.name());
                ps.setString(3, Outcome.RETRY_SCHEDULED.name());
                ps.setInt(4, limit);
                return readEvents(ps);
            }
        });
    }

    /** Counts per day (UTC) and outcome for {@code flow} from {@code since} on, oldest day first. */
    public List<DailyCount> countsPerDay(String flow, LocalDate since) {
        flush();
        long from = since.toEpochDay() * 86_400_000L;
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at / 86400000 AS day, outcome, COUNT(*)"
                    + " FROM possync_activity WHERE flow = ? AND at >= ? GROUP BY at / 86400000, outcome"
                    + " ORDER BY day, outcome")) {
                ps.setString(1, flow);
                ps.setLong(2, from);
                List<DailyCount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DailyCount(LocalDate.ofEpochDay(rs.getLong(1)), Outcome.valueOf(rs.getString(2)), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    private static List<SyncEvent> readEvents(PreparedStatement ps) throws SQLException {
        List<SyncEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SyncEvent(rs.getString(1), EntityType.valueOf(rs.getString(2)), Outcome.valueOf(rs.getString(3)),
                        parseRef(rs.getString(4)), Optional.ofNullable(rs.getString(5)).map(JdbcActivityStore::parseRef),
                        rs.getString(6), Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                        Instant.ofEpochMilli(rs.getLong(9))));
            }
        }
        return out;
    }

    private static Ref parseRef(String s) {
        String[] parts = s.split(":", 3);
        return new Ref(parts[0], EntityType.valueOf(parts[1]), parts[2]);
    }
}

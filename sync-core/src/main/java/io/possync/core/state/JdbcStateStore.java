package io.possync.core.state;

import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.LeaseLostException;
import io.possync.api.Ref;
import io.possync.api.StateStoreException;
import io.possync.api.http.Secret;
import io.possync.core.activity.JdbcActivityStore;
import io.possync.core.state.internal.ConnectionSource;
import io.possync.core.state.internal.LeaseRows;
import io.possync.core.state.internal.LinkRows;
import io.possync.core.state.internal.RefTuples;
import io.possync.core.state.internal.Schema;
import io.possync.core.state.internal.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A {@link StateStore} over plain JDBC: SQLite for one process (the embedded default: one file,
 * no server) or PostgreSQL shared by several processes. It creates and migrates its own versioned
 * schema on start and refuses a schema newer than it understands.
 *
 * <pre>{@code
 * StateStore embedded = JdbcStateStore.sqlite(Path.of("possync-state.db"));
 * StateStore shared = JdbcStateStore.postgres("jdbc:postgresql://db:5432/possync", "possync", Secret.of(password));
 * StateStore pooled = JdbcStateStore.postgres(hikariDataSource, "orders-db");
 * }</pre>
 *
 * <p>Needs the driver on the class path: {@code org.xerial:sqlite-jdbc} or {@code org.postgresql:postgresql}.
 * Every {@link #commit} is one transaction with batched statements, checked against the lease
 * (a process that lost its lease commits nothing). SQLite runs in WAL mode with a busy timeout;
 * its writes are serialised, and it is safe against a killed process. Thread-safe.
 */
public final class JdbcStateStore implements StateStore {


    private final ConnectionSource db;
    private final SqlDialect dialect;
    private final LeaseRows leases;
    private final LinkRows linkRows;

    private JdbcStateStore(ConnectionSource db, SqlDialect dialect) {
        this.db = db;
        this.dialect = dialect;
        this.leases = new LeaseRows(db, dialect);
        this.linkRows = new LinkRows(db);
        try {
            Schema.migrate(db, dialect);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The embedded store in the SQLite file {@code file}, created with its directory if missing.
     *
     * @throws StateStoreException    naming the path when it cannot be created, written or read as a database
     * @throws ConfigurationException when the SQLite driver is not on the class path
     */
    public static JdbcStateStore sqlite(Path file) {
        Objects.requireNonNull(file, "file");
        Path path = file.toAbsolutePath();
        requireDriver("org.sqlite.JDBC", "org.xerial:sqlite-jdbc");
        Path dir = path.getParent();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StateStoreException("cannot create the directory of the SQLite state file " + path + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new StateStoreException("cannot write the SQLite state file " + path + ": directory " + dir
                    + " is not writable", null);
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new StateStoreException("cannot write the SQLite state file " + path + ": the file is read-only", null);
        }
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("synchronous", "NORMAL");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("transaction_mode", "IMMEDIATE");
        String url = "jdbc:sqlite:" + path;
        ConnectionSource db = new ConnectionSource.Shared(path.toString(), () -> DriverManager.getConnection(url, props));
        return new JdbcStateStore(db, SqlDialect.SQLITE);
    }

    /**
     * A store in the PostgreSQL database at {@code jdbcUrl}, over one connection that is reopened
     * after a failure. Pass a pooled data source instead for many concurrent flows.
     *
     * @throws StateStoreException    naming the URL when the database cannot be reached or migrated
     * @throws ConfigurationException when the PostgreSQL driver is not on the class path
     */
    public static JdbcStateStore postgres(String jdbcUrl, String user, Secret password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("stateStore.url", "expected a jdbc:postgresql: URL, got " + describeUrl(jdbcUrl));
        }
        requireDriver("org.postgresql.Driver", "org.postgresql:postgresql");
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password.reveal());
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "possync");
        ConnectionSource db = new ConnectionSource.Shared(describeUrl(jdbcUrl), () -> DriverManager.getConnection(jdbcUrl, props));
        return new JdbcStateStore(db, SqlDialect.POSTGRESQL);
    }

    /** A store in PostgreSQL through the host's data source (a pool); {@code description} names it in errors. */
    public static JdbcStateStore postgres(DataSource dataSource, String description) {
        return new JdbcStateStore(new ConnectionSource.Pooled(Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(dataSource, "dataSource")), SqlDialect.POSTGRESQL);
    }

    /** An activity log in the same database, sharing this store's connections. */
    public JdbcActivityStore activityStore() {
        return new JdbcActivityStore(db);
    }

    private static void requireDriver(String className, String artifact) {
        try {
            Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException("stateStore", "the JDBC driver " + className + " is not on the class path;"
                    + " add the dependency " + artifact);
        }
    }

    private static String describeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Cursor> cursor(String flow) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cursor_value FROM possync_cursor WHERE flow = ?")) {
                ps.setString(1, flow);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Cursor.of(rs.getString(1))) : Optional.<Cursor>empty();
                }
            }
        });
    }

    @Override
    public Map<Ref, Link> links(Collection<Ref> sources, String targetSystem) {
        return linkRows.bySources(sources, targetSystem);
    }

    @Override
    public Optional<Link> linkByTarget(Ref target) {
        return linkRows.byTargets(List.of(target)).values().stream().findFirst();
    }

    @Override
    public Map<Ref, Link> linksByTarget(Collection<Ref> targets) {
        return linkRows.byTargets(targets);
    }

    private static final String RETRY_COLUMNS = "flow, source_system, source_type, source_id, reason, field_path, attempts,"
            + " first_failed_at, next_attempt_at";

    @Override
    public List<RetryEntry> dueRetries(String flow, Instant now, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RETRY_COLUMNS + " FROM possync_retry"
                    + " WHERE flow = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, source_id LIMIT ?")) {
                ps.setString(1, flow);
                ps.setLong(2, now.toEpochMilli());
                ps.setInt(3, limit);
                return readRetries(ps);
            }
        });
    }

    @Override
    public Map<Ref, RetryEntry> retryEntries(String flow, Collection<Ref> sources) {
        if (sources.isEmpty()) {
            return Map.of();
        }
        List<Ref> all = new ArrayList<>(sources);
        return db.transaction(c -> {
            Map<Ref, RetryEntry> found = new HashMap<>();
            for (int from = 0; from < all.size(); from += RefTuples.CHUNK) {
                List<Ref> chunk = all.subList(from, Math.min(all.size(), from + RefTuples.CHUNK));
                String sql = "SELECT " + RETRY_COLUMNS + " FROM possync_retry WHERE flow = ?"
                        + " AND (source_system, source_type, source_id) IN " + RefTuples.of(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, flow);
                    RefTuples.bind(ps, 2, chunk);
                    readRetries(ps).forEach(e -> found.put(e.source(), e));
                }
            }
            return found;
        });
    }

    @Override
    public List<RetryEntry> retryQueue(String flow, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RETRY_COLUMNS + " FROM possync_retry"
                    + " WHERE flow = ? ORDER BY next_attempt_at, source_id LIMIT ?")) {
                ps.setString(1, flow);
                ps.setInt(2, limit);
                return readRetries(ps);
            }
        });
    }

    @Override
    public long retryQueueSize(String flow) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM possync_retry WHERE flow = ?")) {
                ps.setString(1, flow);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static List<RetryEntry> readRetries(PreparedStatement ps) throws SQLException {
        List<RetryEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RetryEntry(rs.getString(1), new Ref(rs.getString(2), EntityType.valueOf(rs.getString(3)),
                        rs.getString(4)), rs.getString(5), Optional.ofNullable(rs.getString(6)), rs.getInt(7),
                        Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9))));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ leases

    @Override
    public Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl, Instant now) {
        return leases.tryAcquire(name, owner, ttl, now);
    }

    @Override
    public Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
        return leases.renew(lease, ttl, now);
    }

    @Override
    public void releaseLease(Lease lease) {
        leases.release(lease);
    }

    // ------------------------------------------------------------------ commit

    @Override
    public void commit(PageCommit commit, Instant now) {
        db.transaction(c -> {
            if (commit.lease().isPresent() && !leases.holds(c, commit.lease().get(), now)) {
                throw new LeaseLostException("flow '" + commit.flow() + "': the lease expired or was taken over by another"
                        + " process; this commit was refused and nothing was written (state store " + db.description() + ")");
            }
            if (!commit.links().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO possync_link (source_system, source_type,"
                        + " source_id, target_system, target_type, target_id, content_hash, synced_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_system, source_type, source_id, target_system)"
                        + " DO UPDATE SET target_type = excluded.target_type, target_id = excluded.target_id,"
                        + " content_hash = excluded.content_hash, synced_at = excluded.synced_at")) {
                    for (Link l : commit.links()) {
                        ps.setString(1, l.source().system());
                        ps.setString(2, l.source().type().name());
                        ps.setString(3, l.source().id());
                        ps.setString(4, l.target().system());
                        ps.setString(5, l.target().type().name());
                        ps.setString(6, l.target().id());
                        ps.setString(7, l.contentHash());
                        ps.setLong(8, l.syncedAt().toEpochMilli());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!commit.resolvedRetries().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM possync_retry WHERE flow = ? AND source_system = ?"
                        + " AND source_type = ? AND source_id = ?")) {
                    for (Ref r : commit.resolvedRetries()) {
                        ps.setString(1, commit.flow());
                        ps.setString(2, r.system());
                        ps.setString(3, r.type().name());
                        ps.setString(4, r.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!commit.retries().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO possync_retry (" + RETRY_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (flow, source_system, source_type, source_id)"
                        + " DO UPDATE SET reason = excluded.reason, field_path = excluded.field_path,"
                        + " attempts = excluded.attempts, first_failed_at = excluded.first_failed_at,"
                        + " next_attempt_at = excluded.next_attempt_at")) {
                    for (RetryEntry e : commit.retries()) {
                        ps.setString(1, e.flow());
                        ps.setString(2, e.source().system());
                        ps.setString(3, e.source().type().name());
                        ps.setString(4, e.source().id());
                        ps.setString(5, e.reason());
                        ps.setString(6, e.fieldPath().orElse(null));
                        ps.setInt(7, e.attempts());
                        ps.setLong(8, e.firstFailedAt().toEpochMilli());
                        ps.setLong(9, e.nextAttemptAt().toEpochMilli());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (commit.cursor().isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO possync_cursor (flow, cursor_value, updated_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (flow) DO UPDATE SET cursor_value = excluded.cursor_value,"
                        + " updated_at = excluded.updated_at")) {
                    ps.setString(1, commit.flow());
                    ps.setString(2, commit.cursor().get().value());
                    ps.setLong(3, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcStateStore[" + db.description() + "]";
    }
}

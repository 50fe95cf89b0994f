package io.possync.core.state.internal;

import io.possync.api.StateStoreException;
import io.possync.core.state.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code possync_lease} table: one row per flow with its holder, a fencing token that grows with
 * every new holder, and the expiry. A lease is taken, renewed and released each in a transaction that
 * locks the row.
 */
public final class LeaseRows {

    private final ConnectionSource db;
    private final SqlDialect dialect;

    public LeaseRows(ConnectionSource db, SqlDialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    private record LeaseRow(String owner, long token, long expiresAt) {
    }

    private Optional<LeaseRow> lockLease(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT owner, token, expires_at FROM possync_lease WHERE name = ?"
                + dialect.lockRow())) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new LeaseRow(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        }
    }

    public Optional<Lease> tryAcquire(String name, String owner, Duration ttl, Instant now) {
        try {
            return db.transaction(c -> {
                Optional<LeaseRow> row = lockLease(c, name);
                long expires = now.plus(ttl).toEpochMilli();
                if (row.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO possync_lease (name, owner, token, expires_at) VALUES (?, ?, 1, ?)")) {
                        ps.setString(1, name);
                        ps.setString(2, owner);
                        ps.setLong(3, expires);
                        ps.executeUpdate();
                    }
                    return Optional.of(new Lease(name, owner, 1, Instant.ofEpochMilli(expires)));
                }
                LeaseRow current = row.get();
                boolean live = current.expiresAt() > now.toEpochMilli();
                if (live && !current.owner().equals(owner)) {
                    return Optional.<Lease>empty();
                }
                long token = live ? current.token() : current.token() + 1;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE possync_lease SET owner = ?, token = ?, expires_at = ? WHERE name = ?")) {
                    ps.setString(1, owner);
                    ps.setLong(2, token);
                    ps.setLong(3, expires);
                    ps.setString(4, name);
                    ps.executeUpdate();
                }
                return Optional.of(new Lease(name, owner, token, Instant.ofEpochMilli(expires)));
            });
        } catch (StateStoreException e) {
            if (e.getCause() instanceof SQLException sql && SqlErrors.isUniqueViolation(sql)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<Lease> renew(Lease lease, Duration ttl, Instant now) {
        return db.transaction(c -> {
            if (!holds(c, lease, now)) {
                return Optional.<Lease>empty();
            }
            long expires = now.plus(ttl).toEpochMilli();
            try (PreparedStatement ps = c.prepareStatement("UPDATE possync_lease SET expires_at = ? WHERE name = ?")) {
                ps.setLong(1, expires);
                ps.setString(2, lease.name());
                ps.executeUpdate();
            }
            return Optional.of(new Lease(lease.name(), lease.owner(), lease.token(), Instant.ofEpochMilli(expires)));
        });
    }

    public void release(Lease lease) {
        // The row stays so the next holder's token is higher than every earlier one.
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE possync_lease SET expires_at = 0 WHERE name = ? AND owner = ? AND token = ?")) {
                ps.setString(1, lease.name());
                ps.setString(2, lease.owner());
                ps.setLong(3, lease.token());
                return ps.executeUpdate();
            }
        });
    }

    /** Whether {@code lease} is still the live lease of its name; locks the row for the transaction of {@code c}. */
    public boolean holds(Connection c, Lease lease, Instant now) throws SQLException {
        Optional<LeaseRow> row = lockLease(c, lease.name());
        return row.isPresent() && row.get().owner().equals(lease.owner()) && row.get().token() == lease.token()
                && row.get().expiresAt() > now.toEpochMilli();
    }
}

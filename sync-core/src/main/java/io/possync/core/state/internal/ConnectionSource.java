package io.possync.core.state.internal;

import io.possync.api.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where the JDBC store gets connections: one shared connection (SQLite, or PostgreSQL without a
 * pool), or a host's pooled {@link DataSource}. Every unit of work runs in one transaction.
 */
public abstract class ConnectionSource implements AutoCloseable {

    private final String description;

    ConnectionSource(String description) {
        this.description = description;
    }

    /** The database as named in errors: a path or a URL without credentials. */
    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public abstract <T> T transaction(SqlWork<T> work);

    @Override
    public abstract void close();

    /** Runs {@code work} on {@code c} inside a transaction. */
    <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(auto);
            } catch (SQLException ignored) {
                // The connection is broken; the next unit of work reconnects.
            }
        }
    }

    /** A store failure naming the database, never its password. */
    StateStoreException failure(String what, SQLException e) {
        return new StateStoreException("state store " + description + ": " + what + " failed: " + SqlErrors.describe(e), e);
    }

    /** One connection shared by all threads, reconnected after a failure. */
    public static final class Shared extends ConnectionSource {
        /** Opens a connection. */
        @FunctionalInterface
        public interface Opener {
            /** A new connection. */
            Connection open() throws SQLException;
        }

        private final Opener opener;
        private Connection connection;

        /** A shared connection made by {@code opener}, described as {@code description} in errors. */
        public Shared(String description, Opener opener) {
            super(description);
            this.opener = opener;
        }

        @Override
        public synchronized <T> T transaction(SqlWork<T> work) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = opener.open();
                }
                return inTransaction(connection, work);
            } catch (SQLException e) {
                if (SqlErrors.isConnectionFailure(e)) {
                    closeQuietly();
                }
                throw failure("a transaction", e);
            }
        }

        private void closeQuietly() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // already broken
                }
                connection = null;
            }
        }

        @Override
        public synchronized void close() {
            closeQuietly();
        }
    }

    /** A connection per transaction from the host's (usually pooled) data source. */
    public static final class Pooled extends ConnectionSource {
        private final DataSource dataSource;

        /** Uses {@code dataSource}, described as {@code description} in errors. */
        public Pooled(String description, DataSource dataSource) {
            super(description);
            this.dataSource = dataSource;
        }

        @Override
        public <T> T transaction(SqlWork<T> work) {
            try (Connection c = dataSource.getConnection()) {
                return inTransaction(c, work);
            } catch (SQLException e) {
                throw failure("a transaction", e);
            }
        }

        @Override
        public void close() {
            // The host owns the data source.
        }
    }
}

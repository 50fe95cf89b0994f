package io.possync.core.state.internal;

import io.possync.api.StateStoreException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The JDBC store's tables and their versions. The store migrates an older schema forward on
 * start and refuses a newer one, so an old process can never write into a layout it does not know.
 * Times are epoch milliseconds (BIGINT) in both dialects.
 */
public final class Schema {

    /** The version this code writes. */
    public static final int CURRENT = 1;

    private Schema() {
    }

    private static List<String> version1(SqlDialect d) {
        return List.of(
                "CREATE TABLE possync_cursor (flow VARCHAR(200) PRIMARY KEY, cursor_value TEXT NOT NULL,"
                        + " updated_at BIGINT NOT NULL)",
                "CREATE TABLE possync_link (source_system VARCHAR(100) NOT NULL, source_type VARCHAR(20) NOT NULL,"
                        + " source_id VARCHAR(255) NOT NULL, target_system VARCHAR(100) NOT NULL,"
                        + " target_type VARCHAR(20) NOT NULL, target_id VARCHAR(255) NOT NULL,"
                        + " content_hash VARCHAR(64) NOT NULL, synced_at BIGINT NOT NULL,"
                        + " PRIMARY KEY (source_system, source_type, source_id, target_system))",
                "CREATE INDEX possync_link_target ON possync_link (target_system, target_type, target_id)",
                "CREATE TABLE possync_retry (flow VARCHAR(200) NOT NULL, source_system VARCHAR(100) NOT NULL,"
                        + " source_type VARCHAR(20) NOT NULL, source_id VARCHAR(255) NOT NULL, reason TEXT NOT NULL,"
                        + " field_path VARCHAR(500), attempts INTEGER NOT NULL, first_failed_at BIGINT NOT NULL,"
                        + " next_attempt_at BIGINT NOT NULL, PRIMARY KEY (flow, source_system, source_type, source_id))",
                "CREATE INDEX possync_retry_due ON possync_retry (flow, next_attempt_at)",
                "CREATE TABLE possync_lease (name VARCHAR(200) PRIMARY KEY, owner VARCHAR(200) NOT NULL,"
                        + " token BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
                "CREATE TABLE possync_activity (id " + d.identityColumn() + ", flow VARCHAR(200) NOT NULL,"
                        + " entity_type VARCHAR(20) NOT NULL, outcome VARCHAR(30) NOT NULL, source_ref VARCHAR(600) NOT NULL,"
                        + " target_ref VARCHAR(600), subject VARCHAR(300), field_path VARCHAR(500), reason TEXT,"
                        + " at BIGINT NOT NULL)",
                "CREATE INDEX possync_activity_at ON possync_activity (at)",
                "CREATE INDEX possync_activity_flow ON possync_activity (flow, outcome, at)",
                "CREATE TABLE possync_failure (id " + d.identityColumn() + ", flow VARCHAR(200) NOT NULL,"
                        + " kind VARCHAR(30) NOT NULL, message TEXT NOT NULL, at BIGINT NOT NULL)",
                "CREATE INDEX possync_failure_flow ON possync_failure (flow, at)");
    }

    /**
     * Creates or migrates the schema.
     *
     * @throws StateStoreException when the database holds a newer schema, or cannot be written
     */
    public static void migrate(ConnectionSource db, SqlDialect dialect) {
        db.transaction(c -> {
            try (Statement s = c.createStatement()) {
                if (dialect == SqlDialect.POSTGRESQL) {
                    // Two processes starting at once must not both create the tables.
                    s.execute("SELECT pg_advisory_xact_lock(7301962)");
                }
                s.execute("CREATE TABLE IF NOT EXISTS possync_schema (version INTEGER NOT NULL)");
                int version = 0;
                try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM possync_schema")) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                    }
                }
                if (version > CURRENT) {
                    throw new StateStoreException("state store " + db.description() + " has schema version " + version
                            + ", newer than this possync understands (" + CURRENT + "); upgrade possync instead of"
                            + " running an older version against it", null);
                }
                if (version < 1) {
                    for (String ddl : version1(dialect)) {
                        s.execute(ddl);
                    }
                    s.execute("INSERT INTO possync_schema (version) VALUES (1)");
                }
            }
            return null;
        });
    }
}

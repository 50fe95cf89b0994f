package io.possync.dbscheduler;

import io.possync.api.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * db-scheduler's table ({@code scheduled_tasks}) in PostgreSQL, as db-scheduler 16 documents it: one row per task
 * instance with its next execution time, who picked it and that node's last heartbeat. Create it once (here, or in
 * the application's own migrations with the same statements).
 *
 * <pre>{@code
 * SchedulerTable.createIfMissing(dataSource);
 * }</pre>
 */
public final class SchedulerTable {

    /** The statements that create the table and its indexes, for an application's own migration tool. */
    public static final String POSTGRESQL_DDL = """
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
              task_name text NOT NULL,
              task_instance text NOT NULL,
              task_data bytea,
              execution_time timestamp with time zone NOT NULL,
              picked boolean NOT NULL,
              picked_by text,
              last_success timestamp with time zone,
              last_failure timestamp with time zone,
              consecutive_failures int,
              last_heartbeat timestamp with time zone,
              version bigint NOT NULL,
              priority smallint,
              PRIMARY KEY (task_name, task_instance)
            );
            CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
            """;

    private SchedulerTable() {
    }

    /** Creates the table and its indexes in {@code dataSource}'s PostgreSQL database where they are missing. */
    public static void createIfMissing(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : POSTGRESQL_DDL.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new StateStoreException("cannot create db-scheduler's table scheduled_tasks: " + e.getMessage(), e);
        }
    }
}

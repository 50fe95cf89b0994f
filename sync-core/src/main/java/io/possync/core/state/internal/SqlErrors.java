package io.possync.core.state.internal;

import java.sql.SQLException;

/** Reads driver errors without depending on a driver. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** Whether the connection itself failed (SQLState class 08), so it must be reopened. */
    public static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    /** Whether a unique or primary key was violated (a concurrent insert won). */
    public static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        String message = String.valueOf(e.getMessage());
        return "23505".equals(state) || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
                || message.contains("SQLITE_CONSTRAINT_UNIQUE");
    }

    /** The driver's message, with the SQLState when there is one. */
    public static String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getSQLState() == null ? message : message + " (SQLState " + e.getSQLState() + ")";
    }
}

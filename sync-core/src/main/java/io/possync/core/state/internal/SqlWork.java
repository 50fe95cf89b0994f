package io.possync.core.state.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on one connection. */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work. */
    T apply(Connection connection) throws SQLException;
}

package io.possync.core.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class SqliteActivityStoreTest extends ActivityStoreContract {

    @Override
    protected JdbcStateStore newStore() {
        return JdbcStateStore.sqlite(dir.resolve("state.db"));
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state.db"));
    }
}

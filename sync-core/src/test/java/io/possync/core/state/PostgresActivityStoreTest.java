package io.possync.core.state;

import io.possync.api.http.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class PostgresActivityStoreTest extends ActivityStoreContract {

    private String url;

    @Override
    protected JdbcStateStore newStore() {
        url = TestPostgres.newDatabase();
        return JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"));
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}

package io.possync.core.state;

import org.postgresql.ds.PGSimpleDataSource;

/** The contract through a host's {@link javax.sql.DataSource}: a connection per transaction instead of one shared. */
class PostgresDataSourceStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore newStore() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestPostgres.newDatabase());
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return JdbcStateStore.postgres(dataSource, "test pool");
    }
}

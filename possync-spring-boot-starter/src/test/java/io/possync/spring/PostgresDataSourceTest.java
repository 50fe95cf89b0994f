package io.possync.spring;

import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.StateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A PostgreSQL DataSource (the application's pool) keeps possync's state in the application's database. */
class PostgresDataSourceTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aPostgresDataSourceBecomesTheStateStore() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PossyncAutoConfiguration.class))
                .withUserConfiguration(PossyncAutoConfigurationTest.CustomerSync.class)
                .withBean(DataSource.class, postgres::getPostgresDatabase).withPropertyValues("possync.enabled=false").run(context -> {
                    assertThat(context.getBean(StateStore.class)).isInstanceOf(JdbcStateStore.class);
                    context.getBean(SyncEngine.class).run(context.getBean("customers", Flow.class));
                    try (var c = postgres.getPostgresDatabase().getConnection(); var rs = c.createStatement()
                            .executeQuery("SELECT cursor_value FROM possync_cursor WHERE flow = 'customers'")) {
                        assertThat(rs.next()).as("the cursor is in the application's database").isTrue();
                    }
                });
    }
}

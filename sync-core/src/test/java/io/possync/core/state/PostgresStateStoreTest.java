package io.possync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.ConfigurationException;
import io.possync.api.StateStoreException;
import io.possync.api.http.Secret;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore newStore() {
        return JdbcStateStore.postgres(TestPostgres.newDatabase(), "postgres", Secret.of("postgres"));
    }

    @Test
    void anUnreachableServerIsAClearErrorNamingTheUrlButNotThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/possync";

        assertThatThrownBy(() -> JdbcStateStore.postgres(url, "possync", Secret.of("pg-s3cret")))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(url)
                .hasMessageNotContaining("pg-s3cret");
    }

    @Test
    void aUrlOfAnotherDatabaseIsAConfigurationError() {
        assertThatThrownBy(() -> JdbcStateStore.postgres("jdbc:mysql://db/x", "u", Secret.of("p")))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void twoStoresOnSeparateConnectionsShareLeases() {
        String url = TestPostgres.newDatabase();
        try (StateStore a = JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"));
             StateStore b = JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"))) {
            assertThat(a.tryAcquireLease("orders", "host-a", Duration.ofMinutes(5), t0)).isPresent();
            assertThat(b.tryAcquireLease("orders", "host-b", Duration.ofMinutes(5), t0.plusSeconds(1))).isEmpty();
            assertThat(b.tryAcquireLease("orders", "host-b", Duration.ofMinutes(5), t0.plusSeconds(301))).isPresent();
        }
    }

    @Test
    void twoProcessesMigratingAtOnceCreateTheSchemaOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<StateStore>>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"))));
            }
            for (var f : futures) {
                f.get().close();
            }
        } finally {
            pool.shutdown();
        }
    }
}

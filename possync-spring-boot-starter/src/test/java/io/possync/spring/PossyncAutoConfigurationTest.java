package io.possync.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.possync.api.ConfigurationException;
import io.possync.api.Customer;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.StateStore;
import io.possync.micrometer.MicrometerSyncListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteDataSource;

import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

/** What the starter makes of an application: a state store from its DataSource, an engine from its flows, a schedule, health, metrics. */
class PossyncAutoConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PossyncAutoConfiguration.class))
            .withPropertyValues("possync.schedule.initial-delay=0s", "possync.schedule.delay=1h");

    /** An application with one customer flow between two systems in memory, and a customer waiting to move. */
    @Configuration(proxyBeanMethods = false)
    static class CustomerSync {
        final InMemorySource<Customer> source = new InMemorySource<Customer>(Fixtures.POS)
                .put(Fixtures.customer("a", "anna@example.com", at(1)));
        final InMemorySink<Customer> sink = Fixtures.customerSink();

        @Bean
        Flow<Customer> customers() {
            return Flow.customers("customers").from(source).to(sink).build();
        }

        @Bean
        InMemorySink<Customer> sink() {
            return sink;
        }
    }

    static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    @Test
    void aSqliteDataSourceBecomesTheStateStoreInItsFile(@TempDir Path dir) {
        app.withUserConfiguration(CustomerSync.class).withBean(javax.sql.DataSource.class, () -> sqlite(dir.resolve("app.db")))
                .withPropertyValues("possync.enabled=false").run(context -> {
                    assertThat(context).hasSingleBean(StateStore.class).getBean(StateStore.class).isInstanceOf(JdbcStateStore.class);
                    context.getBean(SyncEngine.class).run(context.getBean("customers", Flow.class));
                    assertThat(context.getBean(StateStore.class).cursor("customers")).isPresent();
                });
    }

    @Test
    void theEngineRunsTheApplicationsFlowsOnTheSchedule() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new).run(context -> {
            assertThat(context.getBean(SyncEngine.class).flows()).extracting(Flow::name).containsExactly("customers");
            assertThat(context.getBean(FlowScheduler.class).scheduledFlows()).isEqualTo(1);
            InMemorySink<?> sink = context.getBean(InMemorySink.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sink.creates() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sink.creates()).isEqualTo(1);
        });
    }

    @Test
    void aFlowSwitchedOffByPropertyIsNotScheduledButStaysOnTheEngine() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withPropertyValues("possync.flows.customers.enabled=false").run(context -> {
                    assertThat(context.getBean(FlowScheduler.class).scheduledFlows()).isZero();
                    assertThat(context.getBean(SyncEngine.class).flows()).hasSize(1);
                });
    }

    @Test
    void aFlowsOwnDelayOverridesTheCommonOne() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withPropertyValues("possync.flows.customers.delay=30s").run(context -> {
                    PossyncProperties p = context.getBean(PossyncProperties.class);
                    assertThat(p.scheduleOf("customers").delay()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(p.scheduleOf("orders").delay()).isEqualTo(Duration.ofHours(1));
                    assertThat(p.scheduleOf("customers").initialDelay()).isZero();
                });
    }

    @Test
    void withoutADataSourceOrStateStoreTheApplicationFailsNamingBoth() {
        app.withUserConfiguration(CustomerSync.class).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().isInstanceOf(ConfigurationException.class).hasMessageContaining("StateStore bean or a DataSource"));
    }

    @Test
    void anInMemorySqliteDatabaseIsRefusedForState() {
        app.withUserConfiguration(CustomerSync.class).withBean(javax.sql.DataSource.class, () -> {
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl("jdbc:sqlite::memory:");
            return ds;
        }).run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("not an in-memory database"));
    }

    @Test
    void aBadScheduleIsRefusedWithThePropertyName() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withPropertyValues("possync.schedule.delay=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("possync.schedule.delay"));
    }

    @Test
    void withMicrometerEveryRunIsMeasured() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues("possync.enabled=false").run(context -> {
                    assertThat(context).hasSingleBean(MicrometerSyncListener.class);
                    context.getBean(SyncEngine.class).run(context.getBean("customers", Flow.class));
                    assertThat(context.getBean(MeterRegistry.class).get("possync.records").tags("flow", "customers", "outcome", "created")
                            .counter().count()).isEqualTo(1);
                });
    }

    @Test
    void healthIsDownOnceAFlowFailedTheConfiguredTimesInARow() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withPropertyValues("possync.enabled=false", "possync.health.failures-in-a-row=2").run(context -> {
                    SyncEngine engine = context.getBean(SyncEngine.class);
                    Flow<?> flow = context.getBean("customers", Flow.class);
                    PossyncHealthIndicator health = context.getBean(PossyncHealthIndicator.class);
                    assertThat(health.health().getDetails()).containsKey("customers");

                    assertThat(engine.run(flow).status()).isEqualTo(RunStatus.COMPLETED);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    CustomerSync app = context.getBean(CustomerSync.class);
                    app.source.failNextRead(io.possync.api.TransientException.of("HTTP 503"));
                    engine.run(flow);
                    assertThat(health.health().getStatus()).as("one failure of two allowed").isEqualTo(Status.UP);
                    app.source.failNextRead(io.possync.api.TransientException.of("HTTP 503"));
                    engine.run(flow);

                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> customers = (Map<String, Object>) health.health().getDetails().get("customers");
                    assertThat(customers).containsEntry("failuresInARow", 2).containsEntry("status", "FAILED").containsKey("lagSeconds");
                });
    }

    @Test
    void theEndpointListsEveryFlowWithItsLastReport() {
        app.withUserConfiguration(CustomerSync.class).withBean(StateStore.class, InMemoryStateStore::new)
                .withPropertyValues("possync.enabled=false").run(context -> {
                    PossyncEndpoint endpoint = context.getBean(PossyncEndpoint.class);
                    assertThat(endpoint.flows()).containsOnlyKeys("customers");
                    assertThat(endpoint.flow("customers")).containsEntry("lastReport", null).containsEntry("scheduled", false);

                    context.getBean(SyncEngine.class).run(context.getBean("customers", Flow.class));

                    @SuppressWarnings("unchecked")
                    Map<String, Object> report = (Map<String, Object>) endpoint.flow("customers").get("lastReport");
                    assertThat(report).containsEntry("status", "COMPLETED").containsEntry("retryQueueSize", 0);
                    assertThat(endpoint.flow("nope")).isNull();
                });
    }

    @Test
    void anApplicationsOwnEngineIsKept() {
        SyncEngine own = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
        app.withBean(SyncEngine.class, () -> own).run(context -> assertThat(context.getBean(SyncEngine.class)).isSameAs(own));
    }
}

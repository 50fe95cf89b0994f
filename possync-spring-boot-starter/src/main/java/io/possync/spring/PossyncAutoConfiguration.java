package io.possync.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.possync.api.ConfigurationException;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncListener;
import io.possync.core.state.StateStore;
import io.possync.micrometer.MicrometerSyncListener;
import io.possync.spring.internal.DataSourceStateStores;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * possync in a Spring Boot application: a {@link StateStore} in the application's {@link DataSource} (PostgreSQL or
 * SQLite), a {@link SyncEngine} over the application's {@link Flow} and {@link SyncListener} beans, its flows on a
 * schedule from {@link PossyncProperties}, the Micrometer listener when Micrometer is there, and an Actuator health
 * indicator and endpoint when Actuator is. Every bean backs off when the application defines its own.
 *
 * <pre>{@code
 * @Bean Flow<Order> sales(LightspeedRetail pos, BusinessCentral erp) {
 *     return Flow.orders("sales").from(pos.sales()).to(erp.salesInvoices()).customers(erp.customers()).build();
 * }
 * }</pre>
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration"})
@EnableConfigurationProperties(PossyncProperties.class)
public class PossyncAutoConfiguration {

    /** possync's state in the application's database. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    public StateStore possyncStateStore(DataSource dataSource) {
        return DataSourceStateStores.open(dataSource);
    }

    /** The last run of every flow, for the health indicator and the endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public RunHistory possyncRunHistory() {
        return new RunHistory();
    }

    /** The engine over the application's flows and listeners. */
    @Bean
    @ConditionalOnMissingBean
    public SyncEngine possyncEngine(ObjectProvider<StateStore> stores, ObjectProvider<Flow<?>> flows,
                                    ObjectProvider<SyncListener> listeners, ObjectProvider<Clock> clocks, PossyncProperties properties) {
        StateStore store = stores.getIfUnique(() -> {
            throw new ConfigurationException("possync.stateStore", "possync needs a StateStore bean or a DataSource"
                    + " (spring.datasource.url, PostgreSQL or a SQLite file) to keep its cursors, links and retry queue");
        });
        SyncEngine.Builder engine = SyncEngine.builder().stateStore(store).clock(clocks.getIfUnique(Clock::systemUTC))
                .leaseDuration(properties.engine().leaseDuration()).redactPersonalData(properties.engine().redactPersonalData());
        if (properties.engine().owner() != null) {
            engine.owner(properties.engine().owner());
        }
        listeners.orderedStream().forEach(engine::listener);
        flows.orderedStream().forEach(engine::flow);
        return engine.build();
    }

    /** The flows on Spring's scheduler (the application's, or one of possync's own). */
    @Bean
    @ConditionalOnMissingBean
    public FlowScheduler possyncFlowScheduler(SyncEngine engine, ObjectProvider<TaskScheduler> schedulers,
                                              ObjectProvider<Clock> clocks, PossyncProperties properties) {
        Clock clock = clocks.getIfUnique(Clock::systemUTC);
        TaskScheduler scheduler = schedulers.getIfUnique();
        return scheduler == null ? FlowScheduler.withOwnScheduler(engine, properties, clock)
                : new FlowScheduler(engine, scheduler, properties, clock);
    }

    /** Micrometer metrics and observations of every run. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, MicrometerSyncListener.class})
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(MeterRegistry.class)
        MicrometerSyncListener possyncMicrometerListener(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations,
                                                         ObjectProvider<Clock> clocks) {
            return MicrometerSyncListener.builder(meters).observations(observations.getIfUnique(() -> ObservationRegistry.NOOP))
                    .clock(clocks.getIfUnique(Clock::systemUTC)).build();
        }
    }

    /** possync in {@code /actuator/health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthContribution {

        @Bean
        @ConditionalOnMissingBean(name = "possyncHealthIndicator")
        PossyncHealthIndicator possyncHealthIndicator(SyncEngine engine, RunHistory history, PossyncProperties properties,
                                                      ObjectProvider<Clock> clocks) {
            return new PossyncHealthIndicator(engine, history, properties.health().failuresInARow(), clocks.getIfUnique(Clock::systemUTC));
        }
    }

    /** The {@code possync} Actuator endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class EndpointContribution {

        @Bean
        @ConditionalOnMissingBean
        PossyncEndpoint possyncEndpoint(SyncEngine engine, RunHistory history, PossyncProperties properties) {
            return new PossyncEndpoint(engine, history, properties);
        }
    }
}

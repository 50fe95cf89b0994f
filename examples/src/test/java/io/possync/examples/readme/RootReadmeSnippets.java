package io.possync.examples.readme;

import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.core.Flow;
import io.possync.core.FlowFailure;
import io.possync.core.SyncEngine;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.activity.JdbcActivityStore;
import io.possync.core.activity.Slf4jSyncListener;
import io.possync.core.mapping.ValueMap;
import io.possync.core.state.InMemoryStateStore;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.StateStore;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The Java snippets of the root README.md, compiled; {@code ReadmeSnippetsTest} keeps the two equal. */
final class RootReadmeSnippets {

    /** Where a host sends its alerts. */
    interface Alerts {
        void send(String message);
    }

    private RootReadmeSnippets() {
    }

    static void wiringAnOrderFlow(LightspeedRetail lightspeed, String tenant, String clientId, String clientSecret,
                                  Alerts alerts, ScheduledExecutorService scheduler) {
        // snippet wiring-an-order-flow
        // Connectors are one object per configured account; any Source/Sink implementation works.
        BusinessCentral businessCentral = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud(tenant, "production", clientId, Secret.of(clientSecret)),
                "CRONUS International Ltd.")
                .paymentTerms("14 DAYS").build());
        Source<Order> shopSales = lightspeed.sales();                  // POS: completed sales
        Sink<Order> invoices = businessCentral.postedSalesInvoices();   // ERP: sales invoices, posted at once

        Flow<Order> sales = Flow.orders("lightspeed-sales-to-bc")
                .from(shopSales)
                .to(invoices)
                .kind(OrderKind.INVOICE)
                .customers(businessCentral.customers())     // found by e-mail, created or updated
                .products(businessCentral.items())          // every SKU must exist before the invoice is written
                .defaultDebtor("CASH")                      // anonymous till sales
                .filter(o -> o.status() == OrderStatus.COMPLETED)
                .mapping(m -> m
                        .withValueMap(ValueMap.builder("salespeople").row("1", "AMS").row("2", "UTR").defaultValue("WEB").build())
                        .override("salesperson", "$valueMap('salespeople', store)"))
                .build();

        SyncEngine engine = SyncEngine.builder()
                .stateStore(new InMemoryStateStore())       // the JDBC store (SQLite/PostgreSQL) for production
                .listener(new Slf4jSyncListener())
                .listener(new SyncListener() {
                    @Override public void onFailure(FlowFailure f) { alerts.send(f.flow() + ": " + f.message()); }
                })
                .flow(sales)
                .build();

        scheduler.scheduleWithFixedDelay(engine::runAll, 0, 5, TimeUnit.MINUTES);   // your scheduler

        SyncReport report = engine.run(sales);   // or run one flow yourself
        System.out.println(report.summary());
        engine.dryRun(sales).plannedWrites();    // what a run would write, without writing anything
        // end snippet
    }

    static void stateStores(DataSource hikariDataSource) {
        // snippet state-stores
        StateStore embedded = JdbcStateStore.sqlite(Path.of("possync-state.db"));      // one process, one file
        StateStore shared = JdbcStateStore.postgres("jdbc:postgresql://db:5432/possync",
                "possync", Secret.of(System.getenv("PG_PASSWORD")));                   // several processes
        StateStore pooled = JdbcStateStore.postgres(hikariDataSource, "possync-db");    // your pool
        JdbcActivityStore activity = ((JdbcStateStore) embedded).activityStore();       // a SyncListener
        // end snippet
    }
}

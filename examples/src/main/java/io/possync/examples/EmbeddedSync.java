package io.possync.examples;

import io.possync.api.OrderKind;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.activity.Slf4jSyncListener;
import io.possync.core.state.JdbcStateStore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How a host application embeds possync: its own scheduler, its own PostgreSQL, possync's engine. */
public final class EmbeddedSync {

    private EmbeddedSync() {
    }

    public static void main(String[] args) {
        LightspeedRetail pos = LightspeedRetail.connect(LightspeedRetailSettings.builder(System.getenv("LS_CLIENT_ID"),
                        Secret.of(System.getenv("LS_CLIENT_SECRET")), Secret.of(System.getenv("LS_REFRESH_TOKEN")))
                .onTokenRotation(token -> System.out.println("store the new Lightspeed refresh token in your vault"))
                .build());
        BusinessCentral erp = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud(System.getenv("BC_TENANT"), "production", System.getenv("BC_CLIENT_ID"),
                        Secret.of(System.getenv("BC_SECRET"))),
                System.getenv("BC_COMPANY"))
                .build());

        SyncEngine engine = SyncEngine.builder()
                .stateStore(JdbcStateStore.postgres(System.getenv("PG_URL"), System.getenv("PG_USER"), Secret.of(System.getenv("PG_PASSWORD"))))
                .listener(new Slf4jSyncListener())
                .flow(Flow.customers("customers").from(pos.customers()).to(erp.customers()).build())
                .flow(Flow.orders("sales").from(pos.sales()).to(erp.salesInvoices()).kind(OrderKind.INVOICE)
                        .customers(erp.customers()).products(erp.items()).defaultDebtor(System.getenv("BC_DEFAULT_DEBTOR")).build())
                .flow(Flow.stock("stock").from(erp.stock()).to(pos.stock()).build())
                .build();

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        engine.schedule(scheduler, Duration.ZERO, Duration.ofMinutes(5));   // runAll() 5 minutes after each run ends
        Runtime.getRuntime().addShutdownHook(new Thread(scheduler::shutdown));
    }
}

package io.possync.core.state.crash;

import static io.possync.core.fixtures.InMemorySource.at;

import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Sink;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.HttpApi;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.StateStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The process the crash test kills: syncs a fixed set of orders into {@link CrashTarget} with a
 * JDBC state store, until a run completes. Exit code 0 means a run completed.
 * Arguments: {@code sqlite:<file>|postgres:<jdbc url>}, target base URL, number of orders.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        String storeSpec = args[0];
        String target = args[1];
        int orders = Integer.parseInt(args[2]);
        StateStore store = storeSpec.startsWith("sqlite:")
                ? JdbcStateStore.sqlite(Path.of(storeSpec.substring("sqlite:".length())))
                : JdbcStateStore.postgres(storeSpec.substring("postgres:".length()), "postgres", Secret.of("postgres"));
        InMemorySource<Order> source = new InMemorySource<>(Fixtures.POS);
        for (int i = 1; i <= orders; i++) {
            source.put(Fixtures.order(String.valueOf(i), null, at(i)));
        }
        Flow<Order> flow = Flow.orders("orders").from(source).to(new HttpOrderSink(URI.create(target)))
                .defaultDebtor("CASH").pageSize(20).build();
        SyncEngine engine = SyncEngine.builder().stateStore(store).owner("crash-child")
                .leaseDuration(Duration.ofSeconds(30)).build();
        for (int attempt = 0; attempt < 20; attempt++) {
            SyncReport report = engine.run(flow);
            if (report.status() == RunStatus.COMPLETED) {
                System.out.println("completed: " + report.summary());
                store.close();
                System.exit(0);
            }
            System.out.println("run did not complete: " + report.summary());
        }
        System.exit(1);
    }

    /** Writes order numbers to the crash target over HTTP; a lost answer surfaces as an unknown outcome. */
    static final class HttpOrderSink implements Sink<Order>, Metered {
        private final HttpApi api;

        HttpOrderSink(URI base) {
            api = HttpApi.builder("target", base).retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                    .requestTimeout(Duration.ofSeconds(5)).build();
        }

        @Override
        public String system() {
            return "target";
        }

        @Override
        public RequestCounter requests() {
            return api.requests();
        }

        @Override
        public MappingDefaults defaultMapping() {
            return MappingDefaults.builder().field("number", "number").build();
        }

        @Override
        public Set<KeyType> supportedKeys() {
            return Set.of(KeyType.ORDER_NUMBER);
        }

        @Override
        public Optional<Ref> find(NaturalKey key) {
            ApiResponse r = api.send(ApiRequest.get("orders?number=" + URLEncoder.encode(key.value(), StandardCharsets.UTF_8))
                    .accept(404).build());
            return r.status() == 404 ? Optional.empty()
                    : Optional.of(new Ref("target", EntityType.ORDER, r.json().path("id").asText()));
        }

        @Override
        public Ref create(MappedRecord<Order> record) {
            ApiResponse r = api.send(ApiRequest.method("POST", "orders")
                    .body(record.fields().path("number").asText(), "text/plain").build());
            return new Ref("target", EntityType.ORDER, r.json().path("id").asText());
        }

        @Override
        public Ref update(Ref target, MappedRecord<Order> record) {
            return target;
        }
    }
}

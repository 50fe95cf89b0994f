package io.possync.core.state;

import static io.possync.core.fixtures.Fixtures.customer;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Customer;
import io.possync.api.MappedRecord;
import io.possync.api.Ref;
import io.possync.api.http.Secret;
import io.possync.core.Flow;
import io.possync.core.FlowFailure;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.fixtures.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two engines, each on its own PostgreSQL connection, contend for one flow. */
class LeaseContentionTest {

    private final String url = TestPostgres.newDatabase();
    private final MutableClock clock = new MutableClock(at(10_000));
    private final InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
    private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

    /** A target whose first write hangs until released: the process "pauses" mid-run. */
    private final InMemorySink<Customer> target = new InMemorySink<>(Fixtures.ERP, io.possync.api.EntityType.CUSTOMER,
            Fixtures.customerSink().defaultMapping(), io.possync.api.KeyType.EMAIL, f -> f.path("email").asText(null)) {
        private boolean paused;

        @Override
        public Ref create(MappedRecord<Customer> record) {
            boolean pauseNow;
            synchronized (this) {
                pauseNow = !paused;
                paused = true;
            }
            if (pauseNow) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.create(record);
        }
    };

    private SyncEngine engine(String owner, JdbcStateStore store) {
        return SyncEngine.builder().stateStore(store).clock(clock).owner(owner).leaseDuration(Duration.ofMinutes(5)).build();
    }

    @Test
    void neverBothRunAFlowAndTheSurvivorTakesOverAfterTheLeaseExpires() throws Exception {
        for (int i = 1; i <= 5; i++) {
            source.put(customer("c" + i, "c" + i + "@example.com", at(i)));
        }
        Flow<Customer> flow = Flow.customers("customers").from(source).to(target).build();
        try (JdbcStateStore storeA = JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"));
             JdbcStateStore storeB = JdbcStateStore.postgres(url, "postgres", Secret.of("postgres"))) {
            SyncEngine a = engine("host-a", storeA);
            SyncEngine b = engine("host-b", storeB);

            CompletableFuture<SyncReport> runA = CompletableFuture.supplyAsync(() -> a.run(flow));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(b.run(flow).status()).as("B may not run while A holds the lease").isEqualTo(RunStatus.SKIPPED_LEASE_HELD);

            clock.advance(Duration.ofMinutes(6));
            SyncReport reportB = b.run(flow);
            assertThat(reportB.status()).as("A looks dead: B takes over").isEqualTo(RunStatus.COMPLETED);

            releaseFirstWrite.countDown();
            SyncReport reportA = runA.get(30, TimeUnit.SECONDS);
            assertThat(reportA.status()).isEqualTo(RunStatus.FAILED);
            assertThat(reportA.failure().orElseThrow().kind()).isEqualTo(FlowFailure.Kind.STATE_STORE);
            assertThat(reportA.failure().orElseThrow().message()).contains("lease");

            assertThat(storeA.cursor("customers")).isEqualTo(storeB.cursor("customers"));
            assertThat(storeB.cursor("customers")).isPresent();
        }
    }
}

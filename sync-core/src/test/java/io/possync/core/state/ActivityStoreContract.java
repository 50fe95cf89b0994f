package io.possync.core.state;

import static io.possync.core.fixtures.Fixtures.customer;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.AuthenticationException;
import io.possync.api.Customer;
import io.possync.core.Flow;
import io.possync.core.FlowFailure;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.activity.JdbcActivityStore;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.fixtures.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

abstract class ActivityStoreContract {

    @TempDir
    Path dir;

    /** A new, empty JDBC store. */
    protected abstract JdbcStateStore newStore();

    private JdbcStateStore store;
    private JdbcActivityStore activity;
    private final MutableClock clock = new MutableClock(at(10_000));
    private final InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<Customer> sink = Fixtures.customerSink();
    private SyncEngine engine;
    private Flow<Customer> flow;

    @BeforeEach
    void open() {
        store = newStore();
        activity = store.activityStore();
        engine = SyncEngine.builder().stateStore(store).clock(clock).listener(activity).build();
        flow = Flow.customers("customers").from(source).to(sink).build();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void outcomesAreCountedPerDay() {
        source.put(customer("1", "a@example.com", at(1))).put(customer("2", "not-an-email", at(2)));

        engine.run(flow);

        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        assertThat(activity.countsPerDay("customers", today.minusDays(1))).containsExactlyInAnyOrder(
                new JdbcActivityStore.DailyCount(today, Outcome.CREATED, 1),
                new JdbcActivityStore.DailyCount(today, Outcome.REJECTED, 1));
    }

    @Test
    void latestRejectionsNameTheFieldAndReason() {
        source.put(customer("2", "not-an-email", at(2)));

        engine.run(flow);

        assertThat(activity.latestRejections("customers", 10)).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("email");
            assertThat(e.source().id()).isEqualTo("2");
        });
    }

    @Test
    void failedRunsAreKept() {
        source.put(customer("1", "a@example.com", at(1)));
        sink.failAtWrite(1, new AuthenticationException("erp", "refused"));

        engine.run(flow);

        assertThat(activity.latestFailures("customers", 5)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FlowFailure.Kind.AUTHENTICATION));
    }

    /** A direct connection to the store's database, to read the raw rows. */
    protected abstract java.sql.Connection rawConnection() throws java.sql.SQLException;

    @Test
    void theLogHoldsNoEmailAddresses() throws Exception {
        source.put(customer("1", "anna@example.com", at(1))).put(customer("2", "bad@", at(2)));

        engine.run(flow);
        activity.flush();

        try (var c = rawConnection();
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT flow || entity_type || outcome || source_ref || COALESCE(target_ref,'')"
                     + " || COALESCE(subject,'') || COALESCE(field_path,'') || COALESCE(reason,'') FROM possync_activity")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).doesNotContain("anna@example.com").doesNotContain("bad@");
            }
            assertThat(rows).isEqualTo(2);
        }
    }

    @Test
    void purgeRemovesOnlyWhatIsOlderThanTheRetention() {
        source.put(customer("1", "a@example.com", at(1)));
        engine.run(flow);
        clock.advance(Duration.ofDays(40));
        source.put(customer("2", "b@example.com", at(20_000)));
        engine.run(flow);

        long removed = activity.purgeOlderThan(Duration.ofDays(30), clock.instant());

        assertThat(removed).isEqualTo(1);
        assertThat(activity.countsPerDay("customers", LocalDate.of(2000, 1, 1)))
                .extracting(JdbcActivityStore.DailyCount::count).containsExactly(1L);
    }
}

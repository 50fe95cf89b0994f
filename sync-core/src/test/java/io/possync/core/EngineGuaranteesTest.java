package io.possync.core;

import static io.possync.core.fixtures.Fixtures.customer;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.AuthenticationException;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.TransientException;
import io.possync.core.activity.RingBufferSyncListener;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.fixtures.MutableClock;
import io.possync.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EngineGuaranteesTest {

    private final InMemorySource<Customer> source = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<Customer> sink = Fixtures.customerSink();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final MutableClock clock = new MutableClock(at(10_000));
    private final RingBufferSyncListener activity = new RingBufferSyncListener(10_000);
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).clock(clock).listener(activity).build();

    private Flow<Customer> flow(int pageSize) {
        return Flow.customers("customers").from(source).to(sink).pageSize(pageSize).build();
    }

    private void seed(int n) {
        IntStream.rangeClosed(1, n).forEach(i ->
                source.put(customer(String.format("%03d", i), "c" + i + "@example.com", at(i))));
    }

    @Test
    void recordsWithEqualModifiedInstantsAcrossAPageBoundaryAreNeitherSkippedNorWrittenTwice() {
        IntStream.rangeClosed(1, 7).forEach(i -> source.put(customer("id" + i, "c" + i + "@example.com", at(5))));

        SyncReport report = engine.run(flow(3));

        assertThat(report.count(Outcome.CREATED)).isEqualTo(7);
        assertThat(sink.creates()).isEqualTo(7);
        assertThat(sink.stored()).extracting(s -> s.fields().path("email").asText()).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void anOverlappingSourceThatReReadsTheBoundaryTimestampWritesEachRecordOnce() {
        source.overlap(true);
        source.put(customer("a", "a@example.com", at(1))).put(customer("b", "b@example.com", at(2)))
                .put(customer("c", "c@example.com", at(2))).put(customer("d", "d@example.com", at(3)));

        SyncReport report = engine.run(flow(2));

        assertThat(sink.creates()).isEqualTo(4);
        assertThat(sink.updates()).isZero();
        assertThat(report.count(Outcome.UNCHANGED)).as("re-read boundary records are dropped by hash").isPositive();
    }

    @Test
    void oneInvalidRecordInAPageOfHundredLetsTheOtherNinetyNineSync() {
        seed(100);
        source.put(customer("050", "not-an-email", at(50)));

        SyncReport report = engine.run(flow(100));

        assertThat(sink.creates()).isEqualTo(99);
        assertThat(report.count(Outcome.REJECTED)).isEqualTo(1);
        assertThat(store.retryQueue("customers", 10)).singleElement().satisfies(e -> {
            assertThat(e.source().id()).isEqualTo("050");
            assertThat(e.fieldPath()).contains("email");
            assertThat(e.reason()).contains("email").contains("well-formed email");
        });
    }

    @Test
    void aRecordTheSourceCannotReadWaitsInTheRetryQueueWhileTheRestOfThePageSyncsAndTheCursorMovesOn() {
        seed(10);
        source.unreadable("005", io.possync.api.internal.Unreadable.value("price.amount", "abc", "a number"));

        SyncReport report = engine.run(flow(100));

        assertThat(sink.creates()).isEqualTo(9);
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.retryQueue("customers", 10)).singleElement().satisfies(e -> {
            assertThat(e.source().id()).isEqualTo("005");
            assertThat(e.fieldPath()).contains("price.amount");
            assertThat(e.reason()).contains("is not a number").contains("text of 3 characters").doesNotContain("abc");
        });
        assertThat(store.cursor("customers")).isPresent();
        assertThat(engine.run(flow(100)).count(Outcome.FETCHED)).as("the cursor passed the page").isZero();
    }

    @Test
    void anUnreadableRecordFixedInTheSourceSyncsOnItsRetry() {
        seed(10);
        source.unreadable("005", io.possync.api.internal.Unreadable.missing("sku"));
        engine.run(flow(100));

        clock.advance(java.time.Duration.ofHours(2));
        SyncReport stillBroken = engine.run(flow(100));
        source.readable("005");
        clock.advance(java.time.Duration.ofHours(2));
        SyncReport healed = engine.run(flow(100));

        assertThat(stillBroken.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("sku is missing"));
        assertThat(store.retryQueue("customers", 10)).isEmpty();
        assertThat(healed.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(sink.creates()).isEqualTo(10);
    }

    @Test
    void aControlCharacterInTextRejectsTheRecordNamingTheFieldWhileTheRestSync() {
        seed(10);
        source.put(customer("005", "c5@example.com", at(5)).toBuilder()
                .contactPerson(io.possync.api.ContactPerson.of("An\u0000na", "Jansen")).build());

        SyncReport report = engine.run(flow(100));

        assertThat(sink.creates()).isEqualTo(9);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("005");
            assertThat(r.fieldPath()).contains("contactPerson.firstName");
            assertThat(r.reason()).contains("U+0000").doesNotContain("An\u0000na");
        });
    }

    @Test
    void tabsLineFeedsAndCarriageReturnsAreOrdinaryText() {
        source.put(customer("001", "c1@example.com", at(1)).toBuilder()
                .contactPerson(io.possync.api.ContactPerson.of("Anna\tMaria", "Jansen\r\nde Vries")).build());

        SyncReport report = engine.run(flow(100));

        assertThat(report.rejections()).isEmpty();
        assertThat(sink.creates()).isEqualTo(1);
    }

    @Test
    void aRejectedRecordFixedInTheSourceSyncsOnTheNextRunAndEmptiesTheQueue() {
        seed(100);
        source.put(customer("050", "not-an-email", at(50)));
        engine.run(flow(100));

        source.put(customer("050", "fixed@example.com", at(200)));
        SyncReport next = engine.run(flow(100));

        assertThat(next.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(sink.creates()).isEqualTo(100);
        assertThat(store.retryQueue("customers", 10)).isEmpty();
    }

    @Test
    void authenticationFailureMidRunKeepsTheCursorAtTheLastFullPageAndCallsOnFailure() {
        seed(12);
        sink.failAtWrite(8, new AuthenticationException("erp", "the access token was refused (HTTP 401)"));

        SyncReport report = engine.run(flow(5));

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FlowFailure.Kind.AUTHENTICATION));
        assertThat(activity.failures()).hasSize(1);
        assertThat(store.cursor("customers")).contains(Cursor.of(at(5).toEpochMilli() + "|005"));
        assertThat(store.allLinks()).as("only the first page's links are committed").hasSize(5);
        assertThat(store.retryQueue("customers", 10)).isEmpty();
    }

    @Test
    void aRunAfterAnAuthenticationFailureCompletesWithoutDuplicates() {
        seed(12);
        sink.failAtWrite(8, new AuthenticationException("erp", "refused"));
        engine.run(flow(5));

        SyncReport next = engine.run(flow(5));

        assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sink.stored()).hasSize(12);
    }

    @Test
    void sourceOutageStopsTheRunWithoutMovingTheCursor() {
        seed(3);
        source.failNextRead(TransientException.builder("pos answered HTTP 503").retryAfter(Duration.ofSeconds(30)).httpStatus(503).build());

        SyncReport report = engine.run(flow(10));

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.failure().orElseThrow().kind()).isEqualTo(FlowFailure.Kind.OUTAGE);
        assertThat(store.cursor("customers")).isEmpty();
    }

    @Test
    void targetOutageOnEveryWriteOfAPageStopsTheRunWithoutQueueingThePage() {
        seed(5);
        InMemorySink<Customer> down = Fixtures.customerSink();
        down.rejectWhen(r -> {
            throw TransientException.builder("erp answered HTTP 503").httpStatus(503).build();
        });
        Flow<Customer> flow = Flow.customers("customers").from(source).to(down).build();

        SyncReport report = engine.run(flow);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.cursor("customers")).isEmpty();
        assertThat(store.retryQueue("customers", 10)).isEmpty();
    }

    @Test
    void aRecordTheTargetRefusesWaitsInTheRetryQueueWithTheVendorCode() {
        seed(3);
        sink.rejectWhen(r -> r.sourceRef().id().equals("002"));

        SyncReport report = engine.run(flow(10));

        assertThat(sink.creates()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("TEST_REJECT"));
    }

    @Test
    void anUnchangedRecordOnTheNextRunIsNotWritten() {
        seed(3);
        engine.run(flow(10));
        int writes = sink.creates() + sink.updates();

        source.put(customer("002", "c2@example.com", at(500)));
        SyncReport next = engine.run(flow(10));

        assertThat(next.count(Outcome.FETCHED)).isEqualTo(1);
        assertThat(next.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(sink.creates() + sink.updates()).isEqualTo(writes);
    }

    @Test
    void aChangedRecordIsUpdatedInPlace() {
        seed(3);
        engine.run(flow(10));

        source.put(customer("002", "c2@example.com", at(500)).toBuilder().phone("+31 20 123 4567").build());
        SyncReport next = engine.run(flow(10));

        assertThat(next.count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(sink.creates()).isEqualTo(3);
    }

    @Test
    void dryRunWritesNothingMovesNoCursorAndReportsWhatItWouldWrite() {
        seed(4);

        SyncReport report = engine.dryRun(flow(2));

        assertThat(report.dryRun()).isTrue();
        assertThat(sink.creates() + sink.updates()).isZero();
        assertThat(store.cursor("customers")).isEmpty();
        assertThat(store.allLinks()).isEmpty();
        assertThat(report.count(Outcome.WOULD_CREATE)).isEqualTo(4);
        assertThat(report.plannedWrites()).hasSize(4).allSatisfy(w -> {
            assertThat(w.action()).isEqualTo(PlannedWrite.Action.CREATE);
            assertThat(w.fields().path("email").asText()).as("personal data redacted").isEqualTo("<redacted>");
        });
    }

    @Test
    void aFlowWhoseLeaseAnotherProcessHoldsIsSkipped() {
        seed(2);
        store.tryAcquireLease("customers", "other-host", Duration.ofMinutes(5), clock.instant());

        SyncReport report = engine.run(flow(10));

        assertThat(report.status()).isEqualTo(RunStatus.SKIPPED_LEASE_HELD);
        assertThat(sink.creates()).isZero();
    }

    @Test
    void anExpiredLeaseOfAnotherProcessIsTakenOver() {
        seed(2);
        store.tryAcquireLease("customers", "dead-host", Duration.ofMinutes(5), clock.instant());
        clock.advance(Duration.ofMinutes(6));

        SyncReport report = engine.run(flow(10));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sink.creates()).isEqualTo(2);
    }

    @Test
    void requestsAreCountedPerSystem() {
        seed(3);

        SyncReport report = engine.run(flow(10));

        assertThat(report.requestsBySystem()).containsEntry("erp", sink.requests().count());
        assertThat(report.requestsBySystem().get("pos")).isPositive();
    }

    @Test
    void eventsNameCustomersByPseudonymNotByEmail() {
        seed(1);

        engine.run(flow(10));

        assertThat(activity.events()).isNotEmpty().allSatisfy(e -> assertThat(e.describe()).doesNotContain("@example.com"));
        assertThat(activity.events()).anySatisfy(e -> assertThat(e.subject()).startsWith("p:"));
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheSync() {
        seed(2);
        SyncEngine withBadListener = SyncEngine.builder().stateStore(store).clock(clock)
                .listener(new SyncListener() {
                    @Override
                    public void onEvent(SyncEvent event) {
                        throw new IllegalStateException("listener bug");
                    }
                }).build();

        SyncReport report = withBadListener.run(flow(10));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sink.creates()).isEqualTo(2);
    }

    @Test
    void aCustomerWithACompanyNameBecomesACompany() {
        source.put(customer("1", "a@example.com", at(1)).toBuilder().companyName("ACME BV").build());

        engine.run(flow(10));

        assertThat(sink.stored().get(0).fields().path("type").asText()).isEqualTo("Company");
    }

    @Test
    void aKeyTheTargetRefusesToLookUpRejectsOnlyThatRecord() {
        seed(3);
        InMemorySink<Customer> picky = new InMemorySink<>(Fixtures.ERP, io.possync.api.EntityType.CUSTOMER,
                Fixtures.customerSink().defaultMapping(), io.possync.api.KeyType.EMAIL, f -> f.path("email").asText(null)) {
            @Override
            public java.util.Map<io.possync.api.NaturalKey, io.possync.api.Ref> findAll(
                    java.util.Collection<io.possync.api.NaturalKey> keys) {
                throw io.possync.api.RecordRejectedException.builder("HTTP 400: malformed filter").build();
            }

            @Override
            public java.util.Optional<io.possync.api.Ref> find(io.possync.api.NaturalKey key) {
                if (key.value().startsWith("c2@")) {
                    throw io.possync.api.RecordRejectedException.builder("HTTP 400: malformed filter").build();
                }
                return super.find(key);
            }
        };

        SyncReport report = engine.run(Flow.customers("customers").from(source).to(picky).build());

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(picky.creates()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.source().id()).isEqualTo("002"));
    }

    @Test
    void theScheduleHelperRunsEveryRegisteredFlowOnTheHostsExecutor() throws Exception {
        seed(2);
        SyncEngine scheduled = SyncEngine.builder().stateStore(store).clock(clock).flow(flow(10)).build();
        java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            scheduled.schedule(executor, Duration.ZERO, Duration.ofMillis(20));
            long deadline = System.currentTimeMillis() + 5000;
            while (sink.creates() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(sink.creates()).isEqualTo(2);
    }
}

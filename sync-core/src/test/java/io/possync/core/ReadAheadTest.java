package io.possync.core;

import static io.possync.core.fixtures.Fixtures.customer;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.Page;
import io.possync.api.Source;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** With the host's executor, the next page is read while the current one is written; the cursor still moves page by page. */
class ReadAheadTest {

    private final java.util.concurrent.ExecutorService hostExecutor = java.util.concurrent.Executors.newSingleThreadExecutor();

    @org.junit.jupiter.api.AfterEach
    void stop() {
        hostExecutor.shutdownNow();
    }

    private final InMemorySource<Customer> records = new InMemorySource<>(Fixtures.POS);
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final AtomicInteger reads = new AtomicInteger();
    private final CountDownLatch secondPageAsked = new CountDownLatch(1);
    private volatile boolean failSecondRead;
    private final java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The records, counting reads; the second read can fail. */
    private final Source<Customer> source = new Source<>() {
        @Override
        public String system() {
            return records.system();
        }

        @Override
        public Page<Customer> changesSince(Cursor cursor, int limit) {
            readers.add(Thread.currentThread());
            int n = reads.incrementAndGet();
            if (n == 2) {
                secondPageAsked.countDown();
                if (failSecondRead) {
                    throw TransientException.builder("the shop is down").httpStatus(503).build();
                }
            }
            return records.changesSince(cursor, limit);
        }

        @Override
        public Optional<Customer> fetch(String id) {
            return records.fetch(id);
        }
    };

    private void seed(int n) {
        IntStream.rangeClosed(1, n).forEach(i -> records.put(customer(String.format("%03d", i), "c" + i + "@example.com", at(i))));
    }

    @Test
    void theSecondPageIsReadWhileTheFirstIsStillBeingWritten() {
        seed(6);
        CountDownLatch overlapped = new CountDownLatch(1);
        InMemorySink<Customer> sink = new InMemorySink<>(Fixtures.ERP, io.possync.api.EntityType.CUSTOMER,
                Fixtures.customerSink().defaultMapping(), io.possync.api.KeyType.EMAIL, f -> f.path("email").asText(null)) {
            @Override
            public List<WriteResult> writeAll(List<Write<Customer>> writes) {
                try {
                    if (secondPageAsked.await(5, TimeUnit.SECONDS)) {
                        overlapped.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.writeAll(writes);
            }
        };

        SyncReport report = SyncEngine.builder().stateStore(store).readAhead(hostExecutor).build().run(Flow.customers("customers").from(source).to(sink)
                .pageSize(3).build());

        assertThat(overlapped.getCount()).as("page 2 was asked for before page 1's writes returned").isZero();
        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sink.creates()).isEqualTo(6);
    }

    @Test
    void aFailedReadAheadFailsTheRunAfterThePageBeforeItWasCommitted() {
        seed(6);
        failSecondRead = true;
        InMemorySink<Customer> sink = Fixtures.customerSink();

        SyncReport report = SyncEngine.builder().stateStore(store).readAhead(hostExecutor).build().run(Flow.customers("customers").from(source).to(sink)
                .pageSize(3).build());

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(sink.creates()).isEqualTo(3);
        assertThat(store.cursor("customers")).isPresent();
        failSecondRead = false;
        SyncReport again = SyncEngine.builder().stateStore(store).readAhead(hostExecutor).build().run(Flow.customers("customers").from(source).to(sink)
                .pageSize(3).build());
        assertThat(again.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(sink.creates()).isEqualTo(6);
    }

    @Test
    void withoutAnExecutorEveryPageIsReadOnTheCallersThread() {
        seed(7);

        SyncReport report = SyncEngine.builder().stateStore(store).build().run(Flow.customers("customers").from(source)
                .to(Fixtures.customerSink()).pageSize(3).build());

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(reads.get()).isEqualTo(3);
        assertThat(readers).containsExactly(Thread.currentThread());
    }
}

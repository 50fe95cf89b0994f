package io.possync.benchmarks;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.http.Secret;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.Lease;
import io.possync.core.state.Link;
import io.possync.core.state.PageCommit;
import io.possync.core.state.RetryEntry;
import io.possync.core.state.StateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDBC state store's write costs on SQLite and on PostgreSQL (embedded, same machine):
 * <ul>
 *   <li>{@code linkUpserts}: one commit of 1,000 links (half new, half replacing existing ones);
 *       the score is link upserts per second;</li>
 *   <li>{@code pageCommit}: a typical page commit under a lease (100 links, 2 retry entries, 1 resolved,
 *       the cursor); the score is page commits per second.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar StateStoreBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StateStoreBenchmark {

    private static final int LINKS_PER_COMMIT = 1000;

    @Param({"sqlite", "postgresql"})
    public String database;

    private EmbeddedPostgres postgres;
    private Path sqliteDir;
    private StateStore store;
    private Lease lease;
    private long sequence;
    private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (database.equals("sqlite")) {
            sqliteDir = Files.createTempDirectory("possync-bench");
            store = JdbcStateStore.sqlite(sqliteDir.resolve("state.db"));
        } else {
            postgres = EmbeddedPostgres.builder().start();
            store = JdbcStateStore.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres", Secret.of("postgres"));
        }
        lease = store.tryAcquireLease("bench", "bench", Duration.ofDays(1), now).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    private Link link(long i) {
        return new Link(new Ref("lightspeed", EntityType.ORDER, "o" + i),
                new Ref("businesscentral", EntityType.ORDER, "00000000-0000-0000-0000-" + String.format("%012d", i)),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", now);
    }

    @Benchmark
    @OperationsPerInvocation(LINKS_PER_COMMIT)
    public void linkUpserts() {
        List<Link> links = new ArrayList<>(LINKS_PER_COMMIT);
        long base = sequence;
        for (int i = 0; i < LINKS_PER_COMMIT; i++) {
            // Half replace links of the previous commit, half are new.
            links.add(link(base - LINKS_PER_COMMIT / 2 + i));
        }
        sequence += LINKS_PER_COMMIT / 2;
        store.commit(new PageCommit("bench", Optional.empty(), links, List.of(), List.of(), Optional.empty()), now);
    }

    @Benchmark
    public void pageCommit() {
        List<Link> links = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            links.add(link(sequence++));
        }
        Ref failed = new Ref("lightspeed", EntityType.ORDER, "f" + sequence);
        store.commit(new PageCommit("bench", Optional.of(lease), links,
                List.of(new RetryEntry("bench", failed, "product 'X' does not exist", Optional.of("lines[0].sku"), 1, now, now),
                        new RetryEntry("bench", new Ref("lightspeed", EntityType.ORDER, "g" + sequence), "invalid", Optional.empty(),
                                1, now, now)),
                List.of(new Ref("lightspeed", EntityType.ORDER, "f" + (sequence - 100))),
                Optional.of(Cursor.of(String.valueOf(sequence)))), now);
    }
}

package io.possync.core.state.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.http.Secret;
import io.possync.core.state.JdbcStateStore;
import io.possync.core.state.StateStore;
import io.possync.core.state.TestPostgres;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM syncs orders and is killed with SIGKILL at random points, 20 times in a row; after a
 * final clean run the target holds every order exactly once and the retry queue is empty.
 */
class CrashKillTest {

    private static final int ORDERS = 1000;
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void sqliteSurvivesTwentyKillsWithoutLossOrDuplicates() throws Exception {
        Path file = dir.resolve("crash.db");
        killRepeatedlyThenFinish("sqlite:" + file, () -> JdbcStateStore.sqlite(file));
    }

    @Test
    void postgresSurvivesTwentyKillsWithoutLossOrDuplicates() throws Exception {
        String url = TestPostgres.newDatabase();
        killRepeatedlyThenFinish("postgres:" + url, () -> JdbcStateStore.postgres(url, "postgres", Secret.of("postgres")));
    }

    private void killRepeatedlyThenFinish(String storeSpec, java.util.function.Supplier<StateStore> store) throws Exception {
        Random random = new Random(42);
        List<Long> killedAfter = new ArrayList<>();
        List<Integer> writtenWhenKilled = new ArrayList<>();
        try (CrashTarget target = new CrashTarget()) {
            for (int i = 0; i < KILLS; i++) {
                int before = target.orders().size();
                // Kill after a random number of new writes, so the kill falls between a write and its commit.
                int killAfterWrites = 1 + random.nextInt(60);
                Process child = start(storeSpec, target);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.isAlive() && target.orders().size() < before + killAfterWrites && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor();
                    killedAfter.add((long) killAfterWrites);
                    writtenWhenKilled.add(target.orders().size());
                }
            }
            Process last = start(storeSpec, target);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as("final run completes; see " + dir.resolve("child.log")).isZero();

            assertThat(killedAfter).as("most children were killed before finishing").hasSizeGreaterThan(KILLS / 2);
            assertThat(writtenWhenKilled).as("kills landed in the middle of syncing, not only before it started")
                    .anySatisfy(n -> assertThat(n).isBetween(1, ORDERS - 1));
            assertThat(target.countsByNumber()).hasSize(ORDERS).allSatisfy((number, count) ->
                    assertThat(count).as("order %s written once", number).isEqualTo(1L));
            try (StateStore s = store.get()) {
                assertThat(s.retryQueue("orders", 10)).isEmpty();
            }
        }
    }

    private Process start(String storeSpec, CrashTarget target) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classpath, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                CrashChild.class.getName(), storeSpec, target.baseUrl(), String.valueOf(ORDERS))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.resolve("child.log").toString())))
                .start();
    }
}

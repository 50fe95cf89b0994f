package io.possync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.Cursor;
import io.possync.api.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends StateStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StateStore newStore() {
        return JdbcStateStore.sqlite(dir.resolve("state-" + System.nanoTime() + ".db"));
    }

    @Test
    void stateSurvivesReopeningTheFile() {
        Path file = dir.resolve("kept.db");
        try (StateStore first = JdbcStateStore.sqlite(file)) {
            first.commit(new PageCommit("orders", Optional.empty(), List.of(), List.of(), List.of(),
                    Optional.of(Cursor.of("99"))), t0);
        }

        try (StateStore again = JdbcStateStore.sqlite(file)) {
            assertThat(again.cursor("orders")).contains(Cursor.of("99"));
        }
    }

    @Test
    void aCorruptFileIsAClearErrorNamingThePath() throws Exception {
        Path file = dir.resolve("corrupt.db");
        Files.write(file, "this is not a database, just some text that happens to be long enough".repeat(100).getBytes());

        assertThatThrownBy(() -> JdbcStateStore.sqlite(file))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a database");
    }

    @Test
    void aReadOnlyDirectoryIsAClearErrorNamingThePath() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path file = readOnly.resolve("state.db");
        boolean runningAsRoot = Files.isWritable(readOnly);
        try {
            if (runningAsRoot) {
                // root ignores permission bits; a path under a regular file cannot be created by anyone.
                Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
                file = notADirectory.resolve("state.db");
            }
            Path target = file;
            assertThatThrownBy(() -> JdbcStateStore.sqlite(target))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining(target.getParent().toString());
            assertThat(Files.exists(target)).isFalse();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefused() throws Exception {
        Path file = dir.resolve("newer.db");
        JdbcStateStore.sqlite(file).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("INSERT INTO possync_schema (version) VALUES (99)");
        }

        assertThatThrownBy(() -> JdbcStateStore.sqlite(file))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining(file.toString());
    }

    @Test
    void twoStoresOnOneFileSeeEachOthersCommits() {
        Path file = dir.resolve("shared.db");
        try (StateStore a = JdbcStateStore.sqlite(file); StateStore b = JdbcStateStore.sqlite(file)) {
            a.commit(new PageCommit("orders", Optional.empty(), List.of(), List.of(), List.of(), Optional.of(Cursor.of("7"))), t0);

            assertThat(b.cursor("orders")).contains(Cursor.of("7"));
        }
    }
}

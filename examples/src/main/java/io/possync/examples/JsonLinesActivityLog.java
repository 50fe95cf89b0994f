package io.possync.examples;

import io.possync.api.internal.Json;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The activity log as JSON lines, one event per line: what came from where and went where. The
 * engine redacts personal data in events by default (e-mail addresses become pseudonyms), so the
 * file holds none.
 */
final class JsonLinesActivityLog implements SyncListener, AutoCloseable {

    private final BufferedWriter writer;

    JsonLinesActivityLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the activity log " + file, e);
        }
    }

    @Override
    public synchronized void onEvent(SyncEvent event) {
        try {
            writer.write(Json.MAPPER.writeValueAsString(event));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

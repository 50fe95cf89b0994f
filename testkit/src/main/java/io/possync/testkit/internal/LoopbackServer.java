package io.possync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.possync.api.internal.Json;
import io.possync.testkit.ReceivedWrite;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server a sandbox answers on: 127.0.0.1, a free port, daemon threads; and the small HTTP chores sandboxes share. */
public final class LoopbackServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY every answer of the JDK server waits for a delayed ACK (about 40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ReceivedWrite> writes;
    private final java.util.concurrent.atomic.AtomicBoolean recording;

    private LoopbackServer(HttpServer server, ExecutorService executor, List<ReceivedWrite> writes,
                           java.util.concurrent.atomic.AtomicBoolean recording) {
        this.server = server;
        this.executor = executor;
        this.writes = writes;
        this.recording = recording;
    }

    /** From now on keeps every request other than a GET (off by default: a long benchmark would keep them all). */
    public void recordWrites() {
        recording.set(true);
    }

    /** Every request other than a GET received while recording, in order (the body as UTF-8 text). */
    public List<ReceivedWrite> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** Starts serving every path with {@code handler} on {@code threads} threads named {@code name}. */
    public static LoopbackServer start(String name, int threads, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            List<ReceivedWrite> writes = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean recording = new java.util.concurrent.atomic.AtomicBoolean();
            server.createContext("/", exchange -> {
                if (recording.get() && !exchange.getRequestMethod().equals("GET")) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    synchronized (writes) {
                        writes.add(new ReceivedWrite(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                                new String(body, StandardCharsets.UTF_8)));
                    }
                    exchange.setStreams(new ByteArrayInputStream(body), null);
                }
                handler.handle(exchange);
            });
            server.start();
            return new LoopbackServer(server, executor, writes, recording);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + name + " could not start", e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A query string or form body as a map, decoded, in order. */
    public static Map<String, String> parseForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Answers 200 with a body that is not JSON, as a broken proxy would. */
    public static void sendMalformed(HttpExchange exchange) throws IOException {
        byte[] junk = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, junk.length);
        exchange.getResponseBody().write(junk);
    }
}

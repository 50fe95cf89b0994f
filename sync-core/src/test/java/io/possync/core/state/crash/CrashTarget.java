package io.possync.core.state.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A sandbox-like target that outlives the child JVMs: it stores every order it is sent, duplicates
 * included (so a test can count them), and finds orders by number. Each request takes a few
 * milliseconds, so kills land in the middle of runs.
 */
final class CrashTarget implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs:
        // about 40 ms per request instead of about 1.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<String> orders = new ArrayList<>();

    CrashTarget() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/orders", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<String> orders() {
        return new ArrayList<>(orders);
    }

    synchronized Map<String, Long> countsByNumber() {
        return orders.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(3);
            if (exchange.getRequestMethod().equals("POST")) {
                String number = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
                int id;
                synchronized (this) {
                    orders.add(number);
                    id = orders.size();
                }
                reply(exchange, 201, "{\"id\":\"" + id + "\"}");
            } else {
                String query = exchange.getRequestURI().getRawQuery();
                String number = URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
                int index;
                synchronized (this) {
                    index = orders.indexOf(number);
                }
                if (index < 0) {
                    reply(exchange, 404, "{}");
                } else {
                    reply(exchange, 200, "{\"id\":\"" + (index + 1) + "\"}");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

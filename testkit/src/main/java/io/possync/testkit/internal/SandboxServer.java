package io.possync.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.testkit.Fault;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.SandboxFaults;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every sandbox shares: serving on loopback, the fault schedule, request and throttle counters,
 * the record of received writes, and the frame of each request — counted, served, a failure of the
 * sandbox itself answered 500 in the vendor's error shape, the exchange always closed. A sandbox
 * implements {@link #serve} (authentication, its rate limit, then the API) and {@link #sendError} (its
 * vendor's error body), and calls {@link #drawFault}, {@link #answeredByFault} and {@link #answerLost}
 * around the work of a request:
 *
 * <pre>{@code
 * Optional<Fault> fault = drawFault(write);
 * if (answeredByFault(exchange, fault)) {
 *     return;
 * }
 * JsonNode answer = handle(request);        // the API's work; a write commits here
 * if (answerLost(fault)) {
 *     return;
 * }
 * send(exchange, 200, answer);
 * }</pre>
 */
public abstract class SandboxServer implements AutoCloseable {

    private final LoopbackServer server;
    private final TimeSource time;
    private final SandboxFaults faults = SandboxFaults.create();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();
    private final List<CannedAnswer> canned = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record CannedAnswer(String method, java.util.regex.Pattern path, byte[] body) {
    }

    /** Starts serving on 127.0.0.1 with {@code threads} threads named {@code name}; delays sleep on {@code time}. */
    protected SandboxServer(String name, int threads, TimeSource time) {
        this.time = time;
        this.server = LoopbackServer.start(name, threads, this::dispatch);
    }

    /** The fault schedule. */
    public final SandboxFaults faults() {
        return faults;
    }

    /** Requests received so far (token requests included). */
    public final long requestCount() {
        return requests.get();
    }

    /** Requests received on one endpoint, as the sandbox names them (e.g. {@code /receipts/addBatch}). */
    public final long requestCount(String endpoint) {
        AtomicLong n = byEndpoint.get(endpoint);
        return n == null ? 0 : n.get();
    }

    /** Requests the sandbox's own rate limit refused (not injected faults). */
    public final long throttledCount() {
        return throttled.get();
    }

    /** From now on keeps every request other than a GET for {@link #receivedWrites()}; off by default. */
    public final void recordWrites() {
        server.recordWrites();
    }

    /** The requests other than GETs received since {@link #recordWrites()}, in order. */
    public final List<ReceivedWrite> receivedWrites() {
        return server.writes();
    }

    /**
     * From now on answers {@code method} requests whose path (or path and query, {@code /a?b=c}) matches {@code pathRegex} with {@code json}
     * (status 200), before anything else: to replay an answer as the vendor documented or recorded it
     * through a connector's real path. The last matching answer given wins.
     */
    public final void answerWith(String method, String pathRegex, String json) {
        canned.add(0, new CannedAnswer(method, java.util.regex.Pattern.compile(pathRegex), json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code http://127.0.0.1:port}. */
    protected final String root() {
        return server.root();
    }

    /** Counts a request refused by the sandbox's rate limit. */
    protected final void throttled() {
        throttled.incrementAndGet();
    }

    /** Counts a request on {@code endpoint}, for {@link #requestCount(String)}. */
    protected final void countEndpoint(String endpoint) {
        byEndpoint.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
    }

    /** Answers one request. The exchange is closed afterwards; a {@link RuntimeException} is answered 500. */
    protected abstract void serve(HttpExchange exchange) throws IOException, InterruptedException;

    /** Answers {@code status} with the vendor's error body. */
    protected abstract void sendError(HttpExchange exchange, int status, String message) throws IOException;

    /** The {@code Retry-After} value for {@code delay}: whole seconds (a sandbox whose vendor sends a date overrides it). */
    protected String retryAfter(Duration delay) {
        return String.valueOf(Math.max(1, delay.toSeconds()));
    }

    /** Answers 200 with a body the client cannot parse (a proxy's page by default). */
    protected void sendMalformed(HttpExchange exchange) throws IOException {
        LoopbackServer.sendMalformed(exchange);
    }

    /** This request's fault, if the schedule has one; {@code write} says whether the request changes state. */
    protected final Optional<Fault> drawFault(boolean write) {
        return faults.draw(write);
    }

    /**
     * Answers the faults that replace the answer — an error status (with {@code Retry-After} when the
     * fault has one), a malformed body, a dropped connection — before anything is processed; returns
     * whether it did.
     */
    protected final boolean answeredByFault(HttpExchange exchange, Optional<Fault> fault) throws IOException {
        if (fault.isEmpty()) {
            return false;
        }
        Fault f = fault.get();
        switch (f.kind()) {
            case STATUS -> {
                f.retryAfter().ifPresent(d -> exchange.getResponseHeaders().add("Retry-After", retryAfter(d)));
                sendError(exchange, f.status(), "Injected fault: HTTP " + f.status());
                return true;
            }
            case MALFORMED -> {
                sendMalformed(exchange);
                return true;
            }
            case DROPPED_CONNECTION -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Applies the faults that act once the request was processed: waits a delay; returns whether the
     * answer is lost (the write committed, the connection closes without an answer).
     */
    protected final boolean answerLost(Optional<Fault> fault) throws InterruptedException {
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY) {
            time.sleep(fault.get().delay());
        }
        return fault.isPresent() && fault.get().kind() == Fault.Kind.LOST_RESPONSE;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getRawPath();
        String withQuery = exchange.getRequestURI().getRawQuery() == null ? path : path + "?" + exchange.getRequestURI().getRawQuery();
        for (CannedAnswer answer : canned) {
            if (answer.method().equals(exchange.getRequestMethod())
                    && (answer.path().matcher(path).matches() || answer.path().matcher(withQuery).matches())) {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                }
                return;
            }
        }
        // Not try-with-resources: its catch blocks would run after the exchange is closed, and a 500 must reach the client.
        try {
            serve(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            sendError(exchange, 500, "The sandbox failed: " + e);
        } finally {
            exchange.close();
        }
    }
}

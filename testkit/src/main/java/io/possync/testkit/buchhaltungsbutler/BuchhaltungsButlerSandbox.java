package io.possync.testkit.buchhaltungsbutler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.internal.LoopbackServer;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.buchhaltungsbutler.internal.ButlerBooks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process fake of the BuchhaltungsButler API v1, for tests and demos: outgoing receipts
 * (Belege) with their postings (Buchungen) and debtor accounts, as the vendor's API answers them.
 * Every endpoint is a POST with a JSON body carrying {@code api_key}; HTTP Basic with the API
 * client and secret; {@code {"success":false,"error_code":n,"message":…}} errors with the vendor's
 * per-endpoint codes; batches of at most 50 with partial success ({@code errors[]} beside the
 * created items); the limit of 100 requests per minute per tenant and one receipt batch per 5 seconds
 * (403, error 15 "adding temporarily restricted"); and faults on demand.
 *
 * <pre>{@code
 * try (BuchhaltungsButlerSandbox bb = BuchhaltungsButlerSandbox.builder().start()) {
 *     URI api = bb.apiUri();   // in place of https://webapp.buchhaltungsbutler.de/api/v1/
 *     bb.faults().randomly(0, 0.02, 7);
 *     ... sync ...
 *     assertThat(bb.receipts()).hasSize(1000);
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe. Field names and error codes follow the vendor's
 * Swagger file (v1.9.1) as public clients document it; what it leaves open is marked UNCONFIRMED.
 */
public final class BuchhaltungsButlerSandbox extends SandboxServer {

    /** The VAT options receipt postings accept (the spec's list of 23). */
    public static final Set<String> VAT_OPTIONS = Set.of("0_none", "19_vat", "7_vat", "19_pre", "7_pre", "19_both_1",
            "19_both_506", "19_both_6506", "19_both_511", "19_both_6511", "19_both_6501", "19_both_2", "7_both",
            "19_both_1_no_pre", "19_both_2_no_pre", "7_both_no_pre", "19_pre_app", "7_pre_app", "19_both_app_1",
            "19_both_app_506", "19_both_app_511", "19_both_app_2", "7_both_app");

    private final Builder settings;
    private final ButlerBooks books;
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    private BuchhaltungsButlerSandbox(Builder b) {
        super("buchhaltungsbutler-sandbox", 8, b.time);
        this.settings = b;
        this.books = new ButlerBooks(b.time, b.debtorPosting, b.receiptBatchInterval, b.postingAccounts);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API root, in place of {@code https://webapp.buchhaltungsbutler.de/api/v1/}. */
    public URI apiUri() {
        return URI.create(root() + "/api/v1/");
    }

    /** The API client (HTTP Basic user). */
    public String apiClient() {
        return settings.apiClient;
    }

    /** The API secret (HTTP Basic password). */
    public String apiSecret() {
        return settings.apiSecret;
    }

    /** The tenant's api_key. */
    public String apiKey() {
        return settings.apiKey;
    }

    /**
     * Copies of the receipts not deleted, oldest first, each with its {@code postings}: objects with
     * {@code postingaccount}, {@code vat} (the option as sent), {@code amount}, {@code postingtext}
     * and {@code debtor}.
     */
    public List<ObjectNode> receipts() {
        return books.receipts();
    }

    /** Copies of the debtor accounts, by account number. */
    public List<ObjectNode> debtors() {
        return books.debtors();
    }

    /**
     * Adds a debtor account given as plain Java values (strings, numbers, booleans, lists, maps), e.g.
     * {@code seedDebtor(Map.of("postingaccount_number", "10000", "name", "Barverkauf"))}.
     */
    public ObjectNode seedDebtor(Map<String, ?> debtor) {
        return books.seedDebtor(debtor);
    }

    /** Adds a debtor account (needs {@code postingaccount_number} and {@code name}). */
    public ObjectNode seedDebtor(ObjectNode debtor) {
        return books.seedDebtor(debtor);
    }

    /** The uniform verb: adds a record of {@code kind} ({@code debtors}); see {@link #seedDebtor(Map)}. */
    public ObjectNode seed(String kind, Map<String, ?> record) {
        if (!kind.equals("debtors")) {
            throw new IllegalArgumentException("BuchhaltungsButler's sandbox seeds debtors only, not " + kind);
        }
        return seedDebtor(record);
    }

    /** The uniform verb: copies of the records of {@code kind} ({@code debtors}, {@code receipts}). */
    public List<ObjectNode> records(String kind) {
        return switch (kind) {
            case "debtors" -> debtors();
            case "receipts" -> receipts();
            default -> throw new IllegalArgumentException("BuchhaltungsButler's sandbox keeps debtors and receipts, not " + kind);
        };
    }

    /** The uniform verb: changes one field of a record of {@code kind} ({@code debtors}, by account number) as a user would. */
    public void modify(String kind, String id, String field, JsonNode value) {
        if (!kind.equals("debtors")) {
            throw new IllegalArgumentException("BuchhaltungsButler's sandbox changes debtors only, not " + kind);
        }
        books.modifyDebtor(id, field, value);
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (!path.startsWith("/api/v1/")) {
            send(exchange, 404, error(0, "no such endpoint: " + path));
            return;
        }
        String endpoint = path.substring("/api/v1".length());
        countEndpoint(endpoint);
        if (!exchange.getRequestMethod().equals("POST")) {
            send(exchange, 405, error(2, "Api method calls require POST requests"));
            return;
        }
        if (!basicAuthOk(exchange)) {
            send(exchange, 401, error(3, "API credentials unknown or invalid"));
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            send(exchange, 400, error(23, "no post and files content received or declined"));
            return;
        }
        if (body == null || !body.path("api_key").asText("").equals(settings.apiKey)) {
            send(exchange, 401, error(4, "customer not found or invalid api client for customer or insufficient privileges"));
            return;
        }
        if (!withinLimit()) {
            throttled();
            // UNCONFIRMED: the status and code BuchhaltungsButler answers past 100 requests a minute; public
            // clients treat it as HTTP 429 without Retry-After, as here.
            send(exchange, 429, error(0, "too many requests"));
            return;
        }
        boolean write = endpoint.contains("/add") || endpoint.contains("/update");
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        int status = 200;
        JsonNode answer;
        try {
            answer = books.handle(endpoint, body);
        } catch (ButlerBooks.ApiError e) {
            if (e.status == 403 && e.code == 15) {
                throttled();   // the receipt batch's pacing
            }
            status = e.status;
            answer = error(e.code, e.getMessage());
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, status, answer);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, error(0, "error while processing the request"));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LoopbackServer.sendJson(exchange, status, body);
    }

    private static ObjectNode error(int code, String message) {
        return Json.MAPPER.createObjectNode().put("success", false).put("error_code", code).put("message", message);
    }

    private boolean basicAuthOk(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return decoded.equals(settings.apiClient + ":" + settings.apiSecret);
    }

    private boolean withinLimit() {
        synchronized (window) {
            long now = settings.time.nanoTime();
            long minute = Duration.ofMinutes(1).toNanos();
            while (!window.isEmpty() && now - window.peekFirst() >= minute) {
                window.pollFirst();
            }
            if (window.size() >= settings.requestsPerMinute) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }


    /** Builds a {@link BuchhaltungsButlerSandbox}. */
    public static final class Builder {
        private String apiClient = "possync-client";
        private String apiSecret = "bb-sandbox-secret";
        private String apiKey = "bb-sandbox-tenant-key";
        private int requestsPerMinute = 100;
        private Duration receiptBatchInterval = Duration.ofSeconds(5);
        private boolean debtorPosting = true;
        private Set<Integer> postingAccounts = defaultAccounts();
        private TimeSource time = TimeSource.system();

        private Builder() {
        }

        private static Set<Integer> defaultAccounts() {
            Set<Integer> accounts = new java.util.HashSet<>();
            for (int a = 8000; a <= 8999; a++) {
                accounts.add(a);
            }
            for (int a = 4000; a <= 4999; a++) {
                accounts.add(a);
            }
            return accounts;
        }

        /** The API client and secret HTTP Basic must carry. */
        public Builder credentials(String apiClient, String apiSecret) {
            this.apiClient = apiClient;
            this.apiSecret = apiSecret;
            return this;
        }

        /** The tenant's api_key every body must carry. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Requests per minute before 429 (default 100). */
        public Builder requestsPerMinute(int n) {
            this.requestsPerMinute = n;
            return this;
        }

        /** The least time between two receipt batches (default 5 s). */
        public Builder receiptBatchInterval(Duration d) {
            this.receiptBatchInterval = d;
            return this;
        }

        /** Whether the tenant has debtor posting on (default true); without it receipt postings are refused. */
        public Builder debtorPosting(boolean on) {
            this.debtorPosting = on;
            return this;
        }

        /** The posting accounts that exist (default 4000–4999 and 8000–8999, SKR03 expense and revenue). */
        public Builder postingAccounts(Set<Integer> accounts) {
            this.postingAccounts = Set.copyOf(accounts);
            return this;
        }

        /** The clock for the rate limit, the batch pacing and time stamps. */
        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        /** Starts the sandbox. */
        public BuchhaltungsButlerSandbox start() {
            return new BuchhaltungsButlerSandbox(this);
        }
    }
}

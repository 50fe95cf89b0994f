package io.possync.testkit.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.businesscentral.internal.SandboxApi;
import io.possync.testkit.internal.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An in-process fake of Microsoft Dynamics 365 Business Central's API v2.0, for tests and demos:
 * one company with customers, items (and their pictures), sales invoices and sales orders (with lines), answering in the
 * shapes of the real API. It keeps state (a created customer is found by e-mail afterwards), assigns
 * numbers from number series, issues etags and enforces {@code If-Match}, supports deep insert and
 * JSON {@code $batch} (with {@code Isolation: snapshot}), issues OAuth2 client-credentials tokens (or
 * accepts HTTP Basic with a web-service key, as on-premises servers do), enforces the per-user limit
 * (6,000 requests per 5 minutes, 5 concurrent) with 429s, and injects faults on demand.
 *
 * <pre>{@code
 * try (BusinessCentralSandbox bc = BusinessCentralSandbox.builder().pageSize(50).start()) {
 *     bc.seed("items", item);                               // data the ERP already has
 *     bc.faults().next(Fault.status(429));                  // the next request is throttled
 *     URI api = bc.apiUri();                                // .../v2.0/{tenant}/{environment}/api/v2.0/
 *     ...
 *     assertThat(bc.rows("customers")).hasSize(3);
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe; requests are served concurrently up to the
 * concurrency cap, state changes one at a time. Behaviour follows the facts in
 * {@code connector-businesscentral/FACTS.md}; what they mark UNCONFIRMED is modelled the plausible way
 * and noted in the code.
 */
public final class BusinessCentralSandbox extends SandboxServer {

    private static final java.util.regex.Pattern PICTURE =
            java.util.regex.Pattern.compile("companies\\(([^)]+)\\)/items\\(([^)]+)\\)/picture(?:/pictureContent)?");

    private final Builder settings;
    private final SandboxApi api;
    private final io.possync.testkit.businesscentral.internal.CustomPostingPages customPages;
    private final io.possync.testkit.businesscentral.internal.VariantStockPages variantStock;
    private final Semaphore concurrency;
    private final Map<String, Long> tokens = new HashMap<>();
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    private BusinessCentralSandbox(Builder b) throws IOException {
        super("bc-sandbox", 16, io.possync.api.http.TimeSource.system());
        this.settings = b;
        this.api = new SandboxApi(b.companyId, b.companyName, b.clock, b.pageSize);
        if (b.apiVersion.equals("v1.0")) {
            api.wire(new io.possync.testkit.businesscentral.internal.V1Wire());
        }
        this.variantStock = new io.possync.testkit.businesscentral.internal.VariantStockPages(api, b.companyId, b.pageSize,
                () -> root() + "/v2.0/" + b.tenant + "/" + b.environment + "/api/" + b.customRoute + "/");
        this.customPages = new io.possync.testkit.businesscentral.internal.CustomPostingPages(api, b.companyId,
                b.extensionFields, variantStock);
        this.concurrency = new Semaphore(b.maxConcurrent);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API root, as a cloud connector builds it: {@code http://127.0.0.1:port/v2.0/{tenant}/{environment}/api/v2.0/} (or v1.0). */
    public URI apiUri() {
        return URI.create(root() + "/v2.0/" + settings.tenant + "/" + settings.environment + "/api/" + settings.apiVersion + "/");
    }

    /**
     * The posting groups a custom API page set on a customer's or item's row ({@code table}
     * {@code customers} or {@code items}), if any; needs {@link Builder#customApi}.
     */
    public java.util.Optional<ObjectNode> postingGroups(String table, String id) {
        return customPages.groups(table, id);
    }

    /** The host a cloud connector talks to (in place of {@code https://api.businesscentral.dynamics.com}). */
    public URI apiHost() {
        return URI.create(root());
    }

    /** The token endpoint host (in place of {@code https://login.microsoftonline.com}). */
    public URI loginHost() {
        return URI.create(root());
    }

    /** The tenant id in URLs. */
    public String tenant() {
        return settings.tenant;
    }

    /** The environment name in URLs. */
    public String environment() {
        return settings.environment;
    }

    /** The company's id. */
    public String companyId() {
        return settings.companyId;
    }

    /** The company's name. */
    public String companyName() {
        return settings.companyName;
    }

    /** The OAuth2 client id the token endpoint accepts. */
    public String clientId() {
        return settings.clientId;
    }

    /** The OAuth2 client secret the token endpoint accepts. */
    public String clientSecret() {
        return settings.clientSecret;
    }

    /**
     * Posts stock for variant {@code code} of item {@code itemNumber} (an item ledger entry of {@code delta}): the variant's
     * stock on the custom route's {@code itemStockLevels} and the item's {@code inventory} move; needs {@link Builder#customApi}.
     */
    public void postVariantStock(String itemNumber, String code, long delta) {
        variantStock.post(itemNumber, code, delta);
    }

    /** The stock of variant {@code code} of item {@code itemNumber}. */
    public long variantStock(String itemNumber, String code) {
        return variantStock.quantity(itemNumber, code);
    }

    /**
     * Posts a shipment of everything left on sales order {@code orderId}, as a user in the client does (the API has no
     * "ship only" action): a {@code salesShipments} row naming the order by {@code orderNumber}; the order is then
     * {@code fullyShipped}. Returns the shipment.
     */
    public ObjectNode postShipment(String orderId) {
        return api.postShipment(orderId, Map.of());
    }

    /** Posts a shipment of {@code quantities} (item number → quantity) of sales order {@code orderId}; returns it. */
    public ObjectNode postShipment(String orderId, Map<String, java.math.BigDecimal> quantities) {
        return api.postShipment(orderId, Map.copyOf(quantities));
    }

    /**
     * Ships what is left of sales order {@code orderId}, posts its invoice ({@code orderId}, {@code orderNumber}) and
     * removes the order, as {@code Microsoft.NAV.shipAndInvoice} does.
     */
    public void shipAndInvoice(String orderId) {
        api.shipAndInvoice(orderId);
    }

    /**
     * Copies of the rows of an entity set ({@code customers}, {@code items}, {@code salesInvoices}, {@code salesOrders},
     * {@code salesShipments}).
     */
    public List<ObjectNode> rows(String entitySet) {
        return api.rows(entitySet);
    }

    /**
     * Adds a row the ERP already has, given as plain Java values (strings, numbers, booleans, lists,
     * maps), e.g. {@code seed("items", Map.of("number", "1896-S", "displayName", "ATHENS Desk"))}.
     */
    public ObjectNode seed(String entitySet, Map<String, ?> row) {
        return seed(entitySet, Json.MAPPER.<ObjectNode>valueToTree(row));
    }

    /** Adds a row the ERP already has; returns it with id, number, etag and modification time. */
    public ObjectNode seed(String entitySet, ObjectNode row) {
        return api.seed(entitySet, row);
    }

    /** Deletes a row, as a user in the client would. */
    public void delete(String entitySet, String id) {
        api.remove(entitySet, id);
    }

    /** Changes one field of a row, as a user in the client would. */
    public void modify(String entitySet, String id, String field, JsonNode value) {
        api.modify(entitySet, id, field, value);
    }

    // ------------------------------------------------------------------ HTTP

    /** Whether {@code body} is a {@code $batch} of GETs only: a read, for fault drawing. */
    private static boolean readsOnly(String path, byte[] body) {
        if (!path.endsWith("/$batch")) {
            return false;
        }
        try {
            JsonNode requests = Json.MAPPER.readTree(body).path("requests");
            for (JsonNode r : requests) {
                if (!r.path("method").asText("GET").equals("GET")) {
                    return false;
                }
            }
            return requests.size() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
            token(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        String apiBase = "/v2.0/" + settings.tenant + "/" + settings.environment + "/api/";
        boolean custom = settings.customRoute != null && path.startsWith(apiBase + settings.customRoute + "/");
        String prefix = apiBase + (custom ? settings.customRoute : settings.apiVersion) + "/";
        if (!path.startsWith(prefix)) {
            send(exchange, SandboxApi.error(404, "BadRequest_ResourceNotFound", "No such endpoint: " + path));
            return;
        }
        Optional<String> user = authenticate(exchange);
        if (user.isEmpty()) {
            send(exchange, SandboxApi.error(401, "Authentication_InvalidCredentials",
                    "The server has rejected the client credentials."));
            return;
        }
        if (!withinRate()) {
            throttled();
            // Whether Business Central sends Retry-After on 429 is UNCONFIRMED (connector-businesscentral/FACTS.md §7); none is sent.
            send(exchange, SandboxApi.error(429, "TooManyRequests", "The request was throttled."));
            return;
        }
        boolean write = !exchange.getRequestMethod().equals("GET") && !readsOnly(path, body);
        // requestCount("GET itemVariants"), requestCount("POST $batch"): the method and the last entity set of the path
        String entitySet = path.substring(prefix.length()).replaceAll("\\([^)]*\\)", "").replaceAll(".*/", "");
        countEndpoint(exchange.getRequestMethod() + " " + entitySet);
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.CONCURRENT_EDIT) {
            api.touchAll();
        }
        if (!concurrency.tryAcquire(8, TimeUnit.SECONDS)) {
            send(exchange, SandboxApi.error(503, "ServiceUnavailable", "The request waited too long in the queue."));
            return;
        }
        SandboxApi.Response response;
        try {
            String relative = path.substring(prefix.length());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            java.util.regex.Matcher picture = PICTURE.matcher(relative);
            if (custom) {
                response = relative.equals("$batch") ? customPages.batch(parseBody(body))
                        : customPages.handle(exchange.getRequestMethod(), relative,
                        SandboxApi.parseQuery(exchange.getRequestURI().getRawQuery()), headers, parseBody(body));
            } else if (picture.matches()) {
                response = api.picture(exchange.getRequestMethod(), picture.group(2), headers, body);
            } else if (relative.equals("$batch")) {
                response = api.batch(parseBody(body), "snapshot".equalsIgnoreCase(headers.get("isolation")));
            } else {
                response = api.handle(new SandboxApi.Request(exchange.getRequestMethod(), relative,
                        SandboxApi.parseQuery(exchange.getRequestURI().getRawQuery()), headers, parseBody(body)));
            }
        } finally {
            concurrency.release();
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, response);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        String code = switch (status) {
            case 429 -> "TooManyRequests";
            case 500 -> "Internal_ServerError";
            default -> "ServiceUnavailable";
        };
        send(exchange, SandboxApi.error(status, code, message));
    }

    private static JsonNode parseBody(byte[] body) {
        try {
            return body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode("<invalid json>");
        }
    }

    private Optional<String> authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (header.startsWith("Bearer ")) {
            Long expires = tokens.get(header.substring(7));
            return expires != null && expires > settings.clock.millis() ? Optional.of(settings.clientId) : Optional.empty();
        }
        if (header.startsWith("Basic ") && settings.webServiceUser != null) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            return decoded.equals(settings.webServiceUser + ":" + settings.webServiceKey)
                    ? Optional.of(settings.webServiceUser) : Optional.empty();
        }
        return Optional.empty();
    }

    private synchronized boolean withinRate() {
        long now = settings.windowTime.nanoTime();
        long windowNanos = settings.window.toNanos();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.pollFirst();
        }
        if (window.size() >= settings.maxRequests) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = SandboxApi.parseQuery(form);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (!settings.clientId.equals(fields.get("client_id")) || !settings.clientSecret.equals(fields.get("client_secret"))) {
            body.put("error", "invalid_client").put("error_description", "AADSTS7000215: Invalid client secret provided.");
            send(exchange, new SandboxApi.Response(401, Map.of(), body));
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            tokens.put(token, settings.clock.millis() + settings.tokenLifetime.toMillis());
        }
        body.put("token_type", "Bearer").put("expires_in", settings.tokenLifetime.toSeconds())
                .put("ext_expires_in", settings.tokenLifetime.toSeconds()).put("access_token", token);
        send(exchange, new SandboxApi.Response(200, Map.of(), body));
    }

    private static void send(HttpExchange exchange, SandboxApi.Response r) throws IOException {
        r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (r.body() == null) {
            exchange.sendResponseHeaders(r.status(), -1);
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(r.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json; odata.metadata=minimal");
        exchange.getResponseHeaders().add("OData-Version", "4.0");
        exchange.sendResponseHeaders(r.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Builds and starts a {@link BusinessCentralSandbox}. */
    public static final class Builder {
        private String tenant = "00000000-0000-0000-0000-0000000000aa";
        private String environment = "sandbox";
        private String companyId = "5d115c9c-44e3-ea11-bb43-000d3a2feca1";
        private String companyName = "CRONUS International Ltd.";
        private String clientId = "possync-sandbox-client";
        private String clientSecret = "sandbox-secret";
        private String webServiceUser;
        private String webServiceKey;
        private int pageSize = 100;
        private int maxRequests = 6000;
        private Duration window = Duration.ofMinutes(5);
        private int maxConcurrent = 5;
        private Duration tokenLifetime = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private io.possync.api.http.TimeSource windowTime = io.possync.api.http.TimeSource.system();
        private String apiVersion = "v2.0";
        private String customRoute;
        private final Map<String, java.util.Set<String>> extensionFields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The standard API served: {@code v2.0} (default) or {@code v1.0}, Business Central 14–16's, with
         * its complex addresses, {@code itemId}/{@code lineDetails} lines, no {@code in} filters and
         * without the entity sets v1.0 lacks (contacts, itemVariants, locations).
         */
        public Builder apiVersion(String version) {
            if (!version.equals("v2.0") && !version.equals("v1.0")) {
                throw new IllegalArgumentException("the sandbox serves v1.0 or v2.0, not " + version);
            }
            this.apiVersion = version;
            return this;
        }

        /**
         * Also serves a partner extension's custom API pages at {@code /api/{publisher}/{group}/{version}}:
         * {@code customerPostingGroups} and {@code itemPostingGroups}, keyed by the customer's or item's id.
         */
        public Builder customApi(String publisher, String group, String version) {
            this.customRoute = publisher + "/" + group + "/" + version;
            return this;
        }

        /**
         * A field a partner's table extension adds to {@code customers} or {@code items} (a text of up to 250 characters),
         * carried under its own name by the custom API page over that table; needs {@link #customApi}.
         *
         * <pre>{@code
         * BusinessCentralSandbox.builder().customApi("contoso", "possync", "v1.0").extensionField("items", "countryOfOrigin")
         * }</pre>
         */
        public Builder extensionField(String table, String field) {
            if (!table.equals("customers") && !table.equals("items")) {
                throw new IllegalArgumentException("extension fields are on customers or items, not " + table);
            }
            extensionFields.computeIfAbsent(table, t -> new java.util.LinkedHashSet<>()).add(Objects.requireNonNull(field, "field"));
            return this;
        }

        /** Server page size before {@code @odata.nextLink} (default 100; the real one is 20,000). */
        public Builder pageSize(int n) {
            this.pageSize = n;
            return this;
        }

        /** The rate limit per user (default 6,000 per 5 minutes). */
        public Builder rateLimit(int maxRequests, Duration window) {
            this.maxRequests = maxRequests;
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Requests processed at once (default 5; more wait in a queue). */
        public Builder maxConcurrent(int n) {
            this.maxConcurrent = n;
            return this;
        }

        /** The OAuth2 client the token endpoint accepts. */
        public Builder client(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** Also accepts HTTP Basic with this user and web-service access key (on-premises mode). */
        public Builder webServiceUser(String user, String key) {
            this.webServiceUser = Objects.requireNonNull(user, "user");
            this.webServiceKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Lifetime of issued tokens (default 1 hour). */
        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = Objects.requireNonNull(d, "tokenLifetime");
            return this;
        }

        /** The clock for modification times and token expiry. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The time the rate-limit window runs on (share a {@code ScaledTime} with the client's limiter). */
        public Builder rateLimitTime(io.possync.api.http.TimeSource time) {
            this.windowTime = Objects.requireNonNull(time, "time");
            return this;
        }

        /** The company's id and name. */
        public Builder company(String id, String name) {
            this.companyId = Objects.requireNonNull(id, "id");
            this.companyName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Starts the sandbox on a free loopback port. */
        public BusinessCentralSandbox start() {
            try {
                return new BusinessCentralSandbox(this);
            } catch (IOException e) {
                throw new IllegalStateException("the Business Central sandbox could not start", e);
            }
        }
    }
}

package io.possync.testkit.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.internal.LoopbackServer;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.lightspeed.internal.Quirks;
import io.possync.testkit.lightspeed.internal.RetailStore;
import io.possync.testkit.internal.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of Lightspeed Retail (R-Series) API V3, for tests and demos: one account with
 * shops, items (with prices, per-shop stock and matrices), categories, customers (with contacts)
 * and sales (with lines and payments), answering in the real API's shapes — every scalar a string,
 * a one-element list an object. It keeps state (a created customer is found by e-mail afterwards),
 * filters by field with V3 operators ({@code timeStamp=>,…}, {@code customSku=IN,[…]}), sorts, pages
 * with {@code after} cursors in {@code @attributes.next}, loads only the relations asked for, issues
 * and rotates OAuth2 refresh tokens, enforces the per-account leaky bucket (GET 1 unit, writes 10;
 * {@code X-LS-API-Bucket-Level} and {@code X-LS-API-Drip-Rate} on every answer; 429 when full),
 * and injects faults on demand.
 *
 * <pre>{@code
 * try (LightspeedSandbox pos = LightspeedSandbox.builder().shop("Amsterdam").start()) {
 *     ObjectNode item = pos.seed("Item", Json.MAPPER.readTree("{\"description\":\"Mug\",\"customSku\":\"MUG-1\"}"));
 *     pos.faults().next(Fault.status(429));
 *     URI api = pos.apiUri();                 // http://127.0.0.1:port/API/V3/
 *     URI token = pos.tokenUri();             // http://127.0.0.1:port/auth/oauth/token
 *     ...
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe: requests are served concurrently, state changes
 * one at a time. What the public documentation leaves open is marked UNCONFIRMED in the code.
 */
public final class LightspeedSandbox extends SandboxServer {

    private static final Pattern COLLECTION = Pattern.compile("/API/V3/Account/([^/]+)/([A-Za-z]+)\\.json");
    private static final Pattern ONE = Pattern.compile("/API/V3/Account/([^/]+)/([A-Za-z]+)/(\\d+)\\.json");
    private static final Pattern CUSTOM_FIELDS = Pattern.compile("/API/V3/Account/([^/]+)/(Item|Customer)/CustomField\\.json");
    private static final Pattern IMAGE_UPLOAD = Pattern.compile("/API/V3/Account/([^/]+)/Item/(\\d+)/Image\\.json");

    private final Builder settings;
    private final RetailStore store;
    private final io.possync.testkit.lightspeed.internal.CustomFieldDefinitions customFields =
            new io.possync.testkit.lightspeed.internal.CustomFieldDefinitions();
    private final TokenIssuer tokens;
    private final AtomicLong writes = new AtomicLong();
    private final Map<String, byte[]> images = new java.util.concurrent.ConcurrentHashMap<>();
    private double level;
    private long levelAt;

    private LightspeedSandbox(Builder b) throws IOException {
        super("lightspeed-sandbox", 8, b.time);
        this.settings = b;
        this.store = new RetailStore(b.time::now);
        this.tokens = new TokenIssuer(b.refreshToken, b.rotateRefreshTokens, b.tokenLifetime, b.time);
        this.levelAt = b.time.nanoTime();
        seedReferenceData();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API root ({@code http://127.0.0.1:port/API/V3/}), in place of {@code https://api.lightspeedapp.com/API/V3/}. */
    public URI apiUri() {
        return URI.create(root() + "/API/V3/");
    }

    /** The token endpoint, in place of {@code https://cloud.lightspeedapp.com/auth/oauth/token}. */
    public URI tokenUri() {
        return URI.create(root() + "/auth/oauth/token");
    }

    /** The account's numeric id. */
    public String accountId() {
        return settings.accountId;
    }

    /** The OAuth2 client id the token endpoint accepts. */
    public String clientId() {
        return settings.clientId;
    }

    /** The OAuth2 client secret the token endpoint accepts. */
    public String clientSecret() {
        return settings.clientSecret;
    }

    /** The refresh token the merchant's authorisation produced (valid until first used, when rotating). */
    public String initialRefreshToken() {
        return settings.refreshToken;
    }

    /** Every refresh token issued so far, the initial one first. */
    public List<String> issuedRefreshTokens() {
        return tokens.issued();
    }

    /** Write requests (POST, PUT, DELETE) that reached the API. */
    public long writeCount() {
        return writes.get();
    }

    /** Makes every access token issued so far invalid, as an expiry would: the next request gets 401. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /**
     * Adds a record given as plain Java values (strings, numbers, booleans, lists, maps) in the vendor's
     * field names, e.g. {@code seed(resource, Map.of("description", "Mug"))}; see {@link #seed(String, JsonNode)}.
     */
    public ObjectNode seed(String resource, Map<String, ?> record) {
        return seed(resource, Json.MAPPER.<JsonNode>valueToTree(record));
    }

    /** Adds a record the account already has (stored form: lists as arrays); returns it with id and time stamp. */
    public synchronized ObjectNode seed(String resource, JsonNode record) {
        requireKnown(resource);
        return store.create(resource, record);
    }

    /**
     * Defines a text custom field {@code name} on {@code Item} or {@code Customer}, listed at {@code Item/CustomField.json};
     * returns its {@code customFieldID}. A create or update sets its value through {@code CustomFieldValues}:
     * {@code sandbox.customField("Item", "Origin")}.
     */
    public String customField(String resource, String name) {
        return customFields.define(resource, name);
    }

    /** Copies of the stored records of {@code resource} (relations embedded as stored). */
    public synchronized List<ObjectNode> records(String resource) {
        requireKnown(resource);
        return store.all(resource);
    }

    /** Changes one field of a record, as a user at the till would; its {@code timeStamp} moves to now. */
    public synchronized void modify(String resource, String id, String field, String value) {
        requireKnown(resource);
        store.modify(resource, id, field, value);
    }

    /**
     * Sets one field of a record to any JSON value — also one Lightspeed would never send, to see how a
     * connector copes with a malformed record — and moves its {@code timeStamp} to now.
     */
    public synchronized void modify(String resource, String id, String field, JsonNode value) {
        requireKnown(resource);
        store.modify(resource, id, field, value);
    }

    /** The shops' ids, in the order they were added. */
    public synchronized List<String> shopIds() {
        return store.all("Shop").stream().map(s -> s.path("shopID").asText()).toList();
    }

    private static void requireKnown(String resource) {
        if (!RetailStore.knows(resource)) {
            throw new IllegalArgumentException("the sandbox has no resource '" + resource + "'");
        }
    }

    private void seedReferenceData() {
        for (String shop : settings.shops) {
            store.create("Shop", Json.MAPPER.createObjectNode().put("name", shop).put("timeZone", "Europe/Amsterdam"));
        }
        store.create("Employee", Json.MAPPER.createObjectNode().put("firstName", "API").put("lastName", "User"));
        store.create("Register", Json.MAPPER.createObjectNode().put("name", "Register 1").put("shopID", "1"));
        for (String[] type : new String[][] {{"Cash", "cash"}, {"Credit Card", "credit card"}, {"Debit Card", "debit card"},
                {"Gift Card", "gift card"}}) {
            store.create("PaymentType", Json.MAPPER.createObjectNode().put("name", type[0]).put("type", type[1]));
        }
        store.create("TaxClass", Json.MAPPER.createObjectNode().put("name", "Item"));
        store.create("ItemAttributeSet", Json.MAPPER.createObjectNode().put("name", "Color/Size")
                .put("attributeName1", "Color").put("attributeName2", "Size").put("attributeName3", ""));
        store.create("ItemAttributeSet", Json.MAPPER.createObjectNode().put("name", "Size")
                .put("attributeName1", "Size").put("attributeName2", "").put("attributeName3", ""));
        store.create("ItemAttributeSet", Json.MAPPER.createObjectNode().put("name", "Color")
                .put("attributeName1", "Color").put("attributeName2", "").put("attributeName3", ""));
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/auth/oauth/token")) {
            token(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        if (method.equals("GET") && path.startsWith("/images/")) {
            byte[] image = images.get(path.substring("/images/".length()));
            if (image == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, image.length);
                exchange.getResponseBody().write(image);
            }
            return;
        }
        if (!authenticated(exchange)) {
            send(exchange, 401, error(401, "Unauthorized", "Invalid access token."));
            return;
        }
        boolean write = !method.equals("GET");
        if (!withinBucket(exchange, write ? 10 : 1)) {
            throttled();
            send(exchange, 429, error(429, "Too Many Requests", "Rate Limit Exceeded: Please retry later."));
            return;
        }
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        int status;
        JsonNode answer;
        try {
            Matcher upload = IMAGE_UPLOAD.matcher(path);
            answer = upload.matches() && method.equals("POST")
                    ? uploadImage(upload.group(1), upload.group(2), exchange.getRequestHeaders().getFirst("Content-Type"), body)
                    : handle(method, path, parseQuery(exchange.getRequestURI().getRawQuery()), body);
            status = 200;
            if (write) {
                writes.incrementAndGet();
            }
        } catch (RetailStore.ApiError e) {
            status = e.status();
            answer = error(e.status(), e.status() == 404 ? "Not Found" : "Bad Request", e.getMessage());
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, status, answer);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        String title = switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Service Unavailable";
        };
        send(exchange, status, error(status, title, message));
    }

    private JsonNode handle(String method, String path, Map<String, String> query, byte[] body) {
        if (path.equals("/API/V3/Account.json") && method.equals("GET")) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.putObject("@attributes").put("count", "1");
            out.putObject("Account").put("accountID", settings.accountId).put("name", settings.accountName)
                    .putObject("link").put("@attributes", "/API/V3/Account/" + settings.accountId);
            return out;
        }
        Matcher definitions = CUSTOM_FIELDS.matcher(path);
        if (definitions.matches() && definitions.group(1).equals(settings.accountId)) {
            if (!method.equals("GET")) {
                throw new RetailStore.ApiError(405, method + " is not allowed on " + definitions.group(2) + "/CustomField");
            }
            countEndpoint("GET " + definitions.group(2) + "/CustomField");
            return customFields.list(definitions.group(2));
        }
        Matcher one = ONE.matcher(path);
        Matcher collection = COLLECTION.matcher(path);
        String account;
        String resource;
        if (one.matches()) {
            account = one.group(1);
            resource = one.group(2);
        } else if (collection.matches()) {
            account = collection.group(1);
            resource = collection.group(2);
        } else {
            throw new RetailStore.ApiError(404, "No such endpoint: " + path);
        }
        if (!account.equals(settings.accountId)) {
            throw new RetailStore.ApiError(404, "Account " + account + " not found");
        }
        if (!RetailStore.knows(resource)) {
            throw new RetailStore.ApiError(404, "Unknown resource: " + resource);
        }
        Set<String> relations = relations(query.get("load_relations"));
        synchronized (this) {
            if (one.matches() && resource.equals("Image") && method.equals("DELETE")) {
                countEndpoint("DELETE Image");
                return deleteImage(one.group(3));
            }
            if (one.matches()) {
                String id = one.group(3);
                return switch (method) {
                    case "GET" -> wrap(resource, store.get(resource, id, relations)
                            .orElseThrow(() -> new RetailStore.ApiError(404, resource + " " + id + " not found")));
                    case "PUT" -> wrap(resource, store.get(resource, store.update(resource, id,
                                    customFields.resolve(resource, parse(body), store.get(resource, id, allRelations(resource))))
                            .path(RetailStore.idField(resource)).asText(), allRelations(resource)).orElseThrow());
                    default -> throw new RetailStore.ApiError(405, method + " is not allowed on " + resource + "/" + id);
                };
            }
            return switch (method) {
                case "GET" -> listAnswer(resource, query, relations);
                case "POST" -> wrap(resource, store.get(resource, store.create(resource,
                                customFields.resolve(resource, parse(body), Optional.empty()))
                        .path(RetailStore.idField(resource)).asText(), allRelations(resource)).orElseThrow());
                default -> throw new RetailStore.ApiError(405, method + " is not allowed on " + resource);
            };
        }
    }

    /**
     * {@code POST Item/{id}/Image.json}: multipart form data with a {@code data} part (JSON) and an
     * {@code image} part (the file). The image is then served at {@code /images/{publicID}}.
     */
    private synchronized JsonNode uploadImage(String account, String itemId, String contentType, byte[] body) {
        if (!account.equals(settings.accountId)) {
            throw new RetailStore.ApiError(404, "Account " + account + " not found");
        }
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !contentType.contains("boundary=")) {
            throw new RetailStore.ApiError(400, "An image upload must be multipart/form-data");
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        JsonNode data = Json.MAPPER.createObjectNode();
        byte[] image = null;
        String fileName = "image";
        for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            String headers = part.substring(0, split);
            String content = part.substring(split + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            if (headers.contains("name=\"data\"")) {
                try {
                    data = Json.MAPPER.readTree(content);
                } catch (IOException e) {
                    throw new RetailStore.ApiError(400, "The data part is not JSON");
                }
            } else if (headers.contains("name=\"image\"")) {
                image = content.getBytes(StandardCharsets.ISO_8859_1);
                Matcher name = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                if (name.find()) {
                    fileName = name.group(1);
                }
            }
        }
        if (image == null || image.length == 0) {
            throw new RetailStore.ApiError(400, "The upload has no image part");
        }
        ObjectNode item = store.get("Item", itemId, Set.of("Images"))
                .orElseThrow(() -> new RetailStore.ApiError(404, "Item " + itemId + " not found"));
        String imageId = String.valueOf(images.size() + 1);
        String publicId = itemId + "-" + imageId + "-" + fileName;
        images.put(publicId, image);
        ObjectNode entry = Json.MAPPER.createObjectNode().put("imageID", imageId)
                .put("description", data.path("description").asText("")).put("filename", fileName)
                .put("ordering", data.path("ordering").asText("0")).put("publicID", publicId)
                .put("baseImageURL", root() + "/images/").put("itemID", itemId);
        com.fasterxml.jackson.databind.node.ArrayNode list = Json.MAPPER.createArrayNode();
        item.path("Images").path("Image").forEach(list::add);
        list.add(entry);
        return storeImages(itemId, list, entry);
    }

    /** Stores {@code images} as the item's images and answers {@code image}, the one uploaded or deleted. */
    private JsonNode storeImages(String itemId, com.fasterxml.jackson.databind.node.ArrayNode images, JsonNode image) {
        ObjectNode change = Json.MAPPER.createObjectNode();
        change.putObject("Images").set("Image", images);
        store.update("Item", itemId, change);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("Image", Quirks.render(image));
        return out;
    }

    /** {@code DELETE Image/{imageID}.json}: the image leaves its item; the answer is the image deleted. */
    private JsonNode deleteImage(String imageId) {
        for (ObjectNode row : store.all("Item")) {
            String itemId = row.path("itemID").asText();
            ObjectNode item = store.get("Item", itemId, Set.of("Images")).orElseThrow();
            com.fasterxml.jackson.databind.node.ArrayNode kept = Json.MAPPER.createArrayNode();
            JsonNode deleted = null;
            for (JsonNode image : item.path("Images").path("Image")) {
                if (image.path("imageID").asText().equals(imageId)) {
                    deleted = image;
                } else {
                    kept.add(image);
                }
            }
            if (deleted != null) {
                return storeImages(itemId, kept, deleted);
            }
        }
        throw new RetailStore.ApiError(404, "Image " + imageId + " not found");
    }

    private JsonNode listAnswer(String resource, Map<String, String> query, Set<String> relations) {
        RetailStore.ListPage page = store.list(resource, query, relations);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode attributes = out.putObject("@attributes");
        attributes.put("next", page.nextAfter().map(after -> nextUrl(resource, query, after)).orElse(""));
        attributes.put("previous", "");
        if (page.records().size() == 1) {
            out.set(resource, Quirks.render(page.records().get(0)));
        } else if (!page.records().isEmpty()) {
            out.set(resource, Quirks.render(Json.MAPPER.valueToTree(page.records())));
        }
        return out;
    }

    private String nextUrl(String resource, Map<String, String> query, String after) {
        StringBuilder url = new StringBuilder(apiUri().toString()).append("Account/").append(settings.accountId).append('/')
                .append(resource).append(".json?");
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("after", after);
        params.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        url.setLength(url.length() - 1);
        return url.toString();
    }

    private static Set<String> allRelations(String resource) {
        return switch (resource) {
            case "Item" -> Set.of("Prices", "ItemShops", "ItemAttributes", "Images", "CustomFieldValues");
            case "Customer" -> Set.of("Contact", "CustomFieldValues");
            case "Sale" -> Set.of("SaleLines", "SalePayments");
            case "ItemMatrix" -> Set.of("Prices");
            default -> Set.of();
        };
    }

    private static ObjectNode wrap(String resource, ObjectNode record) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set(resource, Quirks.render(record));
        return out;
    }

    private static Set<String> relations(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Set.of();
        }
        if (parameter.equals("all")) {
            return Set.of("Prices", "ItemShops", "ItemAttributes", "ItemAttributes.ItemAttributeSet", "Images", "Category",
                    "CustomFieldValues", "Contact", "SaleLines", "SalePayments", "Customer", "ItemAttributeSet");
        }
        try {
            JsonNode list = Json.MAPPER.readTree(parameter);
            Set<String> out = new LinkedHashSet<>();
            list.forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            throw new RetailStore.ApiError(400, "load_relations must be a JSON array of relation names");
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new RetailStore.ApiError(400, "The request body is not valid JSON");
        }
    }

    private boolean authenticated(HttpExchange exchange) {
        return tokens.accepts(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private synchronized boolean withinBucket(HttpExchange exchange, int cost) {
        long now = settings.time.nanoTime();
        level = Math.max(0, level - (now - levelAt) / 1e9 * settings.dripPerSecond);
        levelAt = now;
        boolean fits = level + cost <= settings.bucketSize;
        if (fits) {
            level += cost;
        }
        exchange.getResponseHeaders().add("X-LS-API-Bucket-Level", number(level) + "/" + number(settings.bucketSize));
        exchange.getResponseHeaders().add("X-LS-API-Drip-Rate", number(settings.dripPerSecond));
        exchange.getResponseHeaders().add("X-LS-Acct-Id", settings.accountId);
        return fits;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(java.util.Locale.ROOT, "%.3f", d);
    }

    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> fields = parseQuery(form);
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (!settings.clientId.equals(fields.get("client_id")) || !settings.clientSecret.equals(fields.get("client_secret"))) {
            body.put("error", "invalid_client").put("error_description", "Client authentication failed");
            send(exchange, 401, body);
            return;
        }
        if (!"refresh_token".equals(fields.get("grant_type"))) {
            body.put("error", "unsupported_grant_type").put("error_description", "Only refresh_token is supported here");
            send(exchange, 400, body);
            return;
        }
        java.util.Optional<TokenIssuer.Grant> grant = tokens.refresh(fields.getOrDefault("refresh_token", ""));
        if (grant.isEmpty()) {
            body.put("error", "invalid_grant").put("error_description", "The refresh token is invalid.");
            send(exchange, 400, body);
            return;
        }
        body.put("access_token", grant.get().accessToken()).put("expires_in", settings.tokenLifetime.toSeconds())
                .put("token_type", "Bearer")
                .put("scope", "employee:all").put("refresh_token", grant.get().refreshToken());
        send(exchange, 200, body);
    }

    private static ObjectNode error(int status, String httpMessage, String message) {
        return Json.MAPPER.createObjectNode().put("httpCode", String.valueOf(status)).put("httpMessage", httpMessage)
                .put("message", message).put("errorClass", status == 429 ? "RateLimitException" : "HttpException");
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LoopbackServer.sendJson(exchange, status, body);
    }

    private static Map<String, String> parseQuery(String raw) {
        return LoopbackServer.parseForm(raw);
    }

    /** Builds and starts a {@link LightspeedSandbox}. */
    public static final class Builder {
        private String accountId = "123456";
        private String accountName = "possync demo store";
        private String clientId = "possync-sandbox-client";
        private String clientSecret = "sandbox-secret";
        private String refreshToken = "sandbox-refresh-token-0";
        private boolean rotateRefreshTokens = true;
        private Duration tokenLifetime = Duration.ofHours(1);
        private double bucketSize = 60;
        private double dripPerSecond = 1;
        private TimeSource time = TimeSource.system();
        private final List<String> shops = new ArrayList<>();

        private Builder() {
        }

        /** The account's id and name. */
        public Builder account(String id, String name) {
            this.accountId = Objects.requireNonNull(id, "id");
            this.accountName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The OAuth2 client the token endpoint accepts. */
        public Builder client(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The refresh token the merchant's authorisation produced. */
        public Builder refreshToken(String token) {
            this.refreshToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * Whether each refresh issues a new refresh token and invalidates the one used (default true,
         * as Lightspeed's current OAuth server does; whether R-Series always rotates is UNCONFIRMED).
         */
        public Builder rotateRefreshTokens(boolean rotate) {
            this.rotateRefreshTokens = rotate;
            return this;
        }

        /** Lifetime of access tokens (default 1 hour). */
        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = Objects.requireNonNull(d, "tokenLifetime");
            return this;
        }

        /** The leaky bucket: size in units and drip per second (default 60 and 1, Lightspeed's defaults). */
        public Builder bucket(double size, double dripPerSecond) {
            if (size <= 0 || dripPerSecond <= 0) {
                throw new IllegalArgumentException("bucket size and drip rate must be positive");
            }
            this.bucketSize = size;
            this.dripPerSecond = dripPerSecond;
            return this;
        }

        /** The time the bucket drains and tokens expire by, and records are stamped with (share a {@link ScaledTime} with the client). */
        public Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /** Adds a shop (ids are assigned 1, 2, …). Without any, the account has one shop, "Main Store". */
        public Builder shop(String name) {
            shops.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /** Starts the sandbox on a free loopback port. */
        public LightspeedSandbox start() {
            if (shops.isEmpty()) {
                shops.add("Main Store");
            }
            try {
                return new LightspeedSandbox(this);
            } catch (IOException e) {
                throw new IllegalStateException("the Lightspeed sandbox could not start", e);
            }
        }
    }
}

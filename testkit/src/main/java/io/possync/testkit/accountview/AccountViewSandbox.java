package io.possync.testkit.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.accountview.internal.AccountViewBooks;
import io.possync.testkit.internal.LoopbackServer;
import io.possync.testkit.internal.SandboxServer;
import io.possync.testkit.internal.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An in-process fake of AccountView.Net's API v3 for one company, for tests and demos: the OAuth 2.0
 * token endpoint ({@code /api/v3/token}, refresh tokens that rotate, client id and secret in the form
 * body), {@code GET /companies}, and {@code GET}/{@code POST}/{@code PUT /accountviewdata} for debtors
 * ({@code AR1}), articles ({@code AK1}), article groups ({@code AG1}), sales orders ({@code SO1}) and
 * sales-journal pages ({@code DJ2}, read also as {@code DJ2P}) — with the filters public clients send
 * ({@code Equal}, lists of values, {@code Contains}, {@code DateOnOrAfterDate} with FoxPro literals),
 * {@code PageSize}/{@code PageNumber} paging and {@code SortFields}; writes with their definitions and
 * positional values checked against AccountView's field dictionaries (unknown field, wrong type, too
 * long, mandatory missing: refused), generated keys ({@code SUB_NR}, {@code INV_NR}, {@code ORD_NR},
 * line {@code REC_ID}); a refusal as {@code {ErrorType, ErrorNumbers, ErrorMessage}} with HTTP 200,
 * as public clients guard against; key fields padded with blanks; a one-row article answer as an object;
 * and faults on demand ("the company's server is off": {@link Fault#droppedConnection()}).
 *
 * <pre>{@code
 * try (AccountViewSandbox av = AccountViewSandbox.builder().start()) {
 *     av.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel", "PX_SELL", 10.0, "QTY_AVAIL", 25));
 *     URI api = av.apiUri();            // in place of https://www.accountview.net/api/v3
 *     URI token = av.tokenUri();
 *     String refresh = av.refreshToken();
 * }
 * }</pre>
 *
 * <p>Binds to 127.0.0.1 on a free port. Thread-safe. What no public source settles is marked PROPOSAL in
 * {@code connector-accountview/README.md}.
 */
public final class AccountViewSandbox extends SandboxServer {

    private final Builder settings;
    private final TokenIssuer tokens;
    private final AccountViewBooks books;

    private AccountViewSandbox(Builder b) {
        super("accountview-sandbox", 8, b.time);
        this.settings = b;
        this.tokens = new TokenIssuer(b.refreshToken, true, b.tokenLifetime, b.time);
        this.books = new AccountViewBooks(b.time, ZoneId.of("Europe/Amsterdam"));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API root, in place of {@code https://www.accountview.net/api/v3}. */
    public URI apiUri() {
        return URI.create(root() + "/api/v3");
    }

    /** The token endpoint. */
    public URI tokenUri() {
        return URI.create(root() + "/api/v3/token");
    }

    public String clientId() {
        return settings.clientId;
    }

    public String clientSecret() {
        return settings.clientSecret;
    }

    /** The refresh token issued last (they rotate: the one before is dead). */
    public String refreshToken() {
        List<String> issued = tokens.issued();
        return issued.get(issued.size() - 1);
    }

    /** The company's ondernemingscode. */
    public String companyCode() {
        return settings.companyCode;
    }

    /** Adds a debtor (CONTACT fields; {@code SUB_NR} numbered when left out); returns its row. */
    public synchronized ObjectNode seedDebtor(Map<String, ?> fields) {
        return books.seed("CONTACT", fields).deepCopy();
    }

    /** Adds an article (ARTICLE fields: {@code ART_CODE}, {@code ART_DESC1}, {@code AG_CODE}, {@code PX_SELL}, {@code QTY_AVAIL}, {@code EAN_CODE}, {@code VAT_CODE}, {@code REC_BLK}, {@code IMG_MEDIUM}). */
    public synchronized ObjectNode seedArticle(Map<String, ?> fields) {
        return books.seed("ARTICLE", fields).deepCopy();
    }

    /** Adds an article group. */
    public synchronized void seedGroup(String code, String description) {
        books.seed("ART_GRP", Map.of("AG_CODE", code, "AG_DESC", description));
    }

    /** Changes one field of the article {@code code} as a user would: its {@code CNG_DATE} and {@code CNG_NR} move on. */
    public synchronized void modifyArticle(String code, String field, Object value) {
        books.modify("ARTICLE", "ART_CODE", code, field, value);
    }

    /**
     * Sets the status of sales order {@code ordNr} as a user would ({@code ORD_STAT}, PROPOSAL P-17: {@code O} open,
     * {@code G} delivered, {@code F} invoiced, {@code V} cancelled); its change date moves on.
     */
    public synchronized void setSalesOrderStatus(String ordNr, String status) {
        books.modify("SO_HDR", "ORD_NR", ordNr, "ORD_STAT", status);
    }

    /** Changes one field of debtor {@code number} as a user would. */
    public synchronized void modifyDebtor(String number, String field, Object value) {
        books.modify("CONTACT", "SUB_NR", number, field, value);
    }

    /** Copies of the rows of {@code table} ({@code CONTACT}, {@code ARTICLE}, {@code SO_HDR}, {@code SO_LINE}, {@code DJ_PAGE}, {@code DJ_LINE} …), oldest first. */
    public synchronized List<ObjectNode> rows(String table) {
        return books.rows(table).stream().map(ObjectNode::deepCopy).toList();
    }

    /** The uniform verb: adds a row to {@code table} ({@code CONTACT}, {@code ARTICLE}, {@code ART_GRP}). */
    public synchronized ObjectNode seed(String table, Map<String, ?> fields) {
        if (!List.of("CONTACT", "ARTICLE", "ART_GRP").contains(table)) {
            throw new IllegalArgumentException("the sandbox seeds CONTACT, ARTICLE and ART_GRP, not " + table + " (write orders through the API)");
        }
        return books.seed(table, fields).deepCopy();
    }

    /** The uniform verb: copies of the rows of {@code table}; see {@link #rows}. */
    public List<ObjectNode> records(String table) {
        return rows(table);
    }

    /** The uniform verb: changes one field of the row of {@code table} with key {@code id} ({@code SUB_NR}, {@code ART_CODE}, {@code ORD_NR}). */
    public synchronized void modify(String table, String id, String field, Object value) {
        String key = switch (table) {
            case "CONTACT" -> "SUB_NR";
            case "ARTICLE" -> "ART_CODE";
            case "SO_HDR" -> "ORD_NR";
            default -> throw new IllegalArgumentException("the sandbox changes CONTACT, ARTICLE and SO_HDR rows, not " + table);
        };
        books.modify(table, key, id, field, value);
    }

    /** Makes every access token issued so far invalid (the next call is answered 401). */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    // ------------------------------------------------------------------ HTTP

    @Override
    protected void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getRawPath().toLowerCase(Locale.ROOT);
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!path.startsWith("/api/v3/")) {
            send(exchange, 404, error("No such address"));
            return;
        }
        String endpoint = path.substring("/api/v3".length());
        countEndpoint(method + " " + endpoint);
        if (endpoint.equals("/token") && method.equals("POST")) {
            token(exchange, new String(body, StandardCharsets.UTF_8));
            return;
        }
        if (!tokens.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, error("Authorization has been denied for this request."));
            return;
        }
        boolean write = !method.equals("GET");
        Optional<Fault> fault = drawFault(write);
        if (answeredByFault(exchange, fault)) {
            return;
        }
        JsonNode answer;
        int status = 200;
        try {
            synchronized (this) {
                answer = handle(method, endpoint, exchange, body);
            }
        } catch (AccountViewBooks.Refusal r) {
            status = r.status;
            answer = error(r.getMessage());
        }
        if (answerLost(fault)) {
            return;
        }
        send(exchange, status, answer);
    }

    private JsonNode handle(String method, String endpoint, HttpExchange exchange, byte[] body) throws IOException {
        if (endpoint.equals("/companies") && method.equals("GET")) {
            return Json.MAPPER.createArrayNode().add(JsonNodeFactory.instance.objectNode().put("Id", settings.companyId)
                    .put("Description", "Sandbox onderneming").put("Code", settings.companyCode));
        }
        if (!endpoint.equals("/accountviewdata")) {
            throw new AccountViewBooks.Refusal(404, "No such address " + endpoint);
        }
        String company = exchange.getRequestHeaders().getFirst("X-Company");
        if (!settings.companyId.equals(company)) {
            throw new AccountViewBooks.Refusal(400, "X-Company '" + company + "' is no company of this user");
        }
        if (method.equals("GET")) {
            Map<String, String> q = LoopbackServer.parseForm(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
            Map<String, String> query = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            query.putAll(q);
            List<AccountViewBooks.Filter> filters = new ArrayList<>();
            for (int n = 1; query.containsKey("FilterControlSource" + n); n++) {
                filters.add(new AccountViewBooks.Filter(query.get("FilterControlSource" + n), query.getOrDefault("FilterOperator" + n, "Equal"),
                        query.getOrDefault("FilterValueType" + n, "C"), query.getOrDefault("FilterValue" + n, ""),
                        Boolean.parseBoolean(query.getOrDefault("FilterIsListOfValues" + n, "false"))));
            }
            int size = Integer.parseInt(query.getOrDefault("PageSize", "100"));
            if (size > settings.maxPageSize) {
                throw new AccountViewBooks.Refusal(400, "PageSize " + size + " is more than " + settings.maxPageSize);
            }
            return books.read(query.getOrDefault("BusinessObject", ""), filters, size, Integer.parseInt(query.getOrDefault("PageNumber", "1")),
                    query.get("SortFields"), settings.singleRowAsObject);
        }
        if (method.equals("POST") || method.equals("PUT")) {
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AccountViewBooks.Refusal(400, "The request body is no JSON");
            }
            return books.write(method, json);
        }
        throw new AccountViewBooks.Refusal(405, method + " is not allowed");
    }

    private void token(HttpExchange exchange, String form) throws IOException {
        Map<String, String> f = LoopbackServer.parseForm(form);
        if (!settings.clientId.equals(f.get("client_id")) || !settings.clientSecret.equals(f.get("client_secret"))) {
            LoopbackServer.sendJson(exchange, 400, Json.MAPPER.createObjectNode().put("error", "invalid_client"));
            return;
        }
        if (!"refresh_token".equals(f.get("grant_type"))) {
            LoopbackServer.sendJson(exchange, 400, Json.MAPPER.createObjectNode().put("error", "unsupported_grant_type"));
            return;
        }
        Optional<TokenIssuer.Grant> grant = tokens.refresh(f.getOrDefault("refresh_token", ""));
        if (grant.isEmpty()) {
            LoopbackServer.sendJson(exchange, 400, Json.MAPPER.createObjectNode().put("error", "invalid_grant"));
            return;
        }
        LoopbackServer.sendJson(exchange, 200, Json.MAPPER.createObjectNode().put("access_token", grant.get().accessToken())
                .put("token_type", "bearer").put("expires_in", settings.tokenLifetime.toSeconds())
                .put("refresh_token", grant.get().refreshToken()));
    }

    private static ObjectNode error(String message) {
        ObjectNode e = JsonNodeFactory.instance.objectNode().put("ErrorType", "AccountViewError");
        e.putNull("ErrorNumbers");
        return e.put("ErrorMessage", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LoopbackServer.sendJson(exchange, status, body);
    }

    @Override
    protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, error(message));
    }

    /** Builds an {@link AccountViewSandbox}. */
    public static final class Builder {
        private String clientId = "possync-app";
        private String clientSecret = "sandbox-secret";
        private String refreshToken = "initial-refresh-token";
        private String companyCode = "DEMO";
        private String companyId = "3f2c5d1e-0000-0000-0000-000000000001";
        private TimeSource time = TimeSource.system();
        private Duration tokenLifetime = Duration.ofHours(1);
        private int maxPageSize = 1000;
        private boolean singleRowAsObject = true;

        private Builder() {
        }

        /** The company's ondernemingscode (default DEMO). */
        public Builder companyCode(String code) {
            this.companyCode = code;
            return this;
        }

        /** The clock of change dates, token lifetimes and delays. */
        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        /** How long an access token lives (default an hour). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Whether a one-row article answer is an object instead of an array (default true: the quirk public clients guard against). */
        public Builder singleRowAsObject(boolean on) {
            this.singleRowAsObject = on;
            return this;
        }

        /** Starts the sandbox. */
        public AccountViewSandbox start() {
            return new AccountViewSandbox(this);
        }
    }
}

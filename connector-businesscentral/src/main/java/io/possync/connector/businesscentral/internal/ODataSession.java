package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.HttpApi;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import java.util.List;
import java.util.Optional;

/**
 * One company's API v2.0 over an {@link HttpApi}: resolves the company once, reads pages (following
 * {@code @odata.nextLink} verbatim), and sends JSON {@code $batch} requests.
 */
public final class ODataSession {

    private final HttpApi api;
    private final BusinessCentralSettings settings;
    private volatile String companyPath;

    /** A session over {@code api}. */
    public ODataSession(HttpApi api, BusinessCentralSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** The HTTP client. */
    public HttpApi api() {
        return api;
    }

    /** The settings. */
    public BusinessCentralSettings settings() {
        return settings;
    }

    /** {@code companies({id})}, resolved from the company's name or id on first use. */
    public String companyPath() {
        String path = companyPath;
        if (path == null) {
            synchronized (this) {
                if (companyPath == null) {
                    JsonNode companies = read(ApiRequest.get("companies").query("$select", "id,name,displayName").build());
                    String wanted = settings.company();
                    for (JsonNode c : companies.path("value")) {
                        if (wanted.equalsIgnoreCase(c.path("id").asText()) || wanted.equals(c.path("name").asText())
                                || wanted.equals(c.path("displayName").asText())) {
                            companyPath = "companies(" + c.path("id").asText() + ")";
                        }
                    }
                    if (companyPath == null) {
                        throw new ConfigurationException("businesscentral.company", "no company named or with id '" + wanted
                                + "' in this environment");
                    }
                }
                path = companyPath;
            }
        }
        return path;
    }

    /** A GET of JSON, routed to a read replica. */
    public JsonNode read(ApiRequest request) {
        return api.sendForJson(withReadIntent(request));
    }

    /** A GET that may answer 404. */
    public Optional<JsonNode> readOptional(String path) {
        ApiResponse r = api.send(withReadIntent(ApiRequest.get(path).accept(404).build()));
        return r.status() == 404 ? Optional.empty() : Optional.of(r.json());
    }

    private static ApiRequest withReadIntent(ApiRequest request) {
        ApiRequest.Builder b = ApiRequest.method(request.method(), request.path()).header("Data-Access-Intent", "ReadOnly");
        request.query().forEach(b::query);
        request.headers().forEach(b::header);
        b.accept(request.acceptedStatuses().toArray(Integer[]::new));
        request.timeout().ifPresent(b::timeout);
        return b.build();
    }

    /** One inner request of a batch. */
    public record BatchOp(String method, String url, Optional<String> ifMatch, JsonNode body) {
    }

    /** Sends {@code ops} as one JSON {@code $batch} (each inner request commits on its own) and returns the inner answers in order. */
    public List<JsonNode> batch(List<BatchOp> ops) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode requests = body.putArray("requests");
        for (int i = 0; i < ops.size(); i++) {
            BatchOp op = ops.get(i);
            ObjectNode r = requests.addObject();
            r.put("id", String.valueOf(i + 1));
            r.put("method", op.method());
            r.put("url", op.url());
            ObjectNode headers = r.putObject("headers");
            headers.put("Content-Type", "application/json");
            op.ifMatch().ifPresent(tag -> headers.put("If-Match", tag));
            if (op.body() != null) {
                r.set("body", op.body());
            }
        }
        JsonNode answer = api.sendForJson(ApiRequest.post("$batch", body.toString()).build());
        JsonNode responses = answer.path("responses");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        for (JsonNode r : responses) {
            byId.put(r.path("id").asText(), r);
        }
        java.util.ArrayList<JsonNode> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            JsonNode r = byId.get(String.valueOf(i + 1));
            ordered.add(r != null ? r : JsonNodeFactory.instance.objectNode().put("status", 0));
        }
        return ordered;
    }

    /**
     * A GET of {@code collection} filtered with an {@code in} operator. {@code in} needs schema version
     * 2.1 (REFERENCE §4.2, §4.6); that standard API pages accept {@code $schemaversion=2.1} on every
     * BC version this connector supports is UNCONFIRMED — this is the one place to change it.
     */
    public static ApiRequest.Builder inFilter(String collection, String filter) {
        return ApiRequest.get(collection).query("$filter", filter).query("$schemaversion", "2.1");
    }

    /** An OData string literal: quoted, inner quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

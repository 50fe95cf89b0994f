package io.possync.connector.lightspeed.internal;

import io.possync.connector.lightspeed.LightspeedRetail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.HttpApi;
import io.possync.connector.lightspeed.LightspeedRetailSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One account's API V3 session: the HTTP client (token, leaky bucket, retries), the account id
 * (resolved from {@code Account.json} once when the settings leave it out) and the request shapes
 * every resource shares. Thread-safe.
 */
public final class LightspeedRetailSession {

    private final HttpApi api;
    private final LightspeedRetailSettings settings;
    private volatile String accountId;
    private final CustomFieldIds customFieldIds = new CustomFieldIds(this);

    public LightspeedRetailSession(HttpApi api, LightspeedRetailSettings settings) {
        this.api = api;
        this.settings = settings;
        this.accountId = settings.accountId().orElse(null);
    }

    public HttpApi api() {
        return api;
    }

    public LightspeedRetailSettings settings() {
        return settings;
    }

    /** The custom field definitions' ids this connection has read. */
    public CustomFieldIds customFieldIds() {
        return customFieldIds;
    }

    /** The account id, read from {@code Account.json} on first use when not configured. */
    public String accountId() {
        String id = accountId;
        if (id == null) {
            synchronized (this) {
                if (accountId == null) {
                    accountId = resolveAccount();
                }
                id = accountId;
            }
        }
        return id;
    }

    private String resolveAccount() {
        JsonNode answer = api.sendForJson(ApiRequest.get("Account.json").build());
        List<JsonNode> accounts = Lenient.list(answer, "Account");
        if (accounts.size() != 1) {
            throw new ConfigurationException(LightspeedRetail.SYSTEM, "the token gives access to " + accounts.size()
                    + " accounts; set accountId to the one to sync");
        }
        return Lenient.text(accounts.get(0), "accountID")
                .orElseThrow(() -> new ConfigurationException(LightspeedRetail.SYSTEM, "Account.json answered without an accountID"));
    }

    /** The path of {@code resource}'s collection, e.g. {@code Account/123/Item.json}. */
    public String collection(String resource) {
        return "Account/" + accountId() + "/" + resource + ".json";
    }

    /** The path of one record, e.g. {@code Account/123/Item/7.json}. */
    public String record(String resource, String id) {
        return "Account/" + accountId() + "/" + resource + "/" + id + ".json";
    }

    /** A {@code load_relations} value: a JSON array of names. */
    public static String relations(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** A list request for {@code resource} with {@code query} (relations included by the caller). */
    public JsonNode list(String resource, Map<String, String> query) {
        ApiRequest.Builder request = ApiRequest.get(collection(resource));
        query.forEach(request::query);
        return api.sendForJson(request.build());
    }

    /** A server's {@code next} link, followed verbatim. */
    public JsonNode follow(String nextUrl) {
        return api.sendForJson(ApiRequest.get(nextUrl).build());
    }

    /** One record with {@code relations}, or empty when it does not exist. */
    public Optional<JsonNode> get(String resource, String id, List<String> relations) {
        ApiRequest.Builder request = ApiRequest.get(record(resource, id));
        if (!relations.isEmpty()) {
            request.query("load_relations", relations(relations));
        }
        try {
            return Optional.of(api.sendForJson(request.build()).path(resource));
        } catch (io.possync.api.RecordRejectedException e) {
            if (e.vendorCode().filter("404"::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a record; returns it as the server stored it. Not idempotent: a lost answer is an unknown outcome. */
    public JsonNode create(String resource, ObjectNode body) {
        return api.sendForJson(ApiRequest.post(collection(resource), body.toString()).build()).path(resource);
    }

    /**
     * Uploads {@code image} as an image of item {@code itemId}: {@code POST Item/{id}/Image.json} as
     * multipart form data with a {@code data} part (JSON: description, ordering) and an {@code image}
     * part (the file). The part names follow Lightspeed's upload example (UNCONFIRMED beyond it).
     */
    public void uploadImage(String itemId, io.possync.api.http.ImageDownload.Image image, String description) {
        String boundary = "possync-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("description", description).put("ordering", 0).toString();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + data + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                + image.fileName().replace("\"", "") + "\"\r\nContent-Type: " + image.contentType() + "\r\n\r\n");
        body.writeBytes(image.bytes());
        write(body, "\r\n--" + boundary + "--\r\n");
        api.sendForJson(ApiRequest.post("Account/" + accountId() + "/Item/" + itemId + "/Image.json", "")
                .body(body.toByteArray(), "multipart/form-data; boundary=" + boundary).build());
    }

    /**
     * Deletes image {@code imageId} ({@code DELETE Image/{id}.json}, UNCONFIRMED: the connector README); a 404 (deleted
     * already, e.g. by a repeat after a lost answer) is fine.
     */
    public void deleteImage(String imageId) {
        api.send(ApiRequest.delete("Account/" + accountId() + "/Image/" + imageId + ".json").accept(404).build());
    }

    private static void write(java.io.ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Updates a record (PUT changes only the fields sent, so it is safe to repeat). */
    public JsonNode update(String resource, String id, ObjectNode body) {
        return api.sendForJson(ApiRequest.put(record(resource, id), body.toString()).build()).path(resource);
    }
}

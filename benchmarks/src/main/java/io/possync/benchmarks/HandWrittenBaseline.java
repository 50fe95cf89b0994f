package io.possync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.http.TimeSource;
import io.possync.api.internal.Json;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What a developer writes without possync, with {@code java.net.http} and Jackson: per order, find the customer
 * by e-mail, create or update it, check each SKU, post the invoice with its lines — one request per step, a
 * retry after a second on 429 or 5xx. The comparison's baseline, not an example to follow.
 */
final class HandWrittenBaseline {

    private final HttpClient http = HttpClient.newHttpClient();
    private final BusinessCentralSandbox bc;
    private final TimeSource time;
    private final String api;
    private String token;
    private long requests;

    HandWrittenBaseline(BusinessCentralSandbox bc, TimeSource time) {
        this.bc = bc;
        this.time = time;
        this.api = bc.apiHost() + "/v2.0/" + bc.tenant() + "/" + bc.environment() + "/api/v2.0/";
    }

    long requests() {
        return requests;
    }

    /** Syncs {@code orders} one by one; returns the invoices posted. */
    int sync(List<Order> orders) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(bc.clientId()) + "&client_secret=" + enc(bc.clientSecret())
                + "&scope=" + enc("https://api.businesscentral.dynamics.com/.default");
        token = send(HttpRequest.newBuilder(URI.create(bc.loginHost() + "/" + bc.tenant() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)))
                .path("access_token").asText();
        String company = get("companies?$filter=" + enc("name eq '" + bc.companyName() + "'")).path("value").get(0).path("id").asText();
        String base = "companies(" + company + ")/";
        int posted = 0;
        for (Order order : orders) {
            Customer c = order.customer().orElseThrow();
            String email = c.email().orElseThrow();
            JsonNode found = get(base + "customers?$filter=" + enc("email eq '" + email + "'")).path("value");
            ObjectNode customer = Json.MAPPER.createObjectNode().put("displayName", name(c)).put("email", email).put("type", "Person");
            String customerId;
            if (found.isEmpty()) {
                customerId = send(json(base + "customers", "POST", customer, null)).path("id").asText();
            } else {
                customerId = found.get(0).path("id").asText();
                send(json(base + "customers(" + customerId + ")", "PATCH", customer, found.get(0).path("@odata.etag").asText("*")));
            }
            ObjectNode invoice = Json.MAPPER.createObjectNode().put("customerId", customerId).put("externalDocumentNumber", order.number());
            ArrayNode lines = invoice.putArray("salesInvoiceLines");
            for (OrderLine line : order.lines()) {
                if (get(base + "items?$filter=" + enc("number eq '" + line.sku() + "'")).path("value").isEmpty()) {
                    throw new IllegalStateException("unknown SKU " + line.sku());
                }
                lines.addObject().put("lineType", "Item").put("lineObjectNumber", line.sku()).put("quantity", line.quantity())
                        .put("unitPrice", line.unitPrice());
            }
            send(json(base + "salesInvoices", "POST", invoice, null));
            posted++;
        }
        return posted;
    }

    private static String name(Customer c) {
        return c.contactPerson().map(p -> p.firstName().orElse("") + " " + p.lastName().orElse("")).orElse("").strip();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(authorized(path).GET());
    }

    private HttpRequest.Builder json(String path, String method, JsonNode body, String etag) {
        HttpRequest.Builder b = authorized(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        return etag == null ? b : b.header("If-Match", etag);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.build();
        while (true) {
            requests++;
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429 || r.statusCode() >= 500) {
                time.sleep(Duration.ofSeconds(1));
                continue;
            }
            if (r.statusCode() >= 300) {
                throw new IOException("HTTP " + r.statusCode() + " from " + built.uri() + ": " + r.body());
            }
            return r.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

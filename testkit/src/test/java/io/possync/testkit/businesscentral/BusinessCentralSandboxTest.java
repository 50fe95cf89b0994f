package io.possync.testkit.businesscentral;

import io.possync.testkit.Fault;
import io.possync.testkit.SandboxFaults;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox behaves as the reference describes Business Central. */
class BusinessCentralSandboxTest {

    private final BusinessCentralSandbox bc = BusinessCentralSandbox.builder().pageSize(2).start();
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @AfterEach
    void stop() {
        bc.close();
    }

    private String token() throws Exception {
        if (token == null) {
            String form = "grant_type=client_credentials&client_id=" + bc.clientId() + "&client_secret=" + bc.clientSecret();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bc.loginHost() + "/" + bc.tenant()
                    + "/oauth2/v2.0/token")).POST(HttpRequest.BodyPublishers.ofString(form))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
            token = Json.MAPPER.readTree(r.body()).path("access_token").asText();
        }
        return token;
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bc.apiUri() + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String company() {
        return "companies(" + bc.companyId() + ")";
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void aRequestWithoutATokenIsRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bc.apiUri() + "companies")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("Authentication_InvalidCredentials");
    }

    @Test
    void aCreatedCustomerGetsANumberAnEtagAndIsFoundByFilter() throws Exception {
        HttpResponse<String> created = call("POST", company() + "/customers",
                "{\"displayName\":\"Anna\",\"email\":\"anna@example.com\",\"type\":\"Person\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("number").asText()).isNotBlank();
        assertThat(json(created).path("@odata.etag").asText()).startsWith("W/\"");
        HttpResponse<String> found = call("GET", company() + "/customers?$filter="
                + URLEncoder.encode("email eq 'anna@example.com'", StandardCharsets.UTF_8).replace("+", "%20"), null);
        assertThat(json(found).path("value")).hasSize(1);
    }

    @Test
    void anInFilterNeedsSchemaVersionTwoPointOne() throws Exception {
        String in = URLEncoder.encode("number in ('A','B')", StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(call("GET", company() + "/customers?$filter=" + in, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", company() + "/customers?$filter=" + in + "&$schemaversion=2.1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void listsArePagedWithANextLink() throws Exception {
        for (int i = 0; i < 5; i++) {
            call("POST", company() + "/customers", "{\"displayName\":\"C" + i + "\"}");
        }
        JsonNode first = json(call("GET", company() + "/customers", null));

        assertThat(first.path("value")).hasSize(2);
        String next = first.path("@odata.nextLink").asText();
        assertThat(next).contains("$skiptoken=2").contains("aid=");
        assertThat(json(call("GET", next, null)).path("value")).hasSize(2);
    }

    @Test
    void aPatchWithoutIfMatchIsRefusedAndAStaleOneConflicts() throws Exception {
        JsonNode created = json(call("POST", company() + "/customers", "{\"displayName\":\"Anna\"}"));
        String row = company() + "/customers(" + created.path("id").asText() + ")";

        assertThat(call("PATCH", row, "{\"displayName\":\"B\"}").statusCode()).isEqualTo(400);
        assertThat(call("PATCH", row, "{\"displayName\":\"B\"}", "If-Match", created.path("@odata.etag").asText()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = call("PATCH", row, "{\"displayName\":\"C\"}", "If-Match", created.path("@odata.etag").asText());
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).path("error").path("code").asText()).isEqualTo("Request_EntityChanged");
    }

    @Test
    void readOnlyPropertiesAndTooLongStringsAreRefused() throws Exception {
        HttpResponse<String> readOnly = call("POST", company() + "/customers", "{\"displayName\":\"A\",\"balanceDue\":5}");
        HttpResponse<String> tooLong = call("POST", company() + "/customers", "{\"displayName\":\"" + "x".repeat(101) + "\"}");

        assertThat(json(readOnly).path("error").path("code").asText()).isEqualTo("BadRequest_InvalidOperation");
        assertThat(json(tooLong).path("error").path("code").asText()).isEqualTo("Application_StringExceededLength");
    }

    @Test
    void aDeepInsertWithSequenceFailsAsInBusinessCentral22() throws Exception {
        call("POST", company() + "/items", "{\"number\":\"1896-S\",\"displayName\":\"Desk\"}");
        JsonNode customer = json(call("POST", company() + "/customers", "{\"displayName\":\"Anna\"}"));

        HttpResponse<String> r = call("POST", company() + "/salesInvoices", "{\"customerId\":\"" + customer.path("id").asText()
                + "\",\"salesInvoiceLines\":[{\"lineType\":\"Item\",\"lineObjectNumber\":\"1896-S\",\"quantity\":1,\"sequence\":10000}]}");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(bc.rows("salesInvoices")).isEmpty();
    }

    @Test
    void aSnapshotBatchIsAllOrNothing() throws Exception {
        String body = "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"" + company() + "/customers\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"displayName\":\"Ok\"}},"
                + "{\"id\":\"2\",\"method\":\"POST\",\"url\":\"" + company() + "/customers\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"displayName\":\"\"}}]}";

        HttpResponse<String> plain = call("POST", "$batch", body);
        assertThat(json(plain).path("responses")).extracting(n -> n.path("status").asInt()).containsExactly(201, 400);
        assertThat(bc.rows("customers")).hasSize(1);

        call("POST", "$batch", body, "Isolation", "snapshot");
        assertThat(bc.rows("customers")).as("the snapshot batch rolled back its first request").hasSize(1);
    }

    @Test
    void theRateLimitAnswers429() throws Exception {
        try (BusinessCentralSandbox tight = BusinessCentralSandbox.builder().rateLimit(3, Duration.ofMinutes(5)).start()) {
            String form = "client_id=" + tight.clientId() + "&client_secret=" + tight.clientSecret();
            String t = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(tight.loginHost() + "/x/oauth2/v2.0/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("access_token").asText();
            int[] statuses = new int[4];
            for (int i = 0; i < 4; i++) {
                statuses[i] = http.send(HttpRequest.newBuilder(URI.create(tight.apiUri() + "companies"))
                        .header("Authorization", "Bearer " + t).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(tight.throttledCount()).isEqualTo(1);
        }
    }

    @Test
    void aLostResponseStillCommitsTheWrite() throws Exception {
        token();
        bc.faults().nextWrite(Fault.lostResponse());

        try {
            call("POST", company() + "/customers", "{\"displayName\":\"Ghost\"}");
        } catch (IOException expected) {
            // the connection closed without an answer
        }

        assertThat(bc.rows("customers")).hasSize(1);
    }
}

package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;
import io.possync.testkit.accountview.AccountViewSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox takes the requests public clients send, as they send them (lower-case {@code name} and
 * {@code values} included): so it copies AccountView's shapes, not this connector's.
 */
class ClientRequestsTest {

    private static final Path SAMPLES = Path.of("../vendor-specs/accountview/samples");
    private final AccountViewSandbox sandbox = AccountViewSandbox.builder().start();
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void authorise() throws Exception {
        String form = "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(sandbox.refreshToken(), StandardCharsets.UTF_8)
                + "&client_id=" + sandbox.clientId() + "&client_secret=" + sandbox.clientSecret();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(sandbox.tokenUri()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        token = Json.MAPPER.readTree(answer.body()).path("access_token").asText();
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode post(String sample) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUri() + "/accountviewdata"))
                .header("Authorization", "Bearer " + token).header("X-Company", companyId()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(SAMPLES.resolve(sample)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }

    private String companyId() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUri() + "/companies"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(answer.body()).get(0).path("Id").asText();
    }

    @Test
    void theDebtorInsertOfAPublicClientIsTakenAndAnsweredWithItsNumber() throws Exception {
        JsonNode answer = post("post-AR1-debtor-request.json");

        assertThat(answer.path("ErrorMessage").asText("")).isEmpty();
        assertThat(answer.path("CONTACT").get(0).path("SUB_NR").asText()).isNotBlank();
        assertThat(sandbox.rows("CONTACT")).singleElement().satisfies(r -> assertThat(r.path("MAIL_BUS").asText()).isEqualTo("jan@example.com"));
    }

    @Test
    void theSalesOrderInsertOfAPublicClientIsTakenWithItsLines() throws Exception {
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));

        JsonNode answer = post("post-SO1-sales-order-request.json");

        assertThat(answer.path("ErrorMessage").asText("")).isEmpty();
        assertThat(sandbox.rows("SO_LINE")).extracting(l -> l.path("ART_CODE").asText()).containsExactly("ART001", "VERZEND");
    }

    /**
     * The journal-page sample is a unit test's body with placeholder values: its line's {@code DJ_CODE}
     * "TEST" is longer than the dictionary's 3 characters, so the sandbox refuses it naming the field
     * (HTTP 200 with an {@code ErrorMessage}); with a code that fits, the same body is taken.
     */
    @Test
    void theJournalPageInsertOfAPublicClientIsTakenOnceItsPlaceholderCodeFits() throws Exception {
        JsonNode refused = post("post-DJ2-journal-page-request.json");
        Path fitting = Files.createTempFile("dj2", ".json");
        Files.writeString(fitting, Files.readString(SAMPLES.resolve("post-DJ2-journal-page-request.json")).replace("\"TEST\", \"TEST\", \"TEST\"",
                "\"TEST\", \"860\", \"TEST\""));

        JsonNode taken = post(fitting.toAbsolutePath().toString());

        assertThat(refused.path("ErrorMessage").asText()).contains("DJ_LINE.DJ_CODE");
        assertThat(taken.path("ErrorMessage").asText("")).isEmpty();
        assertThat(sandbox.rows("DJ_LINE")).singleElement().satisfies(l -> assertThat(l.path("ACCT_NR").asText()).isEqualTo("3811"));
    }

    @Test
    void theChangedSinceReadOfAPublicClientIsAnsweredWithTheArticles() throws Exception {
        String line = Files.readAllLines(SAMPLES.resolve("get-AK1-changed-since-request.txt")).get(0);
        String query = line.substring(line.indexOf('?'));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.apiUri() + "/accountviewdata" + query))
                .header("Authorization", "Bearer " + token).header("X-Company", companyId()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode articles = Json.MAPPER.readTree(answer.body()).path("ARTICLE");
        assertThat(articles.isObject() ? articles.path("ART_CODE").asText() : articles.get(0).path("ART_CODE").asText()).startsWith("ART001");
    }
}

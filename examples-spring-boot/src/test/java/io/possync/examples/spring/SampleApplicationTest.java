package io.possync.examples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.SyntheticShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample service starts, syncs every sale exactly once on its schedule, and reports its flows over Actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"possync.schedule.initial-delay=0s", "possync.schedule.delay=500ms", "possync.flows.sales.delay=500ms"})
class SampleApplicationTest {

    @TempDir
    static Path state;

    @DynamicPropertySource
    static void stateFile(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:sqlite:" + state.resolve("state.db"));
    }

    @Autowired
    BusinessCentralSandbox businessCentral;

    @Autowired
    SyntheticShop shop;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    @Test
    void everySaleBecomesOneInvoiceAndActuatorShowsTheFlows() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (businessCentral.rows("salesInvoices").size() < shop.orders().size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<String, Long> invoiced = businessCentral.rows("salesInvoices").stream()
                .collect(Collectors.groupingBy(r -> r.path("externalDocumentNumber").asText(), Collectors.counting()));
        assertThat(invoiced).hasSize(shop.orders().size()).allSatisfy((number, times) -> assertThat(times).as(number).isEqualTo(1));

        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode sales = health.path("components").path("possync").path("details").path("sales");
        assertThat(sales.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(sales.path("failuresInARow").asInt()).isZero();

        JsonNode flows = get("/actuator/possync");
        assertThat(flows.fieldNames()).toIterable().containsExactly("customers", "sales");
        assertThat(flows.path("sales").path("scheduled").asBoolean()).isTrue();
        assertThat(flows.path("sales").path("lastReport").path("flow").asText()).isEqualTo("sales");

        JsonNode records = get("/actuator/metrics/possync.records?tag=flow:sales&tag=outcome:created");
        assertThat(records.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}

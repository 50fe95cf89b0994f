package io.possync.connector.accountview;

import com.sun.net.httpserver.HttpServer;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.StockLevel;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every answer sample parses through the connector's real path: a loopback server answers the token
 * endpoint, {@code /companies} and each business object with a sample file, and the canonical values
 * are checked field by field.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("../vendor-specs/accountview/samples");

    private final HttpServer server;
    private final Map<String, Path> answers = new ConcurrentHashMap<>();

    SamplesTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String key = path.endsWith("/token") ? "token" : path.endsWith("/companies") ? "companies"
                    : exchange.getRequestMethod().equals("POST") ? "post" : query.replaceAll(".*BusinessObject=([A-Za-z0-9]+).*", "$1");
            Path file = answers.get(key);
            byte[] body = file == null ? "{}".getBytes() : Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        answers.put("token", SAMPLES.resolve("PROPOSAL-token-response.json"));
        answers.put("companies", SAMPLES.resolve("PROPOSAL-get-companies-response.json"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AccountView accountView() {
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3");
        return AccountView.connect(AccountViewSettings.builder("id", Secret.of("secret"), Secret.of("refresh"), "DEMO")
                .endpoints(api, URI.create(api + "/token")).revenueAccount("*", "8000").vatCode("*", new BigDecimal("21"), "2")
                .build(), RateLimiter.unlimited());
    }

    @Test
    void theDebtorSampleReadsAsAPersonWithTrimmedKeys() {
        answers.put("AR1", SAMPLES.resolve("PROPOSAL-get-AR1-response.json"));

        List<Customer> debtors = accountView().debtors().changesSince(Cursor.initial(), 200).records();

        assertThat(debtors).singleElement().satisfies(c -> {
            assertThat(c.sourceRef().id()).isEqualTo("10001");
            assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
            assertThat(c.contactPerson()).hasValueSatisfying(p -> assertThat(p.lastName()).contains("Jansen"));
            assertThat(c.email()).contains("jan@example.com");
            assertThat(c.phone()).contains("0301234567");
            assertThat(c.billingAddress()).hasValueSatisfying(a -> {
                assertThat(a.street()).contains("Voorbeeldstraat");
                assertThat(a.houseNumber()).contains("1");
                assertThat(a.postalCode()).contains("3511 AB");
                assertThat(a.city()).contains("Utrecht");
                assertThat(a.country()).isEqualTo("NL");
            });
            assertThat(c.modifiedAt()).isEqualTo(Instant.parse("2024-01-31T13:02:11Z"));
        });
    }

    @Test
    void theArticleSampleReadsAsAProductAndItsStock() {
        answers.put("AK1", SAMPLES.resolve("PROPOSAL-get-AK1-response.json"));
        AccountView av = accountView();

        List<Product> products = av.articles().changesSince(Cursor.initial(), 200).records();
        List<StockLevel> stock = av.stock().changesSince(Cursor.initial(), 200).records();

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.sku()).isEqualTo("ART001");
            assertThat(p.name()).isEqualTo("Voorbeeldartikel");
            assertThat(p.price()).hasValueSatisfying(px -> {
                assertThat(px.amount()).isEqualByComparingTo("10.0");
                assertThat(px.includesTax()).isFalse();
            });
            assertThat(p.categories()).singleElement().satisfies(c -> assertThat(c.leaf()).isEqualTo("GRP1"));
        });
        assertThat(stock).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("ART001");
            assertThat(l.available()).isEqualByComparingTo(new BigDecimal("25"));
        });
    }

    @Test
    void theSalesOrderAnswerSampleGivesAccountViewsOrderNumber() {
        answers.put("post", SAMPLES.resolve("PROPOSAL-post-SO1-response.json"));
        answers.put("AK1", SAMPLES.resolve("PROPOSAL-get-AK1-response.json"));
        AccountView av = accountView();
        var order = Orders.sale("WEB-1001").toBuilder().shipping(null).build();

        var ref = av.salesOrders().create(Orders.mapped(order, av.salesOrders().defaultMapping()));

        assertThat(ref.id()).isEqualTo("2024000123");
    }

    @Test
    void theErrorSampleInA200AnswerIsAFailureNotASuccess() throws IOException {
        Path error = Files.createTempFile("error", ".json");
        Files.writeString(error, Files.readString(SAMPLES.resolve("error-response.json")).replace("\"ErrorMessage\": \"\"",
                "\"ErrorMessage\": \"Veld ACCT_NAME is verplicht\""));
        answers.put("post", error);
        AccountView av = accountView();

        assertThatThrownBy(() -> av.salesInvoices().create(Orders.mapped(Orders.sale("WEB-1"), av.salesInvoices().defaultMapping())))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.reason()).contains("Veld ACCT_NAME is verplicht"));
    }
}

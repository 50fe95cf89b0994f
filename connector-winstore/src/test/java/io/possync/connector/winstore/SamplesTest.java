package io.possync.connector.winstore;

import com.sun.net.httpserver.HttpServer;
import io.possync.api.Cursor;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.StockLevel;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

/**
 * Every answer sample parses through the connector's real path: a loopback server answers each
 * operation with a sample file, as XML or JSON, and the canonical values are checked field by field.
 */
class SamplesTest {

    private static final Path SAMPLES = Path.of("../vendor-specs/winstore/samples");

    private final HttpServer server;
    private final Map<String, Path> answers = new ConcurrentHashMap<>();

    SamplesTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String operation = path.substring(path.lastIndexOf('/') + 1);
            Path file = answers.get(operation);
            byte[] body = file == null ? new byte[0] : Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", file != null && file.toString().endsWith(".json") ? "application/json"
                    : "application/xml; charset=utf-8");
            exchange.sendResponseHeaders(file == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Winstore winstore() {
        return Winstore.connect(WinstoreSettings.builder("user", Secret.of("pw"))
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iposws/api/osd")).build(), RateLimiter.unlimited());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPOSAL-articles-response.xml", "PROPOSAL-articles-response.json"})
    void theArticlesSampleReadsAsAConfigurableProductWithTwoVariantsAndASimpleOne(String sample) {
        answers.put("GetArticleDataChangesByDate", SAMPLES.resolve(sample));

        List<Product> products = winstore().articles().changesSince(Cursor.of("2026-03-01T00:00:00Z|"), 100).records();

        assertThat(products).extracting(Product::sku).containsExactly("1001", "1001-42-black", "1001-43-black", "0057");
        Product shoe = products.get(0);
        assertThat(shoe.type()).isEqualTo(ProductType.CONFIGURABLE);
        assertThat(shoe.name()).isEqualTo("Runner shoe");
        assertThat(shoe.description()).contains("Lightweight running shoe");
        assertThat(shoe.price()).hasValueSatisfying(p -> {
            assertThat(p.amount()).isEqualByComparingTo("59.95");
            assertThat(p.includesTax()).isTrue();
        });
        assertThat(shoe.taxClass()).contains("21");
        assertThat(shoe.categories()).singleElement().satisfies(c -> assertThat(c.leaf()).isEqualTo("SHOES"));
        assertThat(shoe.imageUrls()).containsExactly("https://example.invalid/img/1001.jpg");
        assertThat(shoe.features()).containsEntry("brand", "Acme").containsEntry("Material", "Mesh").containsEntry("Gender", "Unisex");
        assertThat(shoe.customFields()).containsEntry("artkey", "42").containsEntry("supplierId", "7");
        assertThat(shoe.modifiedAt()).isEqualTo(Instant.parse("2026-03-01T09:15:00Z"));
        Product black43 = products.get(2);
        assertThat(black43.type()).isEqualTo(ProductType.VARIANT);
        assertThat(black43.parentSku()).contains("1001");
        assertThat(black43.ean()).contains("08712345678913");
        assertThat(black43.attributes()).containsEntry("size", "43").containsEntry("colour", "black");
        assertThat(black43.price()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualByComparingTo("62.95"));
        assertThat(black43.published()).isFalse();
        assertThat(products.get(1).price()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualByComparingTo("59.95"));
        Product spray = products.get(3);
        assertThat(spray.type()).isEqualTo(ProductType.SIMPLE);
        assertThat(spray.ean()).contains("010053790105");
        assertThat(spray.price()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualByComparingTo("7.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPOSAL-stock-changed-with-warehouse-response.xml", "PROPOSAL-stock-changed-with-warehouse-response.json"})
    void theStockSampleSumsAnArticlesGtinsAndWarehouses(String sample) {
        answers.put("GetArticleDataChangesByDate", SAMPLES.resolve("PROPOSAL-articles-response.xml"));
        answers.put("GetChangedStock", SAMPLES.resolve(sample));
        Winstore winstore = winstore();
        winstore.articles().changesSince(Cursor.of("2026-03-01T00:00:00Z|"), 100);

        List<StockLevel> levels = winstore.stock().changesSince(Cursor.initial(), 100).records();

        assertThat(levels).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("1001");
            assertThat(l.onHand()).isEqualByComparingTo(new BigDecimal("7"));
            assertThat(l.reserved()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(l.available()).isEqualByComparingTo(new BigDecimal("6"));
            assertThat(l.modifiedAt()).isEqualTo(Instant.parse("2026-03-01T09:21:05Z"));
        });
    }

    @Test
    void theSuppliersSampleDrivesTheFirstLoad() {
        answers.put("GetSuppliers", SAMPLES.resolve("PROPOSAL-suppliers-response.xml"));
        answers.put("GetArticleDataBySupplierId", SAMPLES.resolve("PROPOSAL-articles-response.json"));

        var first = winstore().articles().changesSince(Cursor.initial(), 100);

        assertThat(first.records()).hasSize(4);
        assertThat(first.hasMore()).as("a second supplier follows").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPOSAL-order-response-created.json", "PROPOSAL-order-response-created.xml",
            "PROPOSAL-order-response-duplicate.json"})
    void anOrderAnswerIsReadAndTheOrderIsKnownByItsNumber(String sample) throws IOException {
        answers.put("PostOrderWithStatusCode", SAMPLES.resolve(sample));
        Winstore winstore = winstore();
        var order = OrderBodyTest.docsExample("Test-001", BigDecimal.ZERO);

        var ref = winstore.orders().create(OrderBodyTest.mapped(order, io.possync.core.mapping.Mapping.of(winstore.orders().defaultMapping())));

        assertThat(ref.id()).isEqualTo("Test-001");
        var response = new io.possync.api.http.ApiResponse(200, Map.of("Content-Type", List.of(sample.endsWith(".json")
                ? "application/json" : "application/xml")), Files.readAllBytes(SAMPLES.resolve(sample)));
        assertThat(io.possync.connector.winstore.internal.WinstoreAnswers.records(response)).singleElement()
                .satisfies(r -> assertThat(r.text("orderid")).contains("700123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPOSAL-error-response.json", "PROPOSAL-error-response.xml"})
    void theErrorSampleParses(String sample) throws IOException {
        var response = new io.possync.api.http.ApiResponse(400, Map.of("Content-Type", List.of(sample.endsWith(".json")
                ? "application/json" : "application/xml")), Files.readAllBytes(SAMPLES.resolve(sample)));

        assertThat(io.possync.connector.winstore.internal.WinstoreAnswers.message(response)).contains("Unknown product_id 999999999998");
    }

    @Test
    void theProposedOrderFeedSampleParsesIntoRecordsWithNestedPositions() throws IOException {
        var response = new io.possync.api.http.ApiResponse(200, Map.of("Content-Type", List.of("application/xml")),
                Files.readAllBytes(SAMPLES.resolve("PROPOSAL-orders-changed-response.xml")));

        var records = io.possync.connector.winstore.internal.WinstoreAnswers.records(response);

        assertThat(records).isNotEmpty().allSatisfy(r -> {
            assertThat(r.text("ordernr")).isPresent();
            assertThat(r.list("positions")).isNotEmpty();
            assertThat(r.list("invoice_add")).singleElement().satisfies(a -> assertThat(a.text("fname")).contains("Jan"));
        });
    }

    @Test
    void theProposedOrderFeedSampleReadsAsAnOrderThroughTheFeed() {
        answers.put("GetArticleDataChangesByDate", SAMPLES.resolve("PROPOSAL-articles-response.xml"));
        answers.put("GetOrderChangesByDate", SAMPLES.resolve("PROPOSAL-orders-changed-response.xml"));
        Winstore winstore = Winstore.connect(WinstoreSettings.builder("user", Secret.of("pw")).orderFeed(true)
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iposws/api/osd")).build(), RateLimiter.unlimited());
        winstore.articles().changesSince(Cursor.of("2026-03-01T00:00:00Z|"), 100);

        var orders = winstore.orderFeed().changesSince(Cursor.initial(), 100).records();

        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("POS-2026-000481");
            assertThat(o.status()).isEqualTo(io.possync.api.OrderStatus.PAID);
            assertThat(o.createdAt()).isEqualTo(Instant.parse("2026-03-02T14:41:09Z"));
            assertThat(o.lines()).singleElement().satisfies(l -> {
                assertThat(l.sku()).isEqualTo("1001-43-black");
                assertThat(l.unitPrice()).isEqualByComparingTo("62.95");
            });
            assertThat(o.totals().gross()).isEqualByComparingTo("62.95");
            assertThat(o.customer()).hasValueSatisfying(c -> assertThat(c.email()).contains("jan@voorbeeld.example"));
            assertThat(o.store()).contains("Winkel Utrecht");
        });
    }

    @Test
    void anotherFieldCanBeTheCategoryAndAnEmptyOneTakesTheDefault() {
        answers.put("GetArticleDataChangesByDate", SAMPLES.resolve("PROPOSAL-articles-response.json"));
        Winstore winstore = Winstore.connect(WinstoreSettings.builder("user", Secret.of("pw")).categoryField("brand").defaultCategory("Overig")
                .baseUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/iposws/api/osd")).build(), RateLimiter.unlimited());

        List<Product> products = winstore.articles().changesSince(Cursor.of("2026-03-01T00:00:00Z|"), 100).records();

        assertThat(products.get(0).categories()).singleElement().satisfies(c -> assertThat(c.leaf()).isEqualTo("Acme"));
        assertThat(products.get(3).categories()).singleElement().satisfies(c -> assertThat(c.leaf()).isEqualTo("Overig"));
    }
}

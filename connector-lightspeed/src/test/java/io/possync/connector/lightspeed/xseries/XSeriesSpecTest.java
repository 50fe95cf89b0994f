package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.spec.OpenApiDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The X-Series wire against Lightspeed's published API 2.0 OpenAPI document
 * (vendor-specs/lightspeed/specs): every body the connector sends to a 2.0 endpoint conforms to the
 * endpoint's request schema and names no other field; every write elsewhere goes to one of the
 * endpoints the document does not cover, each UNCONFIRMED in the README; and the records the sandbox
 * serves conform to the answers' schemas.
 */
class XSeriesSpecTest {

    private static final OpenApiDocument SPEC = OpenApiDocument.read(Path.of("../vendor-specs/lightspeed/specs/xseries-api-2.0.openapi.json"));
    /** Endpoints written that API 2.0's document does not describe (see the README's UNCONFIRMED list). */
    private static final Set<String> OUTSIDE_THE_DOCUMENT = Set.of("/api/2.1/products", "/api/2.1/products/{id}", "/api/register_sales");
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos() {
        return LightspeedXSeries.connect(SandboxSettings.sellingOnFirstRegister(sandbox).build());
    }

    /** Customers and products created and updated, stock written and a sale rung up, through the connector. */
    private void writeEveryKind() {
        LightspeedXSeries pos = pos();
        List<Customer> customers = PersonalDataCheck.customers("erp", 3);
        engine.run(Flow.customers("c").from(new ListSource<>("erp", customers)).to(pos.customers()).build());
        engine.run(Flow.customers("c2").from(new ListSource<>("erp", customers.stream()
                .map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(T.plusSeconds(60)).build()).toList())).to(pos.customers()).build());
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            products.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "P" + i), "SKU-" + i, T).name("Product " + i)
                    .price(new Price(new BigDecimal("12.10"), "EUR", true)).ean("871234567890" + i)
                    .categories(List.of(io.possync.api.CategoryPath.of("Kitchen", "Set " + i))).build());
        }
        engine.run(Flow.products("p").from(new ListSource<>("erp", products)).to(pos.products()).build());
        engine.run(Flow.products("p2").from(new ListSource<>("erp", products.stream()
                .map(p -> p.toBuilder().name(p.name() + " (new)").modifiedAt(T.plusSeconds(60)).build()).toList())).to(pos.products()).build());
        List<Product> family = new ArrayList<>();
        family.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE"), "TEE", T).name("T-shirt").description("Cotton")
                .type(io.possync.api.ProductType.CONFIGURABLE).attributes(java.util.Map.of("size", "")).build());
        for (String size : List.of("M", "L")) {
            family.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "TEE-" + size), "TEE-" + size, T).name("T-shirt " + size)
                    .type(io.possync.api.ProductType.VARIANT).parentSku("TEE").attributes(java.util.Map.of("size", size))
                    .price(new Price(new BigDecimal("19.95"), "EUR", true)).build());
        }
        engine.run(Flow.products("f").from(new ListSource<>("erp", family)).to(pos.products()).build());
        engine.run(Flow.stock("stock").from(new ListSource<>("erp", List.of(new io.possync.api.StockLevel(
                new Ref("erp", EntityType.STOCK_LEVEL, "SKU-1@A"), "SKU-1", sandbox.outletIds().get(0), new BigDecimal("7"),
                BigDecimal.ZERO, new BigDecimal("7"), T, java.util.Optional.empty())))).to(pos.inventory()).build());
        engine.run(Flow.orders("s").from(new ListSource<>("webshop", List.of(Order.builder(new Ref("webshop", EntityType.ORDER, "O1"), "WEB-1", T)
                .currency("EUR").pricesIncludeTax(true)
                .lines(List.of(OrderLine.of("SKU-1", "Product 1", BigDecimal.ONE, new BigDecimal("12.10"), new BigDecimal("21"))))
                .payments(List.of(new Payment("Cash", new BigDecimal("12.10"))))
                .totals(new OrderTotals(new BigDecimal("10.00"), new BigDecimal("2.10"), new BigDecimal("12.10"))).build())))
                .to(pos.sales()).build());
    }

    @Test
    void everyBodySentToAnApi20EndpointConformsToItsRequestSchema() {
        sandbox.recordWrites();
        writeEveryKind();

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ReceivedWrite w : sandbox.receivedWrites()) {
            String path = URI.create(w.uri()).getPath();
            if (!path.startsWith("/api/2.0/")) {
                continue;
            }
            String template = SPEC.pathTemplate(path.substring("/api/2.0".length())).orElse("(none)");
            JsonNode schema = SPEC.requestSchema(w.method().toLowerCase(), template).orElse(null);
            if (schema == null) {
                problems.add(w.method() + " " + path + ": the document has no request body for it");
                continue;
            }
            checked++;
            SPEC.problems(read(w.body()), schema, true).forEach(p -> problems.add(w.method() + " " + path + " " + p));
        }

        assertThat(checked).as("bodies checked").isGreaterThanOrEqualTo(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOtherWriteGoesToAnEndpointTheReadmeListsAsUnconfirmed() {
        sandbox.recordWrites();
        writeEveryKind();

        assertThat(sandbox.receivedWrites()).extracting(w -> URI.create(w.uri()).getPath())
                .filteredOn(p -> !p.startsWith("/api/2.0/") && !p.startsWith("/api/1.0/token"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.replaceAll("/[0-9a-f-]{36}$", "/{id}")).isIn(OUTSIDE_THE_DOCUMENT));
    }

    @Test
    void theRecordsTheSandboxServesConformToTheDocumentsAnswers() {
        writeEveryKind();
        LightspeedXSeries pos = pos();

        assertConform("/customers", pos.customers().changesSince(Cursor.initial(), 100).records());
        assertConform("/products", pos.products().changesSince(Cursor.initial(), 100).records());
        assertConform("/sales", pos.sales().changesSince(Cursor.initial(), 100).records());
        assertConform("/inventory", pos.inventory().changesSince(Cursor.initial(), 100).records());
    }

    private static void assertConform(String collection, List<? extends CanonicalRecord> records) {
        JsonNode item = itemSchema(collection);
        assertThat(records).as(collection).isNotEmpty().allSatisfy(r ->
                assertThat(SPEC.problems(r.raw().orElseThrow(), item, false)).as(collection + " " + r.sourceRef().id()).isEmpty());
    }

    /** The schema of one record of a collection's answer ({@code data[]}). */
    private static JsonNode itemSchema(String collection) {
        JsonNode answer = SPEC.responseSchema("get", collection, 200).orElseThrow();
        JsonNode resolved = answer;
        while (resolved.has("$ref")) {
            resolved = specRoot().at(resolved.get("$ref").asText().substring(1));
        }
        return resolved.path("properties").path("data").path("items");
    }

    private static JsonNode specRoot() {
        try {
            return Json.MAPPER.readTree(Path.of("../vendor-specs/lightspeed/specs/xseries-api-2.0.openapi.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}

package io.possync.connector.lightspeed.xseries;

import io.possync.api.CategoryPath;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and stock from the ERP into X-Series through API 2.1's product writes. */
class XSeriesProductAndStockSinkTest {

    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").outlet("Utrecht").start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos(String stockOutlet) {
        XSeriesSettings.Builder b = SandboxSettings.of(sandbox);
        if (stockOutlet != null) {
            b.stockOutlet(stockOutlet);
        }
        return LightspeedXSeries.connect(b.build());
    }

    private static Product product(String sku, String price, int minute, ProductType type) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, Instant.parse("2026-11-01T08:00:00Z").plusSeconds(60L * minute))
                .name("Mug " + sku).type(type).price(new Price(new BigDecimal(price), "EUR", true)).build();
    }

    @Test
    void simpleProductsAreCreatedOnceThenUpdatedAndAConfigurableProductWithoutVariantsWaitsForOne() {
        LightspeedXSeries pos = pos(null);
        List<Product> day1 = List.of(product("MUG-1", "12.95", 1, ProductType.SIMPLE), product("TEE", "29.00", 2, ProductType.CONFIGURABLE));

        SyncReport first = engine.run(Flow.products("erp-items").from(new ListSource<>("erp", day1)).to(pos.products()).build());
        List<Product> day2 = new java.util.ArrayList<>(day1);
        day2.add(product("MUG-1", "13.95", 3, ProductType.SIMPLE));   // the source's change feed: the changed product again
        SyncReport second = engine.run(Flow.products("erp-items").from(new ListSource<>("erp", day2)).to(pos.products()).build());

        assertThat(first.count(Outcome.CREATED)).isEqualTo(1);
        assertThat(first.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("waits for one"));
        assertThat(second.count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(sandbox.records("products")).singleElement().satisfies(p -> {
            assertThat(p.path("sku").asText()).isEqualTo("MUG-1");
            assertThat(p.path("name").asText()).isEqualTo("Mug MUG-1");
            assertThat(p.path("price_including_tax").decimalValue()).isEqualByComparingTo("13.95");
        });
    }

    @Test
    void anEanIsWrittenAsTheProductsEanCodeAndReadBack() {
        LightspeedXSeries pos = pos(null);
        Product mug = product("MUG-1", "12.95", 1, ProductType.SIMPLE).toBuilder().ean("8712345678906").build();

        engine.run(Flow.products("erp-items").from(new ListSource<>("erp", List.of(mug))).to(pos.products()).build());

        assertThat(sandbox.records("products")).singleElement().satisfies(p -> assertThat(p.path("product_codes").toString())
                .contains("\"type\":\"EAN\"").contains("8712345678906"));
        assertThat(pos.products().changesSince(io.possync.api.Cursor.initial(), 10).records()).singleElement()
                .satisfies(p -> assertThat(p.ean()).hasValue("8712345678906"));
    }

    @Test
    void aCategoryPathIsCreatedLevelByLevelOnceAndReadBackAsTheProductsCategory() {
        LightspeedXSeries pos = pos(null);
        List<Product> products = List.of(
                product("MUG-1", "12.95", 1, ProductType.SIMPLE).toBuilder().categories(List.of(CategoryPath.of("Kitchen", "Mugs"))).build(),
                product("MUG-2", "14.95", 2, ProductType.SIMPLE).toBuilder().categories(List.of(CategoryPath.of("Kitchen", "Mugs"))).build(),
                product("PLATE-1", "9.95", 3, ProductType.SIMPLE).toBuilder().categories(List.of(CategoryPath.of("kitchen", "Plates"))).build());

        SyncReport report = engine.run(Flow.products("erp-items").from(new ListSource<>("erp", products)).to(pos.products()).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.requestCount("POST product_categories/bulk")).isEqualTo(2);
        assertThat(sandbox.records("product_categories")).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("Kitchen", "Mugs", "Plates");
        assertThat(LightspeedXSeries.connect(SandboxSettings.of(sandbox).build()).products().changesSince(io.possync.api.Cursor.initial(), 10)
                .records()).extracting(Product::sku, p -> p.categories().get(0).segments())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MUG-1", List.of("Kitchen", "Mugs")),
                        org.assertj.core.groups.Tuple.tuple("MUG-2", List.of("Kitchen", "Mugs")),
                        org.assertj.core.groups.Tuple.tuple("PLATE-1", List.of("Kitchen", "Plates")));
    }

    @Test
    void stockIsSetPerOutletAndAnUnknownLocationGoesToTheStockOutlet() {
        String mug = sandbox.seed("products", io.possync.api.internal.Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-1"))
                .get("id").asText();
        List<String> outlets = sandbox.outletIds();
        List<StockLevel> levels = List.of(
                StockLevel.of("erp", "MUG-1", outlets.get(1), new BigDecimal("7"), BigDecimal.ZERO, new BigDecimal("7"), Instant.now()),
                StockLevel.of("erp", "MUG-1", "WAREHOUSE", new BigDecimal("40"), BigDecimal.ZERO, new BigDecimal("40"), Instant.now()));

        SyncReport report = engine.run(Flow.stock("erp-stock").from(new ListSource<>("erp", levels)).to(pos(outlets.get(0)).inventory()).build());

        assertThat(report.count(Outcome.UPDATED)).isEqualTo(2);
        assertThat(sandbox.records("inventory")).filteredOn(i -> i.path("product_id").asText().equals(mug))
                .extracting(i -> i.path("outlet_id").asText(), i -> i.path("inventory_level").decimalValue().intValue())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(outlets.get(1), 7),
                        org.assertj.core.groups.Tuple.tuple(outlets.get(0), 40));
    }
}

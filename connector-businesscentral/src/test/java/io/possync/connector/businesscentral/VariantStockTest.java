package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stock per variant through the custom route's variant stock pages (a PROPOSAL): the items sink puts each variant's SKU on
 * the variant page, and the stock source reads the stock query, each variant's level under its SKU.
 */
class VariantStockTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().customApi("contoso", "possync", "v1.0").pageSize(3)
            .start();
    private final CustomApi route = new CustomApi("contoso", "possync", "v1.0").withVariantStock();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product product(String sku, ProductType type, String parent) {
        Product.Builder b = Product.builder(new Ref("pos", EntityType.PRODUCT, sku), sku, Instant.parse("2026-11-01T08:00:00Z"))
                .name("T-shirt " + sku).type(type).price(new Price(new BigDecimal("19.95"), "EUR", true));
        if (parent != null) {
            b.parentSku(parent).attributes(Map.of("size", sku.substring(sku.lastIndexOf('-') + 1)));
        }
        return b.build();
    }

    private static List<Product> catalogue() {
        return List.of(product("TEE", ProductType.CONFIGURABLE, null), product("TEE-S", ProductType.VARIANT, "TEE"),
                product("TEE-ORGANIC-COTTON-XXL", ProductType.VARIANT, "TEE"), product("MUG", ProductType.SIMPLE, null));
    }

    private SyncReport syncProducts(BusinessCentral bc) {
        return SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("pos-items")
                .from(new ListSource<>("pos", catalogue())).to(bc.items()).build());
    }

    private static Map<String, BigDecimal> levels(BusinessCentral bc, List<String> unreadable) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        Cursor cursor = Cursor.initial();
        do {
            Page<StockLevel> page = bc.stock().changesSince(cursor, 100);
            page.records().forEach(l -> out.put(l.sku(), l.onHand()));
            page.unreadable().forEach(u -> unreadable.add(u.getMessage()));
            cursor = page.next();
            if (!page.hasMore()) {
                break;
            }
        } while (true);
        return out;
    }

    private String code(String sku) {
        return sandbox.rows("itemVariants").stream().filter(v -> v.path("description").asText().endsWith(sku))
                .findFirst().orElseThrow().path("code").asText();
    }

    @Test
    void eachVariantsStockIsReadUnderItsSku() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());
        assertThat(syncProducts(bc).rejections()).isEmpty();
        sandbox.postVariantStock("TEE", code("TEE-S"), 7);
        sandbox.postVariantStock("TEE", code("TEE-ORGANIC-COTTON-XXL"), 3);

        List<String> unreadable = new ArrayList<>();
        Map<String, BigDecimal> levels = levels(bc, unreadable);

        assertThat(unreadable).isEmpty();
        assertThat(levels).containsEntry("TEE-S", new BigDecimal("7")).containsEntry("TEE-ORGANIC-COTTON-XXL", new BigDecimal("3"))
                .containsEntry("TEE", BigDecimal.ZERO).containsEntry("MUG", BigDecimal.ZERO);
        assertThat(sandbox.rows("items")).filteredOn(i -> i.path("number").asText().equals("TEE")).singleElement()
                .satisfies(i -> assertThat(i.path("inventory").asInt()).as("the item's total").isEqualTo(10));
    }

    @Test
    void aVariantWrittenWithoutTheRouteHasNoSkuAndIsUnreadableNamingIt() {
        syncProducts(BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).pictures(false).build()));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());

        List<String> unreadable = new ArrayList<>();
        Map<String, BigDecimal> levels = levels(bc, unreadable);

        assertThat(levels).containsOnlyKeys("TEE", "MUG");
        assertThat(unreadable).hasSize(2).allSatisfy(m -> assertThat(m).contains("of item TEE has no SKU").contains("itemVariantSkus"));
    }

    @Test
    void aStockLevelIsFetchedBySku() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());
        syncProducts(bc);
        sandbox.postVariantStock("TEE", code("TEE-S"), 4);

        assertThat(bc.stock().fetch("TEE-S@ALL")).hasValueSatisfying(l -> assertThat(l.onHand()).isEqualByComparingTo("4"));
    }

    @Test
    void withoutVariantStockTheSourceReadsItemTotals() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());
        syncProducts(bc);
        sandbox.postVariantStock("TEE", code("TEE-S"), 4);
        BusinessCentral totals = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox)
                .customApi(new CustomApi("contoso", "possync", "v1.0")).pictures(false).build());

        Map<String, BigDecimal> levels = levels(totals, new ArrayList<>());

        assertThat(levels).containsOnlyKeys("TEE", "MUG").containsEntry("TEE", new BigDecimal("4"));
        assertThat(levels.keySet().stream().collect(Collectors.toList())).doesNotContain("TEE-S");
    }
}

package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.Product;
import io.possync.api.StockLevel;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With stockPerVariant each variant's stock is a level of its own, under the SKU the articles source gives the variant. */
class VariantStockTest {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void seedShoe() {
        sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe",
                "variants", List.of(Map.of("gtin", "08712345678906", "size", "42"), Map.of("gtin", "08712345678913", "size", "43"))));
        sandbox.setStock("08712345678906", 1, 5, 1);
        sandbox.setStock("08712345678906", 2, 7, 0);
        sandbox.setStock("08712345678913", 1, 3, 0);
    }

    @Test
    void eachVariantsStockIsALevelUnderTheVariantsSku() {
        seedShoe();
        Winstore winstore = connections.connect(connections.settings().stockPerVariant(true).build());
        List<String> variantSkus = winstore.articles().changesSince(Cursor.initial(), 100).records().stream()
                .filter(p -> p.parentSku().isPresent()).map(Product::sku).toList();

        List<StockLevel> levels = winstore.stock().changesSince(Cursor.initial(), 100).records();

        assertThat(levels).extracting(StockLevel::sku).containsExactlyInAnyOrderElementsOf(variantSkus);
        assertThat(levels).filteredOn(l -> l.sku().equals(variantSkus.get(0))).singleElement().satisfies(l -> {
            assertThat(l.onHand()).as("summed over both warehouses").isEqualByComparingTo("12");
            assertThat(l.available()).isEqualByComparingTo("11");
        });
    }

    @Test
    void byDefaultTheVariantsAreSummedIntoTheArticle() {
        seedShoe();
        Winstore winstore = connections.connect(connections.settings().build());
        winstore.articles().changesSince(Cursor.initial(), 100);

        assertThat(winstore.stock().changesSince(Cursor.initial(), 100).records()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("1001");
            assertThat(l.onHand()).isEqualByComparingTo("15");
        });
    }

    @Test
    void aVariantsLevelIsFetchedByItsId() {
        seedShoe();
        Winstore winstore = connections.connect(connections.settings().stockPerVariant(true).build());
        winstore.articles().changesSince(Cursor.initial(), 100);
        StockLevel read = winstore.stock().changesSince(Cursor.initial(), 100).records().get(1);

        assertThat(winstore.stock().fetch(read.sourceRef().id())).hasValueSatisfying(l -> {
            assertThat(l.sku()).isEqualTo(read.sku());
            assertThat(l.onHand()).isEqualByComparingTo(read.onHand());
        });
    }
}

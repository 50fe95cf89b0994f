package io.possync.connector.lightspeed;

import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.Publication;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** New items as drafts (archived until someone publishes them, and left so by updates), and items without stock management. */
class PublicationTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
    private final LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
    private final Instant t = Instant.parse("2026-12-01T08:00:00Z");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Product product(String sku, String name, Instant modified) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, modified).name(name)
                .price(new Price(new BigDecimal("9.95"), "EUR", true)).build();
    }

    @Test
    void aDraftIsCreatedArchivedAndStaysSoWhenUpdated() {
        Product mug = product("MUG", "Mug", t);
        engine.run(Flow.products("items").from(new ListSource<>("erp", List.of(mug))).to(pos.items())
                .newProducts(Publication.DRAFT).build());
        assertThat(sandbox.records("Item")).singleElement().satisfies(i -> assertThat(i.path("archived").asText()).isEqualTo("true"));

        Product renamed = mug.toBuilder().name("Stoneware mug").modifiedAt(t.plusSeconds(60)).build();
        engine.run(Flow.products("items").from(new ListSource<>("erp", List.of(mug, renamed))).to(pos.items()).build());

        assertThat(sandbox.records("Item")).singleElement().satisfies(i -> {
            assertThat(i.path("description").asText()).isEqualTo("Stoneware mug");
            assertThat(i.path("archived").asText()).isEqualTo("true");
        });
    }

    @Test
    void publishedProductsAreCreatedUnarchivedWhateverTheSourceSays() {
        Product hidden = product("MUG", "Mug", t).toBuilder().published(false).build();

        engine.run(Flow.products("items").from(new ListSource<>("erp", List.of(hidden))).to(pos.items())
                .newProducts(Publication.PUBLISHED).build());

        assertThat(sandbox.records("Item")).singleElement().satisfies(i -> assertThat(i.path("archived").asText("false")).isEqualTo("false"));
    }

    @Test
    void aProductWithoutStockManagementBecomesANonInventoryItem() {
        engine.run(Flow.products("items").from(new ListSource<>("erp", List.of(product("WRAP", "Gift wrapping", t)))).to(pos.items())
                .stockManaged(false).build());

        assertThat(sandbox.records("Item")).singleElement().satisfies(i -> assertThat(i.path("itemType").asText()).isEqualTo("non_inventory"));
    }
}

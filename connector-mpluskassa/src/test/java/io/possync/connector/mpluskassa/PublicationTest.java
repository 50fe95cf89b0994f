package io.possync.connector.mpluskassa;

import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.Publication;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** New articles as drafts (inactive until the till's owner activates them, and left so by updates), and articles without stock. */
class PublicationTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();
    private final Product tee = Product.builder(new Ref("shop", EntityType.PRODUCT, "1"), "100001", Instant.parse("2026-12-01T08:00:00Z"))
            .name("Tee").price(new Price(new BigDecimal("19.95"), "EUR", true)).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aDraftIsCreatedInactiveAndAnUpdateLeavesItInactive() {
        engine.run(Flow.products("articles").from(new ListSource<>("shop", List.of(tee))).to(mplus.articles())
                .newProducts(Publication.DRAFT).build());
        assertThat(sandbox.articles()).singleElement().satisfies(a -> assertThat(a.active()).isFalse());

        Product renamed = tee.toBuilder().name("Organic tee").modifiedAt(tee.modifiedAt().plusSeconds(60)).build();
        engine.run(Flow.products("articles").from(new ListSource<>("shop", List.of(tee, renamed))).to(mplus.articles()).build());

        assertThat(sandbox.articles()).singleElement().satisfies(a -> {
            assertThat(a.description()).isEqualTo("Organic tee");
            assertThat(a.active()).isFalse();
        });
    }

    @Test
    void aProductWithoutStockManagementIsSentAsNoStockArticle() {
        sandbox.recordWrites();

        engine.run(Flow.products("articles").from(new ListSource<>("shop", List.of(tee))).to(mplus.articles()).stockManaged(false).build());

        assertThat(sandbox.receivedWrites()).filteredOn(w -> w.body().contains("createProduct")).singleElement()
                .satisfies(w -> assertThat(w.body()).contains("<ns1:stockArticle>false</ns1:stockArticle>"));
    }
}

package io.possync.connector.mpluskassa;

import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Size/colour variants are the articles of one MplusKASSA product; categories are its article groups. */
class VariantTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product parent() {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, "p"), "300000", T).name("Tee").type(ProductType.CONFIGURABLE)
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
    }

    private static Product variant(String id, String sku, String colour, String size) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, id), sku, T).name("Tee " + colour + " " + size).type(ProductType.VARIANT)
                .parentSku("300000").attributes(Map.of("Color", colour, "size", size))
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
    }

    private SyncReport sync(MplusKassa mplus, InMemoryStateStore store, List<Product> products) {
        return SyncEngine.builder().stateStore(store).build().run(Flow.products("erp-products").from(new ListSource<>("erp", products))
                .to(mplus.articles()).retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build());
    }

    @Test
    void variantsBecomeArticlesOfTheirParentsProductWithColourAndSize() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

        SyncReport report = sync(mplus, new InMemoryStateStore(), List.of(parent(), variant("v1", "300001", "Red", "M"),
                variant("v2", "300002", "Blue", "L")));

        assertThat(report.rejections()).isEmpty();
        List<MplusSandbox.Article> articles = sandbox.articles();
        assertThat(articles).hasSize(3);
        assertThat(articles).extracting(MplusSandbox.Article::productNumber).containsOnly(articles.get(0).productNumber());
        MplusSandbox.Article red = articles.stream().filter(a -> a.articleNumber() == 300001L).findFirst().orElseThrow();
        assertThat(red.colour()).contains("Red");
        assertThat(red.size()).contains("M");
    }

    @Test
    void aVariantBeforeItsParentWaitsAndLandsOnceTheParentIsThere() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        InMemoryStateStore store = new InMemoryStateStore();

        SyncReport first = sync(mplus, store, List.of(variant("v1", "300001", "Red", "M"), parent()));
        SyncReport second = sync(mplus, store, List.of(variant("v1", "300001", "Red", "M"), parent()));

        assertThat(first.rejections()).singleElement().satisfies(r -> assertThat(r.fieldPath()).contains("parentSku"));
        assertThat(second.rejections()).isEmpty();
        assertThat(store.retryQueue("erp-products", 10)).isEmpty();
        assertThat(sandbox.articles()).hasSize(2).extracting(MplusSandbox.Article::productNumber).containsOnly(
                sandbox.articles().get(0).productNumber());
    }

    @Test
    void categoriesBecomeArticleGroupsCreatedOnceParentFirst() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        Product tee = parent().toBuilder().type(ProductType.SIMPLE)
                .categories(List.of(io.possync.api.CategoryPath.of("Men", "Shirts"))).build();
        Product polo = Product.builder(new Ref("erp", EntityType.PRODUCT, "q"), "300100", T).name("Polo")
                .categories(List.of(io.possync.api.CategoryPath.of("men", "Shirts"))).build();

        SyncReport report = sync(mplus, new InMemoryStateStore(), List.of(tee, polo));

        assertThat(report.rejections()).isEmpty();
        Map<Integer, MplusSandbox.ArticleGroup> groups = sandbox.articleGroups();
        assertThat(groups).hasSize(2);
        int men = groups.entrySet().stream().filter(e -> e.getValue().name().equals("Men")).findFirst().orElseThrow().getKey();
        int shirts = groups.entrySet().stream().filter(e -> e.getValue().name().equals("Shirts")).findFirst().orElseThrow().getKey();
        assertThat(groups.get(shirts).parent()).isEqualTo(men);
        assertThat(sandbox.articles()).allSatisfy(a -> assertThat(sandbox.productGroups(a.productNumber())).containsExactly(shirts));
    }
}

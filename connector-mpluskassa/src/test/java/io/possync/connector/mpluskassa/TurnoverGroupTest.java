package io.possync.connector.mpluskassa;

import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.mapping.ValueMap;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A new article's turnover group is a mapped field: the settings' group by default, or what the mapping says. */
class TurnoverGroupTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product product(String sku, String taxClass) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, T).name("Product " + sku).taxClass(taxClass)
                .price(new Price(new BigDecimal("9.95"), "EUR", true)).build();
    }

    private final List<Product> products = List.of(product("100001", "high"), product("100002", "low"), product("100003", "zero"));

    private Flow<Product> flow(MplusKassa mplus) {
        return Flow.products("erp-products").from(new ListSource<>("erp", products)).to(mplus.articles())
                .mapping(m -> m.withValueMap(ValueMap.builder("turnoverGroups").row("high", "20").row("low", "21")
                                .defaultValue("10").build())
                        .override("turnoverGroup", "$valueMap('turnoverGroups', taxClass)"))
                .build();
    }

    @Test
    void withoutAMappingNewArticlesGetTheSettingsTurnoverGroup() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).turnoverGroup(30).build());

        SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.products("erp-products").from(new ListSource<>("erp", products)).to(mplus.articles()).build());

        assertThat(sandbox.articles()).extracting(a -> a.turnoverGroup().orElseThrow()).containsOnly(30);
    }

    @Test
    void theTurnoverGroupFollowsTheProductsTaxClassThroughAValueMap() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(flow(mplus));

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.articles().stream().collect(Collectors.toMap(MplusSandbox.Article::articleNumber,
                a -> a.turnoverGroup().orElseThrow()))).isEqualTo(Map.of(100001L, 20, 100002L, 21, 100003L, 10));
    }

    @Test
    void theDryRunShowsTheTurnoverGroupTheWriteSends() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

        Map<String, Integer> planned = engine.dryRun(flow(mplus)).plannedWrites().stream().collect(Collectors.toMap(
                w -> w.source().id(), w -> w.fields().path("turnoverGroup").asInt()));
        engine.run(flow(mplus));

        Map<String, Integer> written = sandbox.articles().stream().collect(Collectors.toMap(a -> a.extArticleId().orElseThrow(),
                a -> a.turnoverGroup().orElseThrow()));
        assertThat(planned).isEqualTo(written).containsEntry("100001", 20);
    }
}

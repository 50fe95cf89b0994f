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

import static org.assertj.core.api.Assertions.assertThat;

/** Article numbers are digits only: a non-numeric SKU is a rejection naming the field, or a number through a value map. */
class ArticleNumberTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product product(String id, String sku, String price) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, id), sku, T).name("Product " + sku)
                .price(new Price(new BigDecimal(price), "EUR", true)).build();
    }

    private final List<Product> products = List.of(product("1", "100001", "9.95"), product("2", "TEE-RED-M", "19.95"),
            product("3", "100003", "4.50"));

    @Test
    void aNonNumericSkuIsRejectedOnItsFieldWhileTheRestSyncs() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.products("erp-products").from(new ListSource<>("erp", products)).to(mplus.articles()).build());

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("sku");
            assertThat(r.reason()).contains("TEE-RED-M").contains("digits only");
        });
        assertThat(sandbox.articles()).extracting(MplusSandbox.Article::articleNumber).containsExactlyInAnyOrder(100001L, 100003L);
    }

    @Test
    void aValueMapNumbersANonNumericSkuWhichIsThenFoundAgainByIt() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        Flow<Product> flow = Flow.products("erp-products").from(new ListSource<>("erp", products)).to(mplus.articles())
                .mapping(m -> m.withValueMap(ValueMap.builder("articleNumbers").row("TEE-RED-M", "200500").build())
                        .override("articleNumber", "$contains(sku, /^[0-9]+$/) ? sku : $valueMap('articleNumbers', sku)"))
                .build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(flow);

        assertThat(report.rejections()).isEmpty();
        MplusSandbox.Article tee = sandbox.articles().stream().filter(a -> a.articleNumber() == 200500L).findFirst().orElseThrow();
        assertThat(tee.extArticleId()).contains("TEE-RED-M");
        assertThat(tee.pluNumber()).contains("TEE-RED-M");
        assertThat(tee.priceIncl()).contains(1995L);
        assertThat(mplus.articles().find(io.possync.api.NaturalKey.sku("TEE-RED-M"))).map(Ref::id).contains("200500");
    }

    @Test
    void aPriceCentsCannotHoldIsRejectedOnThePrice() {
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("erp-products")
                .from(new ListSource<>("erp", List.of(product("9", "100009", "1.2345")))).to(mplus.articles()).build());

        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.fieldPath()).contains("price.amount"));
        assertThat(sandbox.articles()).isEmpty();
    }
}

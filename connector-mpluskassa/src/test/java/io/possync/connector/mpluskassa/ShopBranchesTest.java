package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Json;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each web-shop shop maps to a MplusKASSA branch: its orders are entered there, and that branch's stock is the shop's. */
class ShopBranchesTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().branches(1, 2).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private MplusKassa mplus() {
        return MplusKassa.connect(Sandbox.settings(sandbox).branchOfShop("7", 2).build());
    }

    @Test
    void anOrderOfAShopIsEnteredInItsBranchAndOneOfAnotherShopInTheSettingsBranch() {
        sandbox.seedArticle(100001, "Mok", 995);
        MplusKassa mplus = mplus();

        mplus.orders().create(DocumentsTest.mapped(order("W-1", "7"), mplus.orders().defaultMapping()));
        mplus.orders().create(DocumentsTest.mapped(order("W-2", "3"), mplus.orders().defaultMapping()));

        assertThat(sandbox.orders()).extracting(o -> o.extOrderId() + "@" + o.branchNumber()).containsExactly("W-1@2", "W-2@1");
    }

    @Test
    void theStockOfEachBranchIsReadAsItsShopsAndWrittenBackToItsBranch() {
        sandbox.seedArticle(100001, "Mok", 995);
        sandbox.receiveGoods(1, 100001, 5);
        sandbox.receiveGoods(2, 100001, 8);
        MplusKassa mplus = mplus();

        List<StockLevel> levels = mplus.stock().changesSince(Cursor.initial(), 100).records();
        StockLevel shop7 = levels.stream().filter(l -> l.location().equals("7")).findFirst().orElseThrow();
        mplus.stock().update(new Ref(MplusKassa.SYSTEM, EntityType.STOCK_LEVEL, "100001"), new MappedRecord<>(shop7,
                Json.MAPPER.createObjectNode().put("amount", 3)));

        assertThat(levels).extracting(l -> l.location() + "=" + l.onHand().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("1=5", "7=8");
        assertThat(sandbox.stock(2, 100001)).hasValueSatisfying(s -> assertThat(s.amount()).isEqualTo(3));
        assertThat(sandbox.stock(1, 100001)).hasValueSatisfying(s -> assertThat(s.amount()).isEqualTo(5));
    }

    private static Order order(String number, String shop) {
        return Order.builder(new Ref("shop", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z")).currency("EUR")
                .store(shop).lines(List.of(new OrderLine("100001", Optional.empty(), "Mok", BigDecimal.ONE, new BigDecimal("9.95"),
                        new BigDecimal("21"), BigDecimal.ZERO)))
                .totals(new OrderTotals(new BigDecimal("8.22"), new BigDecimal("1.73"), new BigDecimal("9.95"))).build();
    }
}

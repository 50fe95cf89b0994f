package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One record MplusKASSA sends in a shape the connector cannot convert is an unreadable record of its
 * page — naming the record, the element and the value's shape, never the value — while the page's other
 * records are read. Kinds: a number that is none, a date that is none, a missing id, a value of the wrong
 * kind (a flag that is no flag), an unknown enumeration value. XML has no types beyond text, so "wrong
 * type" is a value the schema's type does not allow.
 */
class MalformedRecordTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void articles(int n) {
        for (int i = 1; i <= n; i++) {
            sandbox.seedArticle(100000 + i, "Article " + i, 995);
        }
    }

    private Page<Product> page() {
        return mplus.articles().changesSince(Cursor.initial(), 100);
    }

    @Test
    void aPriceThatIsNoNumberMakesOnlyThatArticleUnreadable() {
        articles(4);
        sandbox.tamper("article", "100002", "priceIncl", Optional.of("9,95"));

        Page<Product> page = page();

        assertThat(page.records()).extracting(Product::sku).containsExactly("100001", "100003", "100004");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo("100002");
            assertThat(e.fieldPath()).contains("priceIncl");
            assertThat(e.getMessage()).contains("is not a whole number").contains("text of 4 characters").doesNotContain("9,95");
        });
    }

    @Test
    void anUnreadableArticleFetchedAgainForItsRetryFailsTheSameWay() {
        articles(2);
        sandbox.tamper("article", "100001", "priceIncl", Optional.of("n/a"));

        assertThatThrownBy(() -> mplus.articles().fetch("100001")).isInstanceOfSatisfying(RecordRejectedException.class,
                e -> assertThat(e.fieldPath()).contains("priceIncl"));
    }

    @Test
    void aChangeTimeThatIsNoDateMakesOnlyThatArticleUnreadable() {
        articles(3);
        sandbox.tamper("article", "100003", "changeTimestamp", Optional.of("<ns1:sec>0</ns1:sec><ns1:min>0</ns1:min>"
                + "<ns1:hour>10</ns1:hour><ns1:day>31</ns1:day><ns1:mon>13</ns1:mon><ns1:year>2026</ns1:year>"));

        Page<Product> page = page();

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("changeTimestamp");
            assertThat(e.getMessage()).contains("is not a date and time");
        });
    }

    @Test
    void aFlagThatIsNoFlagMakesOnlyThatArticleUnreadable() {
        articles(3);
        sandbox.tamper("article", "100001", "active", Optional.of("yes"));

        Page<Product> page = page();

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> assertThat(e.fieldPath()).contains("active"));
    }

    @Test
    void anArticleWithoutNumberIsUnreadableAndNamedByItsRow() {
        articles(3);
        sandbox.tamper("article", "100002", "articleNumber", Optional.empty());

        Page<Product> page = page();

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).startsWith("(no id, row ");
            assertThat(e.getMessage()).contains("articleNumber is missing");
        });
    }

    @Test
    void aReceiptOfAnUnknownTypeIsUnreadableWhileTheOtherSalesAreRead() {
        articles(1);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            receipts.add(sandbox.ringUp(100001, 1, "CASH", 0));
        }
        sandbox.tamper("receipt", receipts.get(1), "receiptType", Optional.of("RECEIPT-TYPE-BARTER"));

        Page<Order> page = mplus.receipts().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(receipts.get(1));
            assertThat(e.fieldPath()).contains("receiptType");
            assertThat(e.getMessage()).contains("one of RECEIPT-TYPE-");
        });
    }
}

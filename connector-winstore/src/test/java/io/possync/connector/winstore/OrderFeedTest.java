package io.possync.connector.winstore;

import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders read from Winstore and statuses written back: PROPOSAL operations, off unless switched on. */
class OrderFeedTest {

    private final WinstoreSandbox sandbox = WinstoreSandbox.builder().start();

    @BeforeEach
    void seed() {
        sandbox.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe", "price_incl", "59.95", "vat_rate", "21",
                "variants", List.of(Map.of("gtin", "08712345678906", "size", "42", "colour", "black"))));
        sandbox.seedArticle(Map.of("artnr", "0057", "gtin", "010053790105", "description", "Shoe spray", "price_incl", "7.50", "vat_rate", "9"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theFeedAndStatusWritesAreRefusedUntilSwitchedOn() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).build());

        assertThatThrownBy(winstore::orderFeed).isInstanceOf(ConfigurationException.class).hasMessageContaining("orderFeed(true)");
        assertThatThrownBy(winstore::orderStatus).isInstanceOf(ConfigurationException.class).hasMessageContaining("statusWrites(true)");
        assertThat(sandbox.requestCount()).isZero();
    }

    @Test
    void aTillSaleIsReadWithItsCustomerAndItsGtinsAsTheSkusTheArticlesAreReadUnder() {
        sandbox.enterOrder("POS-1", "pos", Map.of("customerid", "10234", "email", "jan@example.nl", "fname", "Jan", "lname", "Jansen",
                        "street", "Damrak", "streetnr", "1", "zip", "1012 LG"),
                List.of(Map.of("product_id", "08712345678906", "amount", 2, "single_price", "59.95"),
                        Map.of("product_id", "010053790105", "amount", 1, "single_price", "7.50")));
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).orderFeed(true).build());

        List<Order> orders = winstore.orderFeed().changesSince(Cursor.initial(), 100).records();

        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("POS-1");
            assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(o.lines()).extracting(l -> l.sku()).containsExactly("1001-42-black", "0057");
            assertThat(o.lines()).extracting(l -> l.taxRate().toPlainString()).containsExactly("21", "9");
            assertThat(o.totals().gross()).isEqualByComparingTo("127.40");
            assertThat(o.totals().tax()).isEqualByComparingTo(new BigDecimal("20.81").add(new BigDecimal("0.62")));
            assertThat(o.customer()).hasValueSatisfying(c -> {
                assertThat(c.sourceRef().id()).isEqualTo("10234");
                assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
                assertThat(c.email()).contains("jan@example.nl");
                assertThat(c.billingAddress()).hasValueSatisfying(a -> assertThat(a.postalCode()).contains("1012 LG"));
            });
        });
    }

    @Test
    void anAnonymousSaleOnTheDefaultDebtorHasNoCustomer() {
        sandbox.enterOrder("POS-2", "pos", Map.of(), List.of(Map.of("product_id", "010053790105", "amount", 1, "single_price", "7.50")));
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).orderFeed(true).build());

        assertThat(winstore.orderFeed().changesSince(Cursor.initial(), 100).records()).singleElement()
                .satisfies(o -> assertThat(o.customer()).isEmpty());
    }

    @Test
    void theFeedReadsOnlyTheStatusTheSettingsName() {
        sandbox.enterOrder("POS-3", "pos", Map.of(), List.of(Map.of("product_id", "010053790105", "amount", 1, "single_price", "7.50")));
        sandbox.enterOrder("POS-4", "pos", Map.of(), List.of(Map.of("product_id", "010053790105", "amount", 1, "single_price", "7.50")));
        sandbox.setOrderStatus("POS-4", "processing");
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).orderFeed(true).orderFeedStatus("processing").build());

        assertThat(winstore.orderFeed().changesSince(Cursor.initial(), 100).records()).extracting(Order::number).containsExactly("POS-4");
    }

    @Test
    void aStatusIsWrittenAsItsWordAndAnUnknownOrderIsARejection() {
        sandbox.enterOrder("POS-5", "webshop", Map.of(), List.of(Map.of("product_id", "010053790105", "amount", 1, "single_price", "7.50")));
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).statusWrites(true).build());

        winstore.orderStatus().writeStatus(new Ref(Winstore.SYSTEM, EntityType.ORDER, "POS-5"), OrderStatus.SHIPPED);

        assertThat(sandbox.orders()).singleElement().satisfies(o -> assertThat(o.get("status")).isEqualTo("completed"));
        assertThatThrownBy(() -> winstore.orderStatus().writeStatus(new Ref(Winstore.SYSTEM, EntityType.ORDER, "NOPE"), OrderStatus.PAID))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.reason()).contains("NOPE"));
    }
}

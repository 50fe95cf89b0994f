package io.possync.connector.mpluskassa;

import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What MplusKASSA's sources return, field by field: articles, relations, orders and stock (receipts: DocumentsTest). */
class SourcesTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anArticleIsASimpleProductWithItsNumberNameAndPriceIncludingVat() {
        sandbox.seedArticle(100001, "T-shirt", 1995);

        List<Product> products = mplus.articles().changesSince(Cursor.initial(), 50).records();

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.sku()).isEqualTo("100001");
            assertThat(p.name()).isEqualTo("T-shirt");
            assertThat(p.type()).isEqualTo(ProductType.SIMPLE);
            assertThat(p.price()).hasValueSatisfying(price -> {
                assertThat(price.amount()).isEqualByComparingTo("19.95");
                assertThat(price.includesTax()).isTrue();
            });
            assertThat(p.published()).isTrue();
        });
    }

    @Test
    void aRelationIsACompanyWithItsContactOrAPersonWithEmailPhoneAndAddress() {
        sandbox.seedRelation(Map.of("name", "Jan Jansen", "email", "jan@example.nl", "telephone", "030-1234567",
                "address", "Oudegracht 12", "zipcode", "3511 AB", "city", "Utrecht", "country", "NL"));
        sandbox.seedRelation(Map.of("name", "Bakkerij de Boer", "companyName", "Bakkerij de Boer", "contact", "Piet de Boer",
                "email", "info@deboer.nl"));

        List<Customer> customers = mplus.relations().changesSince(Cursor.initial(), 50).records();

        assertThat(customers).hasSize(2);
        Customer jan = customers.get(0);
        assertThat(jan.kind()).isEqualTo(CustomerKind.PERSON);
        assertThat(jan.email()).contains("jan@example.nl");
        assertThat(jan.phone()).contains("030-1234567");
        assertThat(jan.billingAddress()).hasValueSatisfying(a -> {
            assertThat(a.city()).contains("Utrecht");
            assertThat(a.postalCode()).contains("3511 AB");
            assertThat(a.country()).isEqualTo("NL");
        });
        Customer bakery = customers.get(1);
        assertThat(bakery.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(bakery.companyName()).contains("Bakkerij de Boer");
        assertThat(bakery.email()).contains("info@deboer.nl");
    }

    @Test
    void anOrderEnteredThroughTheApiIsReadBackWithItsNumberLinesAndPayments() {
        sandbox.seedArticle(100001, "Tee", 995);
        Order order = Order.builder(new Ref("shop", EntityType.ORDER, "W1"), "WEB-1", Instant.parse("2026-11-20T10:00:00Z"))
                .currency("EUR").pricesIncludeTax(true)
                .lines(List.of(OrderLine.of("100001", "Tee", new BigDecimal("2"), new BigDecimal("9.95"), new BigDecimal("21"))))
                .payments(List.of(new Payment("PIN", new BigDecimal("19.90"))))
                .totals(new OrderTotals(new BigDecimal("16.45"), new BigDecimal("3.45"), new BigDecimal("19.90"))).build();
        mplus.orders().create(DocumentsTest.mapped(order, mplus.orders().defaultMapping()));

        List<Order> read = mplus.orders().changesSince(Cursor.initial(), 50).records();

        assertThat(read).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("WEB-1");
            assertThat(o.lines()).singleElement().satisfies(l -> {
                assertThat(l.sku()).isEqualTo("100001");
                assertThat(l.quantity()).isEqualByComparingTo("2");
                assertThat(l.unitPrice()).isEqualByComparingTo("9.95");
            });
            assertThat(o.payments()).singleElement().satisfies(p -> {
                assertThat(p.method()).isEqualTo("PIN");
                assertThat(p.amount()).isEqualByComparingTo("19.90");
            });
            assertThat(o.totals().gross()).isEqualByComparingTo("19.90");
        });
    }

    @Test
    void stockIsTheBranchsAmountAfterDeliveriesAndSalesPerArticle() {
        sandbox.seedArticle(100001, "Tee", 995);
        sandbox.seedArticle(100002, "Mug", 595);
        sandbox.receiveGoods(100001, 7);
        sandbox.receiveGoods(100002, 3);
        sandbox.ringUp(100001, 2, "CONTANT", 0);

        List<StockLevel> levels = mplus.stock().changesSince(Cursor.initial(), 50).records();

        assertThat(levels).extracting(StockLevel::sku, StockLevel::location, l -> l.onHand().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("100001", "1", "5"),
                        org.assertj.core.groups.Tuple.tuple("100002", "1", "3"));
    }

    @Test
    void salesReservationsAreReadAndTheDefaultCalculationSubtractsThemOnce() {
        sandbox.seedArticle(100001, "Tee", 995);
        sandbox.receiveGoods(100001, 10);
        sandbox.reserve(1, 100001, 3);

        StockLevel level = mplus.stock().changesSince(Cursor.initial(), 50).records().get(0);

        assertThat(level.onHand()).isEqualByComparingTo("10");
        assertThat(level.reserved()).isEqualByComparingTo("3");
        assertThat(io.possync.core.StockCalculation.ON_HAND_MINUS_RESERVED.quantity(level)).isEqualByComparingTo("7");
        assertThat(((io.possync.api.StockSource) mplus.stock()).knowsReservations()).isTrue();
    }

    @Test
    void aRelationsPriceGroupIsTheCustomersGroup() {
        sandbox.seedRelation(Map.of("name", "Jan Jansen", "email", "jan@example.nl", "priceGroupNumber", "3"));
        sandbox.seedRelation(Map.of("name", "Piet Peters", "email", "piet@example.nl"));

        List<io.possync.api.Customer> customers = mplus.relations().changesSince(Cursor.initial(), 50).records();

        assertThat(customers).extracting(c -> c.email().orElseThrow(), io.possync.api.Customer::group).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("jan@example.nl", java.util.Optional.of("3")),
                org.assertj.core.groups.Tuple.tuple("piet@example.nl", java.util.Optional.empty()));
    }

    @Test
    void anOrdersStatusFollowsTheTillsPaidDeliveredAndCancelledStates() {
        sandbox.seedArticle(100001, "Tee", 995);
        for (String number : List.of("WEB-1", "WEB-2", "WEB-3", "WEB-4")) {
            Order order = Order.builder(new Ref("shop", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z"))
                    .currency("EUR").pricesIncludeTax(true)
                    .lines(List.of(OrderLine.of("100001", "Tee", BigDecimal.ONE, new BigDecimal("9.95"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("8.22"), new BigDecimal("1.73"), new BigDecimal("9.95"))).build();
            mplus.orders().create(DocumentsTest.mapped(order, mplus.orders().defaultMapping()));
        }
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        sandbox.orders().forEach(o -> ids.put(o.extOrderId(), o.orderId()));
        sandbox.orderState(ids.get("WEB-2"), true, false, false);
        sandbox.orderState(ids.get("WEB-3"), true, true, false);
        sandbox.orderState(ids.get("WEB-4"), false, false, true);

        List<Order> read = mplus.orders().changesSince(Cursor.initial(), 50).records();

        assertThat(read).extracting(Order::number, Order::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("WEB-1", io.possync.api.OrderStatus.OPEN),
                org.assertj.core.groups.Tuple.tuple("WEB-2", io.possync.api.OrderStatus.PAID),
                org.assertj.core.groups.Tuple.tuple("WEB-3", io.possync.api.OrderStatus.COMPLETED),
                org.assertj.core.groups.Tuple.tuple("WEB-4", io.possync.api.OrderStatus.CANCELLED));
    }
}

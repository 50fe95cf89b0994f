package io.possync.connector.winstore;

import io.possync.api.RecordRejectedException;
import io.possync.core.mapping.Mapping;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting orders: what Winstore refuses is a rejection naming the field; an order number is posted once. */
class OrdersTest {

    private final WinstoreSandbox sandbox = WinstoreSandbox.builder().start();

    @BeforeEach
    void seed() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "999999999999", "description", "Runner shoe"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aProductWinstoreDoesNotKnowIsARejectionNamingThePosition() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).build());
        Mapping mapping = Mapping.of(winstore.orders().defaultMapping())
                .override("positions", "[lines.{'product_id': '4000000000000', 'amount': quantity, 'single_price': unitPrice, 'type': 'S',"
                        + " 'branch': ''}]");

        assertThatThrownBy(() -> winstore.orders().create(OrderBodyTest.mapped(OrderBodyTest.docsExample("T-1", BigDecimal.ZERO), mapping)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("positions[0].product_id");
                    assertThat(e.reason()).contains("Unknown product_id 4000000000000");
                    assertThat(e.record()).isPresent();
                });
        assertThat(sandbox.orders()).isEmpty();
    }

    @Test
    void aCustomerNumberThatIsNoNumberIsRejectedBeforeAnythingIsSent() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).build());
        Mapping mapping = Mapping.of(winstore.orders().defaultMapping()).override("customerid", "customer.email");

        assertThatThrownBy(() -> winstore.orders().create(OrderBodyTest.mapped(OrderBodyTest.docsExample("T-2", BigDecimal.ZERO), mapping)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.fieldPath()).contains("customerid"));
        assertThat(sandbox.requestCount("PostOrderWithStatusCode")).isZero();
    }

    @Test
    void aFractionalQuantityIsRejectedNamingTheAmount() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).build());
        Mapping mapping = Mapping.of(winstore.orders().defaultMapping())
                .override("positions", "[lines.{'product_id': ean, 'amount': 1.5, 'single_price': unitPrice, 'type': 'S', 'branch': ''}]");

        assertThatThrownBy(() -> winstore.orders().create(OrderBodyTest.mapped(OrderBodyTest.docsExample("T-3", BigDecimal.ZERO), mapping)))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.fieldPath()).contains("positions[0].amount"));
    }

    @Test
    void withoutLookupsASecondPostOfOneNumberResolvesToTheOrderThere() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).orderLookup(false).build());
        var order = OrderBodyTest.mapped(OrderBodyTest.docsExample("T-4", BigDecimal.ZERO), Mapping.of(winstore.orders().defaultMapping()));

        var first = winstore.orders().create(order);
        var second = winstore.orders().create(order);

        assertThat(second).isEqualTo(first);
        assertThat(sandbox.orders()).hasSize(1);
        assertThat(winstore.orders().find(io.possync.api.NaturalKey.orderNumber("T-4"))).as("no lookup when switched off").isEmpty();
        assertThat(sandbox.requestCount("GetOrderStatus")).isZero();
    }

    @Test
    void anOrderWithoutCustomerLinkGoesToTheDefaultDebtor() {
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).defaultCustomerId("424242").build());

        winstore.orders().create(OrderBodyTest.mapped(OrderBodyTest.docsExample("T-5", BigDecimal.ZERO), Mapping.of(winstore.orders().defaultMapping())));

        assertThat(sandbox.orders()).singleElement().satisfies(o -> assertThat(o.get("customerid")).isEqualTo("424242"));
    }

    @Test
    void anInstallationWithoutTheProposedLookupIsAConfigurationErrorNamingTheSwitch() {
        // An address under which no operation exists answers 404, as an installation without GetOrderStatus would.
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).baseUrl(java.net.URI.create(sandbox.apiUri() + "/elsewhere")).build());

        assertThatThrownBy(() -> winstore.orders().find(io.possync.api.NaturalKey.orderNumber("T-9")))
                .isInstanceOf(io.possync.api.ConfigurationException.class).hasMessageContaining("orderLookup").hasMessageContaining("PROPOSAL");
    }
}

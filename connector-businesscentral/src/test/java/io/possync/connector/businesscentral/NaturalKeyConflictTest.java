package io.possync.connector.businesscentral;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.Rejection;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One natural key, one source record: a second source record carrying a SKU, e-mail address or order
 * number that already belongs to another is rejected with a reason naming the owner, and never linked
 * to or written over the first one's target record — in the same page, and on every later run.
 */
class NaturalKeyConflictTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product product(String id, String name, String price) {
        return Product.builder(new Ref("pos", EntityType.PRODUCT, id), "MUG-DUP", T).name(name)
                .price(new Price(new BigDecimal(price), "EUR", true)).build();
    }

    @Test
    void aSecondProductWithTheSameSkuIsRejectedAndNeverOverwritesTheFirst() {
        List<Product> products = new ArrayList<>(List.of(product("A", "Mug dup A", "12.00"), product("B", "Mug dup B", "13.00")));
        Flow<Product> flow = Flow.products("products").from(new ListSource<>("pos", products)).to(bc.items())
                .retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build(); // the rejected record's retry is due at once

        SyncReport first = engine.run(flow);
        SyncReport second = engine.run(flow);

        assertThat(first.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("B");
            assertThat(r.fieldPath()).contains("sku");
            assertThat(r.reason()).contains("SKU 'MUG-DUP' already belongs to source product A");
        });
        assertThat(second.rejections()).extracting(Rejection::reason).singleElement().asString()
                .contains("already belongs to source product A");
        assertThat(sandbox.rows("items")).singleElement().satisfies(item -> {
            assertThat(item.path("displayName").asText()).isEqualTo("Mug dup A");
            assertThat(item.path("unitPrice").decimalValue()).isEqualByComparingTo("12.00");
        });
    }

    @Test
    void aProductWhoseSkuIsLinkedToAnotherSourceProductIsRejectedOnALaterRun() {
        engine.run(Flow.products("products").from(new ListSource<>("pos", List.of(product("A", "Mug A", "12.00"))))
                .to(bc.items()).build());

        // another flow (its own cursor) from the same source system: links are per source record, not per flow
        SyncReport later = engine.run(Flow.products("products-again").from(new ListSource<>("pos",
                List.of(product("B", "Mug B", "13.00")))).to(bc.items()).build());

        assertThat(later.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("SKU 'MUG-DUP' already belongs to source product A"));
        assertThat(sandbox.rows("items")).extracting(i -> i.path("displayName").asText()).containsExactly("Mug A");
    }

    @Test
    void aSecondCustomerWithTheSameEmailIsRejectedWithoutTheAddressInTheReason() {
        List<Customer> customers = List.of(
                Customer.builder(new Ref("pos", EntityType.CUSTOMER, "7"), T).email("anna@example.com")
                        .contactPerson(io.possync.api.ContactPerson.of("Anna", "de Vries")).build(),
                Customer.builder(new Ref("pos", EntityType.CUSTOMER, "9"), T).email("anna@example.com")
                        .contactPerson(io.possync.api.ContactPerson.of("Anne", "Jansen")).build());

        SyncReport report = engine.run(Flow.customers("customers").from(new ListSource<>("pos", customers)).to(bc.customers())
                .build());

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("9");
            assertThat(r.fieldPath()).contains("email");
            assertThat(r.reason()).contains("already belongs to source customer 7").doesNotContain("anna@");
        });
        assertThat(sandbox.rows("customers")).extracting(c -> c.path("displayName").asText()).containsExactly("Anna de Vries");
    }

    @Test
    void aSecondOrderWithTheSameNumberIsRejectedNotSkipped() {
        sandbox.seed("items", Map.of("number", "TEE", "displayName", "T-shirt"));
        sandbox.seed("customers", Map.of("number", "CASH", "displayName", "Cash sales"));
        List<Order> orders = List.of(order("1"), order("2"));

        SyncReport report = engine.run(Flow.orders("orders").from(new ListSource<>("pos", orders)).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).defaultDebtor("CASH").build());

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("2");
            assertThat(r.fieldPath()).contains("number");
            assertThat(r.reason()).contains("order number 'WEB-1' already belongs to source order 1");
        });
        assertThat(sandbox.rows("salesInvoices")).hasSize(1);
    }

    private static Order order(String id) {
        return Order.builder(new Ref("pos", EntityType.ORDER, id), "WEB-1", T).currency("EUR")
                .lines(List.of(OrderLine.of("TEE", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build();
    }

}

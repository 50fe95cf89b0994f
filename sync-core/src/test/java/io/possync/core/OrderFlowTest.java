package io.possync.core;

import static io.possync.core.fixtures.Fixtures.customer;
import static io.possync.core.fixtures.Fixtures.order;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Product;
import io.possync.core.fixtures.CrashingStateStore;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.fixtures.MutableClock;
import io.possync.core.state.InMemoryStateStore;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderFlowTest {

    private final InMemorySource<Order> source = new InMemorySource<>(Fixtures.POS);
    private final InMemorySink<Order> orders = Fixtures.orderSink();
    private final InMemorySink<Customer> customers = Fixtures.customerSink();
    private final InMemorySink<Product> products = Fixtures.productSink();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final MutableClock clock = new MutableClock(at(10_000));

    @BeforeEach
    void catalogue() {
        for (String sku : new String[] {"SKU-1", "SKU-2"}) {
            products.seed(JsonNodeFactory.instance.objectNode().put("number", sku));
        }
    }

    private Flow<Order> flow(ExistingOrderPolicy policy) {
        return Flow.orders("orders").from(source).to(orders).customers(customers).products(products)
                .defaultDebtor("CASH").existingOrders(policy).pageSize(10).build();
    }

    private SyncEngine engine(io.possync.core.state.StateStore s) {
        return SyncEngine.builder().stateStore(s).clock(clock).build();
    }

    @Test
    void orderNumbersAndUnknownSkusAreAnnouncedBeforeTheCustomersAreLookedUp() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        orders.recordingLookupsInto(calls);
        customers.recordingLookupsInto(calls);
        products.recordingLookupsInto(calls);
        source.put(order("1", customer("c1", "anna@example.com", at(1)), at(2)))
                .put(order("2", customer("c2", "bob@example.com", at(1)), at(3)));

        engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(calls).extracting(c -> c.substring(0, c.indexOf(' ', c.indexOf(' ') + 1))).containsExactly(
                "ORDER expectLookups", "PRODUCT expectLookups", "CUSTOMER findAll", "PRODUCT findAll", "ORDER findAll");
        assertThat(calls.get(0)).contains("S1", "S2");
        assertThat(calls.get(1)).contains("SKU-1");
        assertThat(calls.get(4)).contains("S1", "S2");
    }

    @Test
    void aSourceAnsweringFewerRecordsThanThePageHoldsIsReadUntilThePageIsFull() {
        for (int i = 1; i <= 7; i++) {
            source.put(order(String.valueOf(i), customer("c" + i, "c" + i + "@example.com", at(1)), at(1 + i)));
        }
        io.possync.api.Source<Order> threeAtATime = new io.possync.api.Source<>() {
            @Override
            public String system() {
                return source.system();
            }

            @Override
            public io.possync.api.Page<Order> changesSince(io.possync.api.Cursor cursor, int limit) {
                return source.changesSince(cursor, Math.min(limit, 3));
            }

            @Override
            public java.util.Optional<Order> fetch(String id) {
                return source.fetch(id);
            }
        };
        java.util.List<String> calls = new java.util.ArrayList<>();
        orders.recordingLookupsInto(calls);

        SyncReport report = engine(store).run(Flow.orders("orders").from(threeAtATime).to(orders).customers(customers)
                .products(products).pageSize(7).build());

        assertThat(report.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(7);
        assertThat(source.reads()).isEqualTo(3);
        assertThat(calls).filteredOn(c -> c.startsWith("ORDER findAll")).hasSize(1);
    }

    @Test
    void twoOrdersOfOneNewCustomerInOnePageCreateExactlyOneCustomer() {
        Customer anna = customer("c1", "anna@example.com", at(1));
        source.put(order("1", anna, at(2))).put(order("2", anna.toBuilder().modifiedAt(at(3)).build(), at(3)));

        SyncReport report = engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(customers.creates()).isEqualTo(1);
        assertThat(report.count(EntityType.CUSTOMER, Outcome.CREATED)).isEqualTo(1);
        assertThat(orders.creates()).isEqualTo(2);
        String customerId = customers.stored().get(0).id();
        assertThat(orders.stored()).allSatisfy(o -> assertThat(o.fields().path("customerId").asText()).isEqualTo(customerId));
    }

    @Test
    void customerAlreadyInTheTargetIsFoundByEmailAndUpdatedNotDuplicated() {
        customers.seed(JsonNodeFactory.instance.objectNode().put("email", "anna@example.com").put("paymentTerms", "30D"));
        source.put(order("1", customer("c1", "Anna@Example.com", at(1)), at(2)));

        engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(customers.creates()).isZero();
        assertThat(customers.updates()).isEqualTo(1);
        assertThat(customers.stored().get(0).fields().path("paymentTerms").asText())
                .as("create-only field is left alone on update").isEqualTo("30D");
    }

    @Test
    void companyNameMakesACompanyDebtorWithContactPerson() {
        Customer shop = customer("c1", "inkoop@bakkerij.nl", at(1)).toBuilder().companyName("Bakkerij Jansen").build();
        source.put(order("1", shop, at(2)));

        engine(store).run(flow(ExistingOrderPolicy.SKIP));

        var stored = customers.stored().get(0).fields();
        assertThat(stored.path("type").asText()).isEqualTo("Company");
        assertThat(stored.path("name").asText()).isEqualTo("Bakkerij Jansen");
        assertThat(stored.path("contact").asText()).isEqualTo("Anna Jansen c1");
    }

    @Test
    void anonymousSaleGoesToTheDefaultDebtor() {
        source.put(order("1", null, at(2)));

        engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(customers.creates()).isZero();
        assertThat(orders.stored().get(0).fields().path("customerId").asText()).isEqualTo("CASH");
    }

    @Test
    void orderWithAProductMissingInTheTargetWaitsInTheRetryQueueNamingTheLine() {
        source.put(order("1", null, at(2), "SKU-1", "SKU-404"));

        SyncReport report = engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(orders.creates()).isZero();
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("lines[1].sku");
            assertThat(r.reason()).contains("SKU-404").contains("does not exist in erp");
        });
        assertThat(store.retryQueue("orders", 10)).hasSize(1);
    }

    @Test
    void orderWaitingForAProductSyncsOnceTheProductExistsAndLeavesTheQueue() {
        source.put(order("1", null, at(2), "SKU-404"));
        SyncEngine engine = engine(store);
        engine.run(flow(ExistingOrderPolicy.SKIP));
        products.seed(JsonNodeFactory.instance.objectNode().put("number", "SKU-404"));

        clock.advance(Duration.ofMinutes(2));
        SyncReport retry = engine.run(flow(ExistingOrderPolicy.SKIP));

        assertThat(retry.count(Outcome.RETRIED)).isEqualTo(1);
        assertThat(orders.creates()).isEqualTo(1);
        assertThat(store.retryQueue("orders", 10)).isEmpty();
    }

    @Test
    void retryIsNotAttemptedBeforeItIsDue() {
        source.put(order("1", null, at(2), "SKU-404"));
        SyncEngine engine = engine(store);
        engine.run(flow(ExistingOrderPolicy.SKIP));

        SyncReport again = engine.run(flow(ExistingOrderPolicy.SKIP));

        assertThat(again.count(Outcome.RETRIED)).isZero();
        assertThat(store.retryQueue("orders", 10)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void crashAfterTheTargetWriteButBeforeTheCommitLeavesNoDuplicateOnRerun() {
        IntStream.rangeClosed(1, 10).forEach(i ->
                source.put(order(String.valueOf(i), customer("c" + i, "c" + i + "@example.com", at(i)), at(i))));
        CrashingStateStore crashing = new CrashingStateStore(store, 1);

        SyncReport crashed = engine(crashing).run(flow(ExistingOrderPolicy.SKIP));
        assertThat(crashed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(orders.creates()).isEqualTo(10);
        assertThat(store.cursor("orders")).isEmpty();

        SyncReport rerun = engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(rerun.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(orders.stored()).hasSize(10);
        assertThat(customers.stored()).hasSize(10);
        assertThat(rerun.count(Outcome.SKIPPED_EXISTING)).isEqualTo(10);
        assertThat(store.cursor("orders")).isPresent();
    }

    @Test
    void existingOrderFoundByNumberIsSkippedUnderSkipPolicy() {
        orders.seed(JsonNodeFactory.instance.objectNode().put("externalDocumentNumber", "S1"));
        source.put(order("1", null, at(2)));

        SyncReport report = engine(store).run(flow(ExistingOrderPolicy.SKIP));

        assertThat(report.count(Outcome.SKIPPED_EXISTING)).isEqualTo(1);
        assertThat(orders.creates() + orders.updates()).isZero();
    }

    @Test
    void existingOrderIsRejectedUnderFailPolicy() {
        orders.seed(JsonNodeFactory.instance.objectNode().put("externalDocumentNumber", "S1"));
        source.put(order("1", null, at(2)));

        SyncReport report = engine(store).run(flow(ExistingOrderPolicy.FAIL));

        assertThat(report.count(Outcome.REJECTED)).isEqualTo(1);
        assertThat(report.rejections().get(0).reason()).contains("already exists");
    }

    @Test
    void existingOrderIsUpdatedUnderUpdatePolicy() {
        orders.seed(JsonNodeFactory.instance.objectNode().put("externalDocumentNumber", "S1"));
        source.put(order("1", null, at(2)));

        SyncReport report = engine(store).run(flow(ExistingOrderPolicy.UPDATE));

        assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(orders.updates()).isEqualTo(1);
    }

    @Test
    void orderMappingSeesResolvedProductIds() {
        source.put(order("1", null, at(2), "SKU-2"));

        engine(store).run(flow(ExistingOrderPolicy.SKIP));

        String itemId = products.byKey("SKU-2").orElseThrow().id();
        assertThat(orders.stored().get(0).fields().path("lines").get(0).path("itemId").asText()).isEqualTo(itemId);
    }

    @Test
    void filteredOrdersAreNotWrittenButTheCursorMovesPastThem() {
        source.put(order("1", null, at(2)).toBuilder().status(io.possync.api.OrderStatus.OPEN).build());
        Flow<Order> paidOnly = Flow.orders("orders").from(source).to(orders).defaultDebtor("CASH")
                .filter(o -> o.status() == io.possync.api.OrderStatus.COMPLETED).build();

        SyncReport report = engine(store).run(paidOnly);

        assertThat(report.count(Outcome.FILTERED)).isEqualTo(1);
        assertThat(orders.creates()).isZero();
        assertThat(store.cursor("orders")).isPresent();
    }
}

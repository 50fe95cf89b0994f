package io.possync.core;

import static io.possync.core.fixtures.Fixtures.order;
import static io.possync.core.fixtures.InMemorySource.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.api.OrderStatusSink;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.fixtures.InMemorySink;
import io.possync.core.fixtures.InMemorySource;
import io.possync.core.state.InMemoryStateStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderStatusFlowTest {

    /** The POS side: records the statuses it is told. */
    static final class PosStatuses implements OrderStatusSink {
        final List<String> written = new ArrayList<>();
        String refuse;

        @Override
        public String system() {
            return Fixtures.POS;
        }

        @Override
        public void writeStatus(Ref order, OrderStatus status) {
            if (order.id().equals(refuse)) {
                throw RecordRejectedException.builder("a completed sale cannot be cancelled").build();
            }
            written.add(order.id() + "=" + status);
        }
    }

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();
    private final InMemorySink<Order> erpOrders = Fixtures.orderSink();
    private final InMemorySource<Order> erpChanges = new InMemorySource<>(Fixtures.ERP);
    private final PosStatuses pos = new PosStatuses();
    private Flow<Order> statusFlow;

    @BeforeEach
    void syncTwoPosOrdersToTheErp() {
        InMemorySource<Order> posOrders = new InMemorySource<>(Fixtures.POS);
        posOrders.put(order("1", null, at(1))).put(order("2", null, at(2)));
        engine.run(Flow.orders("pos-to-erp").from(posOrders).to(erpOrders).defaultDebtor("CASH").build());
        statusFlow = Flow.orderStatus("erp-status-to-pos").from(erpChanges).to(pos).build();
    }

    private Order erpOrder(int index, OrderStatus status, int minute) {
        return erpOrder(erpOrders.stored().get(index).id(), "SO-" + index, status, minute);
    }

    private static Order erpOrder(String id, String number, OrderStatus status, int minute) {
        Order template = order("x", null, at(0));
        return Order.builder(new Ref(Fixtures.ERP, EntityType.ORDER, id), number, at(minute)).status(status)
                .currency("EUR").lines(template.lines()).totals(template.totals()).build();
    }

    @Test
    void aShippedErpOrderSetsTheStatusOfThePosOrderItCameFrom() {
        erpChanges.put(erpOrder(0, OrderStatus.SHIPPED, 100));

        SyncReport report = engine.run(statusFlow);

        assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
        assertThat(pos.written).containsExactly("1=SHIPPED");
    }

    @Test
    void theStatusMapDecidesWhichStatusIsWrittenAndWhichIsNot() {
        erpChanges.put(erpOrder(0, OrderStatus.COMPLETED, 100));
        erpChanges.put(erpOrder(1, OrderStatus.PAID, 101));
        Flow<Order> mapped = Flow.orderStatus("erp-status-to-pos").from(erpChanges).to(pos)
                .statusMap(io.possync.core.mapping.StatusMap.identity().map(OrderStatus.COMPLETED, OrderStatus.SHIPPED)
                        .ignore(OrderStatus.PAID)).build();

        SyncReport report = engine.run(mapped);

        assertThat(pos.written).containsExactly("1=SHIPPED");
        assertThat(report.count(Outcome.FILTERED)).isEqualTo(1);
        assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
    }

    @Test
    void anUnchangedStatusIsNotWrittenAgain() {
        erpChanges.put(erpOrder(0, OrderStatus.SHIPPED, 100));
        engine.run(statusFlow);

        erpChanges.put(erpOrder(0, OrderStatus.SHIPPED, 101));
        SyncReport again = engine.run(statusFlow);

        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(pos.written).containsExactly("1=SHIPPED");
    }

    @Test
    void aChangedStatusIsWrittenAgain() {
        erpChanges.put(erpOrder(1, OrderStatus.SHIPPED, 100));
        engine.run(statusFlow);

        erpChanges.put(erpOrder(1, OrderStatus.COMPLETED, 101));
        engine.run(statusFlow);

        assertThat(pos.written).containsExactly("2=SHIPPED", "2=COMPLETED");
    }

    @Test
    void anErpOrderThatDidNotComeFromThePosIsAWarning() {
        erpChanges.put(erpOrder("entered-in-erp", "SO-9", OrderStatus.SHIPPED, 100));

        SyncReport report = engine.run(statusFlow);

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.count(Outcome.WARNING)).isEqualTo(1);
        assertThat(pos.written).isEmpty();
    }

    @Test
    void aStatusThePosRefusesWaitsInTheRetryQueue() {
        pos.refuse = "1";
        erpChanges.put(erpOrder(0, OrderStatus.CANCELLED, 100));

        SyncReport report = engine.run(statusFlow);

        assertThat(report.count(Outcome.REJECTED)).isEqualTo(1);
        assertThat(store.retryQueue("erp-status-to-pos", 10)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("cannot be cancelled"));
    }

    @Test
    void aDryRunWritesNoStatus() {
        erpChanges.put(erpOrder(0, OrderStatus.SHIPPED, 100));

        SyncReport report = engine.dryRun(statusFlow);

        assertThat(report.count(Outcome.WOULD_UPDATE)).isEqualTo(1);
        assertThat(pos.written).isEmpty();
    }
}

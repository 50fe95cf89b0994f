package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.OrderStatusSink;
import io.possync.api.Page;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.shop.SyntheticShop;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posted shipments and invoices as the "shipped" and "invoiced" sources: a web order that went into Business Central as
 * a sales order comes back shipped once its last shipment is posted, and completed, then paid, once its invoice is
 * posted and paid — also when posting removed the order (ship and invoice).
 */
class PostedDocumentsStatusSourceTest {

    /** The shop: records the statuses it is told, by its own order id. */
    private static final class ShopStatuses implements OrderStatusSink {
        final List<String> written = new ArrayList<>();

        @Override
        public String system() {
            return "shop";
        }

        @Override
        public void writeStatus(Ref order, OrderStatus status) {
            written.add(order.id() + "=" + status);
        }
    }

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SyncEngine engine = SyncEngine.builder().stateStore(store).build();
    private final ShopStatuses shop = new ShopStatuses();
    private BusinessCentral bc;
    private List<Order> webOrders;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @BeforeEach
    void threeWebOrdersBecomeSalesOrders() {
        SyntheticShop synthetic = SyntheticShop.builder().orders(3).skus(4).knownCustomers(3).newCustomerShare(0).build();
        for (String sku : synthetic.skus()) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", "Item " + sku)
                    .put("type", "Inventory").put("unitPrice", 10));
        }
        for (String email : synthetic.knownCustomerEmails()) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", email).put("email", email).put("type", "Person"));
        }
        bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        webOrders = synthetic.orders().stream().map(o -> o.toBuilder().sourceRef(new Ref("shop", o.sourceRef().type(), o.sourceRef().id()))
                .build()).toList();
        SyncReport orders = engine.run(Flow.orders("web→erp").from(new ListSource<>("shop", webOrders)).to(bc.salesOrders())
                .kind(OrderKind.ORDER).customers(bc.customers()).products(bc.items()).build());
        assertThat(orders.rejections()).isEmpty();
        assertThat(sandbox.rows("salesOrders")).hasSize(3);
    }

    private String salesOrderOf(Order web) {
        return sandbox.rows("salesOrders").stream().filter(r -> r.path("externalDocumentNumber").asText().equals(web.number()))
                .findFirst().orElseThrow().get("id").asText();
    }

    private SyncReport statusFlow() {
        return engine.run(Flow.orderStatus("shipped→shop").from(bc.salesShipments()).to(shop).build());
    }

    @Test
    void anOrderShippedInFullIsShippedInTheShop() {
        sandbox.postShipment(salesOrderOf(webOrders.get(0)));

        SyncReport report = statusFlow();

        assertThat(report.rejections()).isEmpty();
        assertThat(shop.written).containsExactly(webOrders.get(0).sourceRef().id() + "=SHIPPED");
    }

    @Test
    void anOrderThatShipAndInvoiceRemovedIsFoundThroughItsPostedInvoice() {
        String orderId = salesOrderOf(webOrders.get(1));
        sandbox.shipAndInvoice(orderId);
        assertThat(sandbox.rows("salesOrders")).extracting(r -> r.get("id").asText()).doesNotContain(orderId);

        SyncReport report = statusFlow();

        assertThat(report.rejections()).isEmpty();
        assertThat(shop.written).containsExactly(webOrders.get(1).sourceRef().id() + "=SHIPPED");
    }

    @Test
    void aPartialShipmentIsNotShippedAndTheLastOneIs() {
        Order web = webOrders.get(2);
        String orderId = salesOrderOf(web);
        String firstSku = web.lines().get(0).sku();
        sandbox.postShipment(orderId, Map.of(firstSku, BigDecimal.ONE));
        boolean rest = web.lines().size() > 1 || web.lines().get(0).quantity().compareTo(BigDecimal.ONE) > 0;

        statusFlow();
        assertThat(shop.written).as("after a partial shipment").isEmpty();
        sandbox.postShipment(orderId);
        statusFlow();

        assertThat(rest).as("the synthetic order has more than one unit").isTrue();
        assertThat(shop.written).containsExactly(web.sourceRef().id() + "=SHIPPED");
    }

    @Test
    void theShipmentReadsAsItsOrderWithTheShippedLinesAndTheShipmentNumber() {
        String orderId = salesOrderOf(webOrders.get(0));
        String shipmentNumber = sandbox.postShipment(orderId).get("number").asText();

        Page<Order> page = bc.salesShipments().changesSince(Cursor.initial(), 10);

        assertThat(page.records()).singleElement().satisfies(o -> {
            assertThat(o.sourceRef().id()).isEqualTo(orderId);
            assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(o.customFields()).containsEntry("shipmentNumber", shipmentNumber)
                    .containsEntry("externalDocumentNumber", webOrders.get(0).number());
            assertThat(o.lines()).extracting(l -> l.sku()).containsExactlyInAnyOrderElementsOf(
                    webOrders.get(0).lines().stream().map(l -> l.sku()).toList());
        });
        assertThat(bc.salesShipments().fetch(orderId)).get().extracting(Order::number, Order::status)
                .containsExactly(page.records().get(0).number(), OrderStatus.SHIPPED);
    }

    @Test
    void aShipmentWhoseOrderIsGoneWithoutAnInvoiceIsUnreadableNamingBothNumbers() {
        String orderId = salesOrderOf(webOrders.get(0));
        String orderNumber = sandbox.rows("salesOrders").stream().filter(r -> r.get("id").asText().equals(orderId)).findFirst()
                .orElseThrow().get("number").asText();
        String shipment = sandbox.postShipment(orderId).get("number").asText();
        sandbox.delete("salesOrders", orderId);

        Page<Order> page = bc.salesShipments().changesSince(Cursor.initial(), 10);

        assertThat(page.records()).isEmpty();
        assertThat(page.unreadable()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains(shipment).contains(orderNumber).contains("neither open nor invoiced"));
    }

    @Test
    void aPageOfShipmentsCostsThreeRequestsAtMost() {
        sandbox.postShipment(salesOrderOf(webOrders.get(0)));
        sandbox.shipAndInvoice(salesOrderOf(webOrders.get(1)));
        long before = bc.requests().count();

        bc.salesShipments().changesSince(Cursor.initial(), 10);

        assertThat(bc.requests().count() - before).isEqualTo(3);
    }

    @Test
    void apiVersion1HasNoShipments() {
        BusinessCentral v1 = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).apiVersion(ApiVersion.V1_0).build());

        assertThatThrownBy(v1::salesShipments).isInstanceOf(ConfigurationException.class).hasMessageContaining("salesShipments");
    }

    @Test
    void anInvoicedOrderIsCompletedInTheShopAndPaidOnceItsInvoiceIsPaid() {
        String orderId = salesOrderOf(webOrders.get(1));
        sandbox.shipAndInvoice(orderId);
        Flow<Order> invoiced = Flow.orderStatus("invoiced→shop").from(bc.invoicedOrders()).to(shop).build();

        SyncReport first = engine.run(invoiced);
        String invoice = sandbox.rows("salesInvoices").stream().filter(r -> r.path("orderId").asText().equals(orderId)).findFirst()
                .orElseThrow().get("id").asText();
        sandbox.modify("salesInvoices", invoice, "status", com.fasterxml.jackson.databind.node.TextNode.valueOf("Paid"));
        SyncReport second = engine.run(invoiced);

        assertThat(first.rejections()).isEmpty();
        assertThat(second.rejections()).isEmpty();
        String shopOrder = webOrders.get(1).sourceRef().id();
        assertThat(shop.written).containsExactly(shopOrder + "=COMPLETED", shopOrder + "=PAID");
    }

    @Test
    void draftInvoicesAndInvoicesOfNoOrderAreNotRead() {
        sandbox.seed("salesInvoices", Json.MAPPER.createObjectNode().put("status", "Draft").put("orderId", salesOrderOf(webOrders.get(0))));
        sandbox.seed("salesInvoices", Json.MAPPER.createObjectNode().put("status", "Open").put("externalDocumentNumber", "POS-9"));

        Page<Order> page = bc.invoicedOrders().changesSince(Cursor.initial(), 10);

        assertThat(page.records()).isEmpty();
        assertThat(page.unreadable()).isEmpty();
    }

    @Test
    void anInvoicedOrderIsFetchedByTheOrdersId() {
        String orderId = salesOrderOf(webOrders.get(2));
        String number = sandbox.rows("salesOrders").stream().filter(r -> r.get("id").asText().equals(orderId)).findFirst().orElseThrow()
                .get("number").asText();
        sandbox.shipAndInvoice(orderId);

        assertThat(bc.invoicedOrders().fetch(orderId)).get().extracting(Order::number, Order::status, o -> o.sourceRef().id())
                .containsExactly(number, OrderStatus.COMPLETED, orderId);
    }
}

package io.possync.connector.businesscentral;

import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.api.internal.Json;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sales order's status as the shop needs it: shipped once all its lines are, cancelled when Business Central says so. */
class OrderStatusSourceTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aFullyShippedSalesOrderIsShippedAndAnOpenOneIsOpen() {
        String shipped = sandbox.seed("salesOrders", Json.MAPPER.createObjectNode().put("externalDocumentNumber", "WEB-1")
                .put("status", "Open").put("fullyShipped", true)).get("number").asText();
        String open = sandbox.seed("salesOrders", Json.MAPPER.createObjectNode().put("externalDocumentNumber", "WEB-2")
                .put("status", "Open").put("fullyShipped", false)).get("number").asText();
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

        List<Order> orders = bc.salesOrders().changesSince(Cursor.initial(), 10).records();

        assertThat(orders).extracting(Order::number, Order::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(shipped, OrderStatus.SHIPPED), org.assertj.core.groups.Tuple.tuple(open, OrderStatus.OPEN));
    }
}

package io.possync.connector.accountview;

import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.OrderStatus;
import io.possync.testkit.accountview.AccountViewSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales orders read back with their status (PROPOSAL P-17), for a status flow to where they came from. */
class SalesOrderStatusTest {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aWrittenSalesOrderIsReadBackOpenAndAfterItWasCancelledCancelled() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
        AccountView av = connections.connect();
        String ordNr = av.salesOrders().create(Orders.mapped(Orders.sale("WEB-7"), av.salesOrders().defaultMapping())).id();
        var first = av.salesOrders().changesSince(Cursor.initial(), 200);

        connections.advance(60);
        sandbox.setSalesOrderStatus(ordNr, "V");
        List<Order> next = av.salesOrders().changesSince(first.next(), 200).records();

        assertThat(first.records()).singleElement().satisfies(o -> {
            assertThat(o.number()).isEqualTo("WEB-7");
            assertThat(o.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(o.lines()).extracting(l -> l.sku()).containsExactly("ART001", "VERZEND");
        });
        assertThat(next).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void aStatusValueTheSettingsDoNotKnowIsUnreadableNamingTheField() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
        AccountView av = connections.connect();
        String ordNr = av.salesOrders().create(Orders.mapped(Orders.sale("WEB-8"), av.salesOrders().defaultMapping())).id();
        sandbox.setSalesOrderStatus(ordNr, "X");

        var page = av.salesOrders().changesSince(Cursor.initial(), 200);

        assertThat(page.records()).isEmpty();
        assertThat(page.unreadable()).singleElement().satisfies(e -> assertThat(e.fieldPath()).contains("ORD_STAT"));
    }
}

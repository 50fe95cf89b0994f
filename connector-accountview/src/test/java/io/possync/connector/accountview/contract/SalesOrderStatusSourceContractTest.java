package io.possync.connector.accountview.contract;

import io.possync.api.Order;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.Orders;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

/** AccountView's sales orders as a {@link Source} of their status: the contract every source passes. */
class SalesOrderStatusSourceContractTest extends AccountViewSourceContract<Order> {

    private final AccountView writer = connections.connect();

    @BeforeEach
    void seedArticles() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
    }

    @Override
    Source<Order> sourceOf(AccountView accountView) {
        return accountView.salesOrders();
    }

    /** A sales order written through the API; read under AccountView's order number. */
    @Override
    String seedOne(int n) {
        return writer.salesOrders().create(Orders.mapped(Orders.sale("WEB-" + n), writer.salesOrders().defaultMapping())).id();
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.setSalesOrderStatus(id, "G");
    }

    @Override
    protected String unknownId() {
        return "1999000001";
    }
}

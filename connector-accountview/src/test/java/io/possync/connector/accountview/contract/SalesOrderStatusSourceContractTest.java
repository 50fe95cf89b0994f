package io.possync.connector.accountview.contract;

import io.possync.api.Order;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.connector.accountview.Orders;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AccountView's sales orders as a {@link Source} of their status: the contract every source passes. */
class SalesOrderStatusSourceContractTest extends SourceContract<Order> {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();
    private final AccountView writer = connections.connect();
    private int next;

    @BeforeEach
    void seedArticles() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Order> source() {
        return connections.connect(connections.settings().pageSize(pageSize()).build()).salesOrders();
    }

    @Override
    protected Source<Order> sourceWithWrongCredentials() {
        return connections.connect(connections.settings("wrong").build()).salesOrders();
    }

    /** Sales orders written through the API, one a second; read under AccountView's order number. */
    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(order());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(order());
        }
        return ids;
    }

    private String order() {
        next++;
        return writer.salesOrders().create(Orders.mapped(Orders.sale("WEB-" + next), writer.salesOrders().defaultMapping())).id();
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

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

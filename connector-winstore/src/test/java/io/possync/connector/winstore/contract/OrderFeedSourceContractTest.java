package io.possync.connector.winstore.contract;

import io.possync.api.Order;
import io.possync.api.Source;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Winstore's order feed (a PROPOSAL operation, switched on) as a {@link Source}: the contract every source passes. */
class OrderFeedSourceContractTest extends SourceContract<Order> {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();
    private int next;

    @BeforeEach
    void seedArticle() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "08712345678906", "description", "Runner shoe", "price_incl", "59.95"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Order> source() {
        return connections.connect(connections.settings().orderFeed(true).pageSize(pageSize()).build()).orderFeed();
    }

    @Override
    protected Source<Order> sourceWithWrongCredentials() {
        return connections.connect(connections.settingsWithPassword("wrong").orderFeed(true).build()).orderFeed();
    }

    /** One till sale a second; the feed reads it under its order number. */
    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(sale());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(sale());
        }
        return ids;
    }

    private String sale() {
        next++;
        String number = "POS-" + next;
        sandbox.enterOrder(number, "pos", Map.of("email", "k" + next + "@example.nl", "fname", "Klant", "lname", String.valueOf(next)),
                List.of(Map.of("product_id", "08712345678906", "amount", 1, "single_price", "59.95")));
        return number;
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.setOrderStatus(id, "completed");
    }

    @Override
    protected String unknownId() {
        return "POS-999999";
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

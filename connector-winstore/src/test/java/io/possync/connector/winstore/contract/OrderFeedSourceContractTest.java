package io.possync.connector.winstore.contract;

import io.possync.api.Order;
import io.possync.api.Source;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

/** Winstore's order feed (a PROPOSAL operation, switched on) as a {@link Source}: the contract every source passes. */
class OrderFeedSourceContractTest extends WinstoreSourceContract<Order> {

    @BeforeEach
    void seedArticle() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "08712345678906", "description", "Runner shoe", "price_incl", "59.95"));
    }

    @Override
    Source<Order> sourceOf(Winstore winstore) {
        return winstore.orderFeed();
    }

    @Override
    WinstoreSettings.Builder configure(WinstoreSettings.Builder settings) {
        return settings.orderFeed(true);
    }

    /** A till sale; the feed reads it under its order number. */
    @Override
    protected String seedOne(int n, boolean sameInstant) {
        String number = "POS-" + n;
        sandbox.enterOrder(number, "pos", Map.of("email", "k" + n + "@example.nl", "fname", "Klant", "lname", String.valueOf(n)),
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
}

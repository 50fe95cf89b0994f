package io.possync.connector.winstore.contract;

import io.possync.api.Product;
import io.possync.api.Source;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Winstore's articles as a {@link Source}: the contract every source passes. */
class ArticlesSourceContractTest extends SourceContract<Product> {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Product> source() {
        return connections.connect(connections.settings().pageSize(pageSize()).build()).articles();
    }

    @Override
    protected Source<Product> sourceWithWrongCredentials() {
        return connections.connect(connections.settingsWithPassword("wrong").build()).articles();
    }

    /** One article a second, alternately of two suppliers, so a first load reads several suppliers. */
    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(String.valueOf(article(next % 2 == 0 ? 7 : 12)));
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.valueOf(article(7)));
        }
        return ids;
    }

    private long article(long supplier) {
        next++;
        sandbox.seedSupplier(12, "Voorbeeld Textiel BV");
        return sandbox.seedArticle(Map.of("artnr", "A" + next, "description", "Article " + next, "price_incl", "9.95",
                "supplier_id", supplier));
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyArticle(Long.parseLong(id), "description", "Changed " + id);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

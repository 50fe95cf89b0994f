package io.possync.connector.winstore.contract;

import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Winstore's stock as a {@link Source}: the contract every source passes. */
class StockSourceContractTest extends SourceContract<StockLevel> {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<StockLevel> source() {
        return connections.connect(connections.settings().pageSize(pageSize()).build()).stock();
    }

    @Override
    protected Source<StockLevel> sourceWithWrongCredentials() {
        return connections.connect(connections.settingsWithPassword("wrong").build()).stock();
    }

    /** One article with stock in two warehouses a second; the level's id is the article key. */
    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(stocked());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(stocked());
        }
        return ids;
    }

    private String stocked() {
        next++;
        String gtin = String.format("87100000%05d", next);
        long key = sandbox.seedArticle(Map.of("artnr", "S" + next, "gtin", gtin, "description", "Stocked " + next));
        sandbox.setStock(gtin, 1, 5, 1);
        sandbox.setStock(gtin, 2, 3, 0);
        return String.valueOf(key);
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        String gtin = (String) sandbox.articles().stream().filter(a -> String.valueOf(a.get("artkey")).equals(id)).findFirst()
                .orElseThrow().get("gtin");
        sandbox.setStock(gtin, 1, 4, 0);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

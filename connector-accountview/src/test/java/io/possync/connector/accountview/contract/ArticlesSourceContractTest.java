package io.possync.connector.accountview.contract;

import io.possync.api.Product;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AccountView's articles as a {@link Source}: the contract every source passes. */
class ArticlesSourceContractTest extends SourceContract<Product> {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();
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
        return connections.connect(connections.settings("wrong").build()).articles();
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(article());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(article());
        }
        return ids;
    }

    private String article() {
        next++;
        String code = String.format("ART%03d", next);
        sandbox.seedArticle(Map.of("ART_CODE", code, "ART_DESC1", "Article " + next, "PX_SELL", 9.95, "QTY_AVAIL", 3));
        return code;
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyArticle(id, "ART_DESC1", "Changed " + id);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

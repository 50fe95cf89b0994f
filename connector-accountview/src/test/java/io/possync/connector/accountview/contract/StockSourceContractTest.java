package io.possync.connector.accountview.contract;

import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** AccountView's stock as a {@link Source}: the contract every source passes. */
class StockSourceContractTest extends SourceContract<StockLevel> {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();
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
        return connections.connect(connections.settings("wrong").build()).stock();
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            next++;
            String code = String.format("STK%03d", next);
            sandbox.seedArticle(Map.of("ART_CODE", code, "ART_DESC1", "Stocked " + next, "QTY_AVAIL", next));
            ids.add(code);
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        return seed(n);
    }

    /** Stock is read in full each run: whether a stock movement moves an article's change date is not known. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.CHANGE_CURSOR, Trait.MODIFY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

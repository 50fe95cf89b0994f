package io.possync.connector.accountview.contract;

import io.possync.api.CanonicalRecord;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/**
 * What AccountView's source contract tests share: a sandbox on a clock the test moves, connections to it,
 * and seeding one record a second (or several at one instant) through {@link #seedOne}.
 */
abstract class AccountViewSourceContract<T extends CanonicalRecord> extends SourceContract<T> {

    final AccountViewConnections connections = new AccountViewConnections();
    final AccountViewSandbox sandbox = connections.sandbox();
    private int next;

    /** The capability under test of {@code accountView}. */
    abstract Source<T> sourceOf(AccountView accountView);

    /** Adds the {@code n}th record to the sandbox; returns the id the source reads it under. */
    abstract String seedOne(int n);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<T> source() {
        return sourceOf(connections.connect(connections.settings().pageSize(pageSize()).build()));
    }

    @Override
    protected Source<T> sourceWithWrongCredentials() {
        return sourceOf(connections.connect(connections.settings("wrong").build()));
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(seedOne(++next));
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(seedOne(++next));
        }
        return ids;
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

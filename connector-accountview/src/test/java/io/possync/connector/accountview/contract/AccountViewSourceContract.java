package io.possync.connector.accountview.contract;

import io.possync.api.CanonicalRecord;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SteppedSourceContract;
import org.junit.jupiter.api.AfterEach;

/**
 * What AccountView's source contract tests share: a sandbox on a clock the test moves, connections to it,
 * and seeding one record a second (or several at one instant).
 */
abstract class AccountViewSourceContract<T extends CanonicalRecord> extends SteppedSourceContract<T> {

    final AccountViewConnections connections = new AccountViewConnections();
    final AccountViewSandbox sandbox = connections.sandbox();

    /** The capability under test of {@code accountView}. */
    abstract Source<T> sourceOf(AccountView accountView);

    /** Adds the {@code n}th record to the sandbox; returns the id the source reads it under. */
    abstract String seedOne(int n);

    /** AccountView's time stamps are to the second: records seeded in one second share it either way. */
    @Override
    protected final String seedOne(int n, boolean sameInstant) {
        return seedOne(n);
    }

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
    protected void step() {
        connections.advance(1);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

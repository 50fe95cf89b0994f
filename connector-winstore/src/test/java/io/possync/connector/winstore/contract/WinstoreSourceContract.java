package io.possync.connector.winstore.contract;

import io.possync.api.CanonicalRecord;
import io.possync.api.Source;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SteppedSourceContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;

/**
 * What Winstore's source contract tests share: a sandbox on a clock the test moves, connections to it,
 * and seeding one record a second (or several at one instant).
 */
abstract class WinstoreSourceContract<T extends CanonicalRecord> extends SteppedSourceContract<T> {

    final WinstoreConnections connections = new WinstoreConnections();
    final WinstoreSandbox sandbox = connections.sandbox();

    /** The capability under test of {@code winstore}. */
    abstract Source<T> sourceOf(Winstore winstore);

    /** The settings the capability needs beyond the sandbox's (a switch); none by default. */
    WinstoreSettings.Builder configure(WinstoreSettings.Builder settings) {
        return settings;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<T> source() {
        return sourceOf(connections.connect(configure(connections.settings()).pageSize(pageSize()).build()));
    }

    @Override
    protected Source<T> sourceWithWrongCredentials() {
        return sourceOf(connections.connect(configure(connections.settingsWithPassword("wrong")).build()));
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

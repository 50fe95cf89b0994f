package io.possync.connector.winstore.contract;

import io.possync.api.CanonicalRecord;
import io.possync.api.Source;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SourceContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/**
 * What Winstore's source contract tests share: a sandbox on a clock the test moves, connections to it,
 * and seeding one record a second (or several at one instant) through {@link #seedOne}.
 */
abstract class WinstoreSourceContract<T extends CanonicalRecord> extends SourceContract<T> {

    final WinstoreConnections connections = new WinstoreConnections();
    final WinstoreSandbox sandbox = connections.sandbox();
    private int next;

    /** The capability under test of {@code winstore}. */
    abstract Source<T> sourceOf(Winstore winstore);

    /** Adds the {@code n}th record ({@code sameInstant}: one of several sharing an instant); returns the id the source reads it under. */
    abstract String seedOne(int n, boolean sameInstant);

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
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(seedOne(++next, false));
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(seedOne(++next, true));
        }
        return ids;
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

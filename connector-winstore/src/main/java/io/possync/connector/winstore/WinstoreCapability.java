package io.possync.connector.winstore;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.winstore.internal.WinstoreSession;

/** What the Winstore capabilities share: the tenant's session and its request count. */
abstract class WinstoreCapability implements Metered {

    final WinstoreSession session;

    WinstoreCapability(WinstoreSession session) {
        this.session = session;
    }

    /** {@code winstore}. */
    public String system() {
        return Winstore.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

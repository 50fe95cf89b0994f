package io.possync.connector.buchhaltungsbutler;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.buchhaltungsbutler.internal.BuchhaltungsButlerSession;

/** What the BuchhaltungsButler capabilities share: the tenant's session and its request count. */
abstract class BuchhaltungsButlerCapability implements Metered {

    final BuchhaltungsButlerSession session;

    BuchhaltungsButlerCapability(BuchhaltungsButlerSession session) {
        this.session = session;
    }

    /** {@code buchhaltungsbutler}. */
    public String system() {
        return BuchhaltungsButler.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

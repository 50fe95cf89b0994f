package io.possync.connector.mpluskassa;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.mpluskassa.internal.MplusSession;

/** What the MplusKASSA capabilities share: the installation's session and its request count. */
abstract class MplusCapability implements Metered {

    final MplusSession session;

    MplusCapability(MplusSession session) {
        this.session = session;
    }

    /** {@code mpluskassa}. */
    public String system() {
        return MplusKassa.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

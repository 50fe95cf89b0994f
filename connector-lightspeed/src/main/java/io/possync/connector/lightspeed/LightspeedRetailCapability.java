package io.possync.connector.lightspeed;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.lightspeed.internal.LightspeedRetailConverters;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

/** What the R-Series capabilities share: the session, the converters and the request count. */
abstract class LightspeedRetailCapability implements Metered {

    final LightspeedRetailSession session;
    final LightspeedRetailConverters converters;

    LightspeedRetailCapability(LightspeedRetailSession session) {
        this.session = session;
        this.converters = new LightspeedRetailConverters(session.settings());
    }

    /** {@code lightspeed}. */
    public String system() {
        return LightspeedRetail.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

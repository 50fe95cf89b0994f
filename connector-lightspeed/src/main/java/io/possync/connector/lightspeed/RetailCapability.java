package io.possync.connector.lightspeed;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.lightspeed.internal.RetailConverters;
import io.possync.connector.lightspeed.internal.RetailSession;

/** What the R-Series capabilities share: the session, the converters and the request count. */
abstract class RetailCapability implements Metered {

    final RetailSession session;
    final RetailConverters converters;

    RetailCapability(RetailSession session) {
        this.session = session;
        this.converters = new RetailConverters(session.settings());
    }

    /** {@code lightspeed}. */
    public String system() {
        return "lightspeed";
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

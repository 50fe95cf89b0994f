package io.possync.connector.accountview;

import io.possync.api.Metered;
import io.possync.api.RequestCounter;
import io.possync.connector.accountview.internal.AccountViewSession;

/** What the AccountView capabilities share: the company's session and its request count. */
abstract class AccountViewCapability implements Metered {

    final AccountViewSession session;

    AccountViewCapability(AccountViewSession session) {
        this.session = session;
    }

    /** {@code accountview}. */
    public String system() {
        return AccountView.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

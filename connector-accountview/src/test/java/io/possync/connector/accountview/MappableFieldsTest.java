package io.possync.connector.accountview;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final AccountView AV = AccountView.connect(AccountViewSettings.builder("id", Secret.of("secret"), Secret.of("refresh"),
            "DEMO").build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(AV.debtors(), AV.salesOrders(), AV.salesInvoices());
    }
}

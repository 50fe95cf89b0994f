package io.possync.connector.buchhaltungsbutler;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final BuchhaltungsButler BUTLER = BuchhaltungsButler.connect(BuchhaltungsButlerSettings
            .builder("client", Secret.of("secret"), Secret.of("key")).revenueAccount("*", "19", 8400).build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(BUTLER.receipts(), BUTLER.debtors());
    }
}

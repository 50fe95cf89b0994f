package io.possync.connector.winstore;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** The order sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final Winstore WINSTORE = Winstore.connect(WinstoreSettings.builder("user", Secret.of("secret")).build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(WINSTORE.orders());
    }
}

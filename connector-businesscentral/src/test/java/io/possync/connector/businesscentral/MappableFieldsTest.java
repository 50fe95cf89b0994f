package io.possync.connector.businesscentral;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final BusinessCentral BC = BusinessCentral.connect(BusinessCentralSettings.builder(
            BusinessCentralSettings.cloud("tenant", "production", "client", Secret.of("secret")),
            "CRONUS").build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(BC.customers(), BC.items(), BC.salesInvoices(), BC.salesOrders(), BC.stock());
    }
}

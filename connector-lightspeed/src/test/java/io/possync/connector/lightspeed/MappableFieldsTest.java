package io.possync.connector.lightspeed;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final LightspeedRetail RETAIL = LightspeedRetail.connect(LightspeedRetailSettings
            .builder("client", Secret.of("secret"), Secret.of("refresh")).build());
    private static final LightspeedXSeries XSERIES = LightspeedXSeries.connect(XSeriesSettings
            .builder("shop", "client", Secret.of("secret"), Secret.of("refresh")).build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(RETAIL.items(), RETAIL.customers(), RETAIL.sales(), RETAIL.stock(), XSERIES.products(), XSERIES.customers(),
                XSERIES.sales(), XSERIES.inventory());
    }
}

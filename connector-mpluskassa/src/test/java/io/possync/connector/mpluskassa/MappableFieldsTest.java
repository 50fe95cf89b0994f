package io.possync.connector.mpluskassa;

import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.testkit.contract.MappableFieldsContract;

import java.util.List;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest extends MappableFieldsContract {

    private static final MplusKassa MPLUS = MplusKassa.connect(MplusSettings.builder(44281, "ident", Secret.of("secret"))
            .turnoverGroup(10).build());

    @Override
    protected List<UpdateSink<?>> sinks() {
        return List.of(MPLUS.articles(), MPLUS.relations(), MPLUS.orders(), MPLUS.invoices(), MPLUS.proposals(), MPLUS.stock());
    }
}

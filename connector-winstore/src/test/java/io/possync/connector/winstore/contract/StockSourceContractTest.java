package io.possync.connector.winstore.contract;

import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.connector.winstore.Winstore;

import java.util.Map;

/** Winstore's stock as a {@link Source}: the contract every source passes. */
class StockSourceContractTest extends WinstoreSourceContract<StockLevel> {

    @Override
    Source<StockLevel> sourceOf(Winstore winstore) {
        return winstore.stock();
    }

    /** One article with stock in two warehouses; the level's id is the article key. */
    @Override
    protected String seedOne(int n, boolean sameInstant) {
        String gtin = String.format("87100000%05d", n);
        long key = sandbox.seedArticle(Map.of("artnr", "S" + n, "gtin", gtin, "description", "Stocked " + n));
        sandbox.setStock(gtin, 1, 5, 1);
        sandbox.setStock(gtin, 2, 3, 0);
        return String.valueOf(key);
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        String gtin = (String) sandbox.articles().stream().filter(a -> String.valueOf(a.get("artkey")).equals(id)).findFirst()
                .orElseThrow().get("gtin");
        sandbox.setStock(gtin, 1, 4, 0);
    }
}

package io.possync.connector.winstore.contract;

import io.possync.api.Product;
import io.possync.api.Source;
import io.possync.connector.winstore.Winstore;

import java.util.Map;

/** Winstore's articles as a {@link Source}: the contract every source passes. */
class ArticlesSourceContractTest extends WinstoreSourceContract<Product> {

    @Override
    Source<Product> sourceOf(Winstore winstore) {
        return winstore.articles();
    }

    /** Articles of two suppliers in turn (one at one instant), so a first load reads several suppliers. */
    @Override
    protected String seedOne(int n, boolean sameInstant) {
        sandbox.seedSupplier(12, "Voorbeeld Textiel BV");
        long supplier = sameInstant || n % 2 == 1 ? 7 : 12;
        return String.valueOf(sandbox.seedArticle(Map.of("artnr", "A" + n, "description", "Article " + n, "price_incl", "9.95",
                "supplier_id", supplier)));
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyArticle(Long.parseLong(id), "description", "Changed " + id);
    }
}

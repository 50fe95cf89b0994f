package io.possync.connector.accountview.contract;

import io.possync.api.Product;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;

import java.util.Map;

/** AccountView's articles as a {@link Source}: the contract every source passes. */
class ArticlesSourceContractTest extends AccountViewSourceContract<Product> {

    @Override
    Source<Product> sourceOf(AccountView accountView) {
        return accountView.articles();
    }

    @Override
    String seedOne(int n) {
        String code = String.format("ART%03d", n);
        sandbox.seedArticle(Map.of("ART_CODE", code, "ART_DESC1", "Article " + n, "PX_SELL", 9.95, "QTY_AVAIL", 3));
        return code;
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyArticle(id, "ART_DESC1", "Changed " + id);
    }
}

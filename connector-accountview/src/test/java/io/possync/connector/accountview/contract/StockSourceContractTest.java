package io.possync.connector.accountview.contract;

import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.connector.accountview.AccountView;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** AccountView's stock as a {@link Source}: the contract every source passes. */
class StockSourceContractTest extends AccountViewSourceContract<StockLevel> {

    @Override
    Source<StockLevel> sourceOf(AccountView accountView) {
        return accountView.stock();
    }

    @Override
    String seedOne(int n) {
        String code = String.format("STK%03d", n);
        sandbox.seedArticle(Map.of("ART_CODE", code, "ART_DESC1", "Stocked " + n, "QTY_AVAIL", n));
        return code;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        return seed(n);
    }

    /** Stock is read in full each run: whether a stock movement moves an article's change date is not known. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.CHANGE_CURSOR, Trait.MODIFY);
    }
}

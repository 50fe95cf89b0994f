package io.possync.connector.accountview.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountView;

import java.util.Map;

/** AccountView's debtors as a {@link Source}: the contract every source passes. */
class DebtorsSourceContractTest extends AccountViewSourceContract<Customer> {

    @Override
    Source<Customer> sourceOf(AccountView accountView) {
        return accountView.debtors();
    }

    @Override
    String seedOne(int n) {
        return sandbox.seedDebtor(Map.of("ACCT_NAME", "Debtor " + n, "SRC_CODE", "DEBTOR", "MAIL_BUS", "d" + n + "@example.nl"))
                .path("SUB_NR").asText();
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyDebtor(id, "CITY", "Utrecht");
    }
}

package io.possync.connector.accountview.contract;

import io.possync.api.Order;
import io.possync.api.Sink;
import io.possync.connector.accountview.AccountView;

/** AccountView's salesInvoices as a {@link Sink}: the contract every sink passes. */
class SalesInvoicesSinkContractTest extends AccountViewOrderSinkContract {

    @Override
    Sink<Order> sinkOf(AccountView accountView) {
        return accountView.salesInvoices();
    }

    @Override
    String headerTable() {
        return "DJ_PAGE";
    }

    @Override
    String keyField() {
        return "INV_NR";
    }
}

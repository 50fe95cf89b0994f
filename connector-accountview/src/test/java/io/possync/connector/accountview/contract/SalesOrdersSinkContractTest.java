package io.possync.connector.accountview.contract;

import io.possync.api.Order;
import io.possync.api.Sink;
import io.possync.connector.accountview.AccountView;

/** AccountView's salesOrders as a {@link Sink}: the contract every sink passes. */
class SalesOrdersSinkContractTest extends AccountViewOrderSinkContract {

    @Override
    Sink<Order> sinkOf(AccountView accountView) {
        return accountView.salesOrders();
    }

    @Override
    String headerTable() {
        return "SO_HDR";
    }

    @Override
    String keyField() {
        return "COMMENT1";
    }
}

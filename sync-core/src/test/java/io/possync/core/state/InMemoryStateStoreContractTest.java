package io.possync.core.state;

class InMemoryStateStoreContractTest extends StateStoreContract {

    @Override
    protected StateStore newStore() {
        return new InMemoryStateStore();
    }
}

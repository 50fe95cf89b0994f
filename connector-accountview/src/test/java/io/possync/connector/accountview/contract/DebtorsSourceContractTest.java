package io.possync.connector.accountview.contract;

import io.possync.api.Customer;
import io.possync.api.Source;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SourceContract;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AccountView's debtors as a {@link Source}: the contract every source passes. */
class DebtorsSourceContractTest extends SourceContract<Customer> {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();
    private int next;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Source<Customer> source() {
        return connections.connect(connections.settings().pageSize(pageSize()).build()).debtors();
    }

    @Override
    protected Source<Customer> sourceWithWrongCredentials() {
        return connections.connect(connections.settings("wrong").build()).debtors();
    }

    @Override
    protected List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.advance(1);
            ids.add(debtor());
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        connections.advance(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(debtor());
        }
        return ids;
    }

    private String debtor() {
        next++;
        return sandbox.seedDebtor(Map.of("ACCT_NAME", "Debtor " + next, "SRC_CODE", "DEBTOR", "MAIL_BUS", "d" + next + "@example.nl"))
                .path("SUB_NR").asText();
    }

    @Override
    protected void modify(String id) {
        connections.advance(1);
        sandbox.modifyDebtor(id, "CITY", "Utrecht");
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

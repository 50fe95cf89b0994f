package io.possync.connector.accountview.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.internal.Json;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.CustomerSinkContract;
import org.junit.jupiter.api.AfterEach;

import java.util.Set;

/** AccountView's debtors as a {@link Sink}: the contract every sink passes. */
class DebtorsSinkContractTest extends CustomerSinkContract {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Customer> sink() {
        return connections.connect().debtors();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return connections.connect(connections.settings("wrong").build()).debtors();
    }

    @Override
    protected ObjectNode fields(int i, String email) {
        return Json.MAPPER.createObjectNode().put("ACCT_NAME", "Contract " + i).put("SRC_CODE", "CONTRACT").put("MAIL_BUS", email)
                .put("ACCT_NR", "1300");
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("CITY", "Utrecht"));
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.rows("CONTACT").stream().filter(r -> key.value().equals(r.path("MAIL_BUS").asText())).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(AccountView.SYSTEM, EntityType.CUSTOMER, "99999");
    }

    /** AccountView has no versions on debtors, and lets two debtors share an e-mail address. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.STALE_VERSION, Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

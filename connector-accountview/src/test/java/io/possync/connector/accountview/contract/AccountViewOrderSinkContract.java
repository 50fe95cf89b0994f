package io.possync.connector.accountview.contract;

import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewConnections;
import io.possync.connector.accountview.Orders;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.contract.SinkContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;
import java.util.Set;

/**
 * What AccountView's two order sinks' contract tests share: the sandbox with the articles a sale names,
 * a paid sale mapped with the sink's defaults, and the header table and field an order is found by.
 */
abstract class AccountViewOrderSinkContract extends SinkContract<Order> {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    /** The order sink under test of {@code accountView}. */
    abstract Sink<Order> sinkOf(AccountView accountView);

    /** The header table the sink writes ({@code DJ_PAGE}, {@code SO_HDR}). */
    abstract String headerTable();

    /** The header field holding the source's order number ({@code INV_NR}, {@code COMMENT1}). */
    abstract String keyField();

    @BeforeEach
    void seedArticles() {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel", "PX_SELL", 10.0, "QTY_AVAIL", 25));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten", "PX_SELL", 4.95, "QTY_AVAIL", 0));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Order> sink() {
        return sinkOf(connections.connect());
    }

    @Override
    protected Sink<Order> sinkWithWrongCredentials() {
        return sinkOf(connections.connect(connections.settings("wrong").build()));
    }

    @Override
    protected MappedRecord<Order> newRecord(int i) {
        return Orders.mapped(Orders.sale("WEB-" + i), sink().defaultMapping());
    }

    @Override
    protected MappedRecord<Order> changed(MappedRecord<Order> record) {
        return record;
    }

    @Override
    protected NaturalKey keyOf(MappedRecord<Order> record) {
        return NaturalKey.orderNumber(record.record().number());
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.rows(headerTable()).stream().filter(r -> key.value().equals(r.path(keyField()).asText())).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(AccountView.SYSTEM, EntityType.ORDER, "1");
    }

    /** Orders and invoices are not changed once written, and AccountView does not refuse a second one with the same reference. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.UPDATE, Trait.STALE_VERSION, Trait.UNIQUE_KEY);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.shop.SyntheticShop;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order-number lookups the engine announces ({@code expectLookups}) travel as GETs inside the
 * customers' {@code $batch}: one request less per page, with the same answers.
 */
class CarriedLookupTest {

    private final SyntheticShop shop = SyntheticShop.builder().orders(200).skus(30).knownCustomers(40).newCustomerShare(0.3)
            .build();
    private final BusinessCentralSandbox announced = seeded();
    private final BusinessCentralSandbox unannounced = seeded();

    @AfterEach
    void stop() {
        announced.close();
        unannounced.close();
    }

    private BusinessCentralSandbox seeded() {
        BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
        for (String sku : shop.skus()) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", sku).put("type", "Inventory"));
        }
        for (String email : shop.knownCustomerEmails()) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", email).put("email", email));
        }
        return sandbox;
    }

    private static SyncReport run(BusinessCentral bc, Sink<Order> invoices, List<Order> orders, InMemoryStateStore store) {
        return SyncEngine.builder().stateStore(store).build().run(Flow.orders("pos-sales").from(new ListSource<>("pos", orders))
                .to(invoices).customers(bc.customers()).products(bc.items()).pageSize(100).build());
    }

    @Test
    void theOrderNumberLookupOfEveryPageTravelsWithTheCustomersRequests() {
        BusinessCentral withHints = BusinessCentral.connect(SandboxConnectorTest.settings(announced).build());
        BusinessCentral withoutHints = BusinessCentral.connect(SandboxConnectorTest.settings(unannounced).build());

        SyncReport a = run(withHints, withHints.salesInvoices(), shop.orders(), new InMemoryStateStore());
        SyncReport b = run(withoutHints, new IgnoringHints(withoutHints.salesInvoices()), shop.orders(), new InMemoryStateStore());

        assertThat(a.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(200);
        assertThat(b.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(200);
        assertThat(announced.rows("salesInvoices")).hasSize(200);
        assertThat(withHints.requests().count()).isEqualTo(withoutHints.requests().count() - 2);
    }

    @Test
    void anInvoiceFoundByACarriedLookupIsNotWrittenAgain() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(announced).build());
        run(bc, bc.salesInvoices(), shop.orders(), new InMemoryStateStore());

        SyncReport again = run(bc, bc.salesInvoices(), shop.orders(), new InMemoryStateStore());

        assertThat(again.count(EntityType.ORDER, Outcome.SKIPPED_EXISTING)).isEqualTo(200);
        assertThat(announced.rows("salesInvoices")).hasSize(200);
    }

    @Test
    void aLookupTooLongForOneFilterTakesOneRequest() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(announced).build());
        run(bc, bc.salesInvoices(), shop.orders(), new InMemoryStateStore());
        List<NaturalKey> numbers = shop.orders().stream().map(o -> NaturalKey.orderNumber(o.number())).toList();
        long before = bc.requests().count();

        Map<NaturalKey, Ref> found = bc.salesInvoices().findAll(numbers);

        assertThat(found).hasSize(200);
        assertThat(bc.requests().count() - before).isEqualTo(1);
    }

    @Test
    void answersCarriedBeforeAWriteNeverAnswerALookupAfterIt() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(announced).build());
        Order order = shop.orders().get(0);
        NaturalKey number = NaturalKey.orderNumber(order.number());
        bc.salesInvoices().expectLookups(List.of(number));
        bc.customers().findAll(List.of(NaturalKey.email("nobody@example.com"))); // carries it: not found yet
        com.fasterxml.jackson.databind.node.ObjectNode fields = Json.MAPPER.createObjectNode()
                .put("externalDocumentNumber", order.number())
                .put("customerNumber", announced.rows("customers").get(0).path("number").asText());

        bc.salesInvoices().writeAll(List.of(new Write.Create<>(new MappedRecord<>(order, fields))));

        assertThat(bc.salesInvoices().findAll(List.of(number))).containsKey(number);
    }

    /** The same sink without {@code expectLookups}: what a connector that cannot carry lookups does. */
    private record IgnoringHints(Sink<Order> sink) implements Sink<Order> {
        @Override
        public String system() {
            return sink.system();
        }

        @Override
        public MappingDefaults defaultMapping() {
            return sink.defaultMapping();
        }

        @Override
        public Set<KeyType> supportedKeys() {
            return sink.supportedKeys();
        }

        @Override
        public Optional<Ref> find(NaturalKey key) {
            return sink.find(key);
        }

        @Override
        public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
            return sink.findAll(keys);
        }

        @Override
        public Ref create(MappedRecord<Order> record) {
            return sink.create(record);
        }

        @Override
        public Ref update(Ref target, MappedRecord<Order> record) {
            return sink.update(target, record);
        }

        @Override
        public List<WriteResult> writeAll(List<Write<Order>> writes) {
            return sink.writeAll(writes);
        }
    }
}

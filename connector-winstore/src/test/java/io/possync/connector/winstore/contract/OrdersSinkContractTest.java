package io.possync.connector.winstore.contract;

import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.internal.Json;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreConnections;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.contract.SinkContract;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Winstore's orders as a {@link Sink}: the contract every sink passes. */
class OrdersSinkContractTest extends SinkContract<Order> {

    private final WinstoreConnections connections = new WinstoreConnections();
    private final WinstoreSandbox sandbox = connections.sandbox();

    @BeforeEach
    void seedProduct() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "8712345678906", "description", "Runner shoe", "price_incl", "59.95"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected Sink<Order> sink() {
        return connections.connect(connections.settings().branch(1).build()).orders();
    }

    @Override
    protected Sink<Order> sinkWithWrongCredentials() {
        return connections.connect(connections.settingsWithPassword("wrong").build()).orders();
    }

    @Override
    protected MappedRecord<Order> newRecord(int i) {
        Order order = Order.builder(new Ref("erp", EntityType.ORDER, "SO" + i), "SO-" + i, Instant.parse("2026-11-20T10:00:00Z"))
                .currency("EUR").pricesIncludeTax(true)
                .lines(List.of(new OrderLine("1001", Optional.of("8712345678906"), "Runner shoe", BigDecimal.ONE, new BigDecimal("59.95"),
                        new BigDecimal("21"), BigDecimal.ZERO)))
                .totals(new OrderTotals(new BigDecimal("49.55"), new BigDecimal("10.40"), new BigDecimal("59.95"))).build();
        var json = Json.MAPPER.valueToTree(order);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).putObject("links").putObject("products");
        return new MappedRecord<>(order, CompiledMapping.compile(Mapping.of(sink().defaultMapping())).apply(json, order.sourceRef(), false));
    }

    @Override
    protected MappedRecord<Order> changed(MappedRecord<Order> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("channel", "Changed"));
    }

    @Override
    protected NaturalKey keyOf(MappedRecord<Order> record) {
        return NaturalKey.orderNumber(record.fields().path("ordernr").asText());
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.orders().stream().filter(o -> key.value().equals(o.get("ordernr"))).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(Winstore.SYSTEM, EntityType.ORDER, "1");
    }

    /** Winstore's orders are not changed once posted. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.UPDATE, Trait.STALE_VERSION);
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

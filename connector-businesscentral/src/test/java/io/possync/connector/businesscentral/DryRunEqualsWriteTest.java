package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.CategoryPath;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.PlannedWrite;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.contract.PlannedWritesSent;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run shows is what the write sends, for every sink: the same records are planned with
 * {@code dryRun} and then written, and every field of every planned write arrives in Business Central
 * with the planned value — none dropped, none replaced by a setting or default of the connector.
 */
class DryRunEqualsWriteTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).paymentTerms("14 DAYS").build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The operations the sandbox received, inner requests of a {@code $batch} one by one: method, url, body. */
    private List<JsonNode> sent() {
        List<JsonNode> ops = new ArrayList<>();
        for (ReceivedWrite w : sandbox.receivedWrites()) {
            JsonNode body = w.body().isBlank() ? Json.MAPPER.createObjectNode() : read(w.body());
            if (w.uri().contains("$batch")) {
                body.path("requests").forEach(ops::add);
            } else {
                ops.add(Json.MAPPER.createObjectNode().put("method", w.method()).put("url", w.uri()).set("body", body));
            }
        }
        return ops;
    }

    private static JsonNode read(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** Plans {@code flow}, runs it, and checks every planned field against the operation that wrote its record. */
    private <T extends CanonicalRecord> void plannedEqualsSent(Flow<T> flow, String entitySet, String keyField) {
        List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites().stream().filter(p -> p.entityType() == flow.entityType()).toList();
        sandbox.recordWrites();
        int before = sandbox.receivedWrites().size();
        engine.run(flow);
        List<JsonNode> sent = sent().stream().filter(o -> o.path("url").asText().contains(entitySet)).toList();
        PlannedWritesSent.check(planned, sent, (p, o) -> p.action() == PlannedWrite.Action.CREATE
                        ? o.path("method").asText().equals("POST") && o.path("body").path(keyField).asText()
                        .equals(p.fields().path(keyField).asText())
                        : o.path("method").asText().equals("PATCH") && o.path("url").asText().contains("(" + p.target().orElseThrow().id() + ")"),
                PlannedWritesSent.sameValue((o, field) -> o.path("body").path(field), DryRunEqualsWriteTest::same));
        assertThat(sandbox.receivedWrites().size()).isGreaterThan(before);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, b);
    }

    @Test
    void customersCreatedAndUpdatedAreSentAsPlanned() {
        List<Customer> customers = PersonalDataCheck.customers("pos", 6);
        plannedEqualsSent(Flow.customers("c").from(new ListSource<>("pos", customers)).to(bc.customers()).build(), "customers", "email");

        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(T.plusSeconds(3600)).build())
                .toList();
        plannedEqualsSent(Flow.customers("c2").from(new ListSource<>("pos", changed)).to(bc.customers())
                .mapping(m -> m.override("website", "'https://example.com/' & $lowercase(sourceRef.id)")).build(), "customers", "email");
    }

    @Test
    void itemsCreatedAndUpdatedAreSentAsPlanned() {
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            products.add(Product.builder(new Ref("pos", EntityType.PRODUCT, "P" + i), "SKU-" + i, T).name("Product " + i).ean("871234567890" + i)
                    .price(new Price(new BigDecimal("9.95"), "EUR", true)).categories(List.of(CategoryPath.of("Kitchen", "Mugs"))).build());
        }
        plannedEqualsSent(Flow.products("p").from(new ListSource<>("pos", products)).to(bc.items()).build(), "items", "number");

        List<Product> changed = products.stream().map(p -> p.toBuilder().name(p.name() + " (new)").modifiedAt(T.plusSeconds(60)).build()).toList();
        plannedEqualsSent(Flow.products("p2").from(new ListSource<>("pos", changed)).to(bc.items()).build(), "items", "number");
    }

    @Test
    void salesInvoicesAndOrdersAreSentAsPlanned() {
        sandbox.seed("items", Map.of("number", "TEE", "displayName", "T-shirt"));
        sandbox.seed("customers", Map.of("number", "CASH", "displayName", "Cash sales"));
        plannedEqualsSent(Flow.orders("invoices").from(new ListSource<>("pos", orders("pos"))).to(bc.salesInvoices())
                .products(bc.items()).defaultDebtor("CASH").build(), "salesInvoices", "externalDocumentNumber");
        // Links are per source record and target system: the orders come from another source system.
        plannedEqualsSent(Flow.orders("orders").from(new ListSource<>("webshop", orders("webshop"))).to(bc.salesOrders())
                .products(bc.items()).defaultDebtor("CASH").build(), "salesOrders", "externalDocumentNumber");
    }

    private static List<Order> orders(String system) {
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            orders.add(Order.builder(new Ref(system, EntityType.ORDER, "O" + i), system + "-" + i, T).currency("EUR")
                    .lines(List.of(OrderLine.of("TEE", "T-shirt", new BigDecimal(i), new BigDecimal("19.95"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        return orders;
    }

    @Test
    void stockIsSentAsPlanned() {
        sandbox.seed("items", Map.of("number", "MUG", "displayName", "Mug"));
        sandbox.seed("items", Map.of("number", "TEE", "displayName", "T-shirt"));
        List<StockLevel> levels = List.of(
                new StockLevel(new Ref("pos", EntityType.STOCK_LEVEL, "MUG@1"), "MUG", "1", new BigDecimal("7"), BigDecimal.ZERO,
                        new BigDecimal("7"), T, Optional.empty()),
                new StockLevel(new Ref("pos", EntityType.STOCK_LEVEL, "TEE@1"), "TEE", "1", new BigDecimal("3"), BigDecimal.ONE,
                        new BigDecimal("2"), T, Optional.empty()));

        plannedEqualsSent(Flow.stock("stock").from(new ListSource<>("pos", levels)).to(bc.stock()).build(), "items", "inventory");
    }
}

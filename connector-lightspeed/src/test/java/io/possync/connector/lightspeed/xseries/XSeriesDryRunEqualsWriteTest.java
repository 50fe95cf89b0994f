package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
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
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.contract.PlannedWritesSent;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * What a dry run shows is what the write sends, for every X-Series sink: every planned field arrives in
 * the request with the planned value, read from where API 2.1 and 0.9 take it ({@code common}/{@code details}
 * of a product, {@code details.inventory} for stock, the register sale's own fields).
 */
class XSeriesDryRunEqualsWriteTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos() {
        return LightspeedXSeries.connect(SandboxSettings.sellingOnFirstRegister(sandbox).build());
    }

    private <T extends CanonicalRecord> void plannedEqualsSent(Flow<T> flow, String path, BiPredicate<PlannedWrite, JsonNode> isFor,
                                                               BiFunction<JsonNode, String, JsonNode> sent) {
        List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites().stream().filter(p -> p.entityType() == flow.entityType()).toList();
        sandbox.recordWrites();
        int before = sandbox.receivedWrites().size();
        engine.run(flow);
        List<ReceivedWrite> writes = sandbox.receivedWrites();
        List<JsonNode> bodies = writes.subList(before, writes.size()).stream().filter(w -> w.uri().contains(path))
                .map(w -> read(w.body())).toList();
        PlannedWritesSent.check(planned, bodies, isFor, PlannedWritesSent.sameValue(sent, (plan, value) -> plan.isNumber() && value.isNumber()
                ? plan.decimalValue().compareTo(value.decimalValue()) == 0 : plan.asText().equals(value.asText())));
    }

    private static JsonNode read(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    @Test
    void productsAreSentAsPlanned() {
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            products.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "P" + i), "SKU-" + i, T).name("Product " + i)
                    .description("Nice " + i).price(new Price(new BigDecimal("9.95"), "EUR", true)).build());
        }
        // Created through API 2.0's flat create body.
        plannedEqualsSent(Flow.products("p").from(new ListSource<>("erp", products)).to(pos().products()).build(), "products",
                (p, body) -> body.path("sku").asText().equals(p.fields().path("sku").asText()), (body, field) -> switch (field) {
                    case "price" -> body.path(body.has("price_including_tax") ? "price_including_tax" : "price_excluding_tax");
                    case "price_includes_tax" -> Json.MAPPER.getNodeFactory().booleanNode(body.has("price_including_tax"));
                    case "active" -> body.path("is_active");
                    case "ean" -> body.path("product_codes").path(0).path("code");
                    default -> body.path(field);
                });
    }

    @Test
    void customersCreatedAndUpdatedAreSentAsPlanned() {
        List<Customer> customers = PersonalDataCheck.customers("erp", 4);
        LightspeedXSeries pos = pos();
        plannedEqualsSent(Flow.customers("c").from(new ListSource<>("erp", customers)).to(pos.customers()).build(), "customers",
                (p, body) -> body.path("email").asText().equals(p.fields().path("email").asText()), JsonNode::path);
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(T.plusSeconds(3600)).build())
                .toList();
        plannedEqualsSent(Flow.customers("c2").from(new ListSource<>("erp", changed)).to(pos.customers())
                        .mapping(m -> m.override("customer_code", "sourceRef.id")).build(), "customers",
                (p, body) -> body.path("email").asText().equals(p.fields().path("email").asText()), JsonNode::path);
    }

    @Test
    void salesAreSentAsPlanned() {
        sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-1"));
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            orders.add(Order.builder(new Ref("webshop", EntityType.ORDER, "O" + i), "WEB-" + i, T).currency("EUR").pricesIncludeTax(true)
                    .lines(List.of(OrderLine.of("MUG-1", "Mug", BigDecimal.ONE, new BigDecimal("12.10"), new BigDecimal("21"))))
                    .payments(List.of(new Payment("Credit Card", new BigDecimal("12.10"))))
                    .totals(new OrderTotals(new BigDecimal("10.00"), new BigDecimal("2.10"), new BigDecimal("12.10"))).build());
        }
        plannedEqualsSent(Flow.orders("s").from(new ListSource<>("webshop", orders)).to(pos().sales()).build(), "register_sales",
                (p, body) -> body.path("invoice_number").asText().equals(p.fields().path("invoice_number").asText()), JsonNode::path);
    }

    @Test
    void inventoryIsSentAsPlanned() {
        sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug").put("sku", "MUG-1"));
        List<StockLevel> levels = List.of(new StockLevel(new Ref("erp", EntityType.STOCK_LEVEL, "MUG-1@A"), "MUG-1",
                sandbox.outletIds().get(0), new BigDecimal("7"), BigDecimal.ZERO, new BigDecimal("7"), T, Optional.empty()));

        plannedEqualsSent(Flow.stock("stock").from(new ListSource<>("erp", levels)).to(pos().inventory()).build(), "products",
                (p, body) -> body.path("details").has("inventory"),
                (body, field) -> body.path("details").path("inventory").path(0).path(field));
    }
}

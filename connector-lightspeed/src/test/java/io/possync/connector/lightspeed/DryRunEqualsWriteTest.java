package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.CategoryPath;
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
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.contract.PlannedWritesSent;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run shows is what the write sends, for every R-Series sink: the same records are planned
 * with {@code dryRun} and then written, and every planned field arrives in Lightspeed's request with the
 * planned value, read back from where the API takes it (a price in {@code Prices.ItemPrice}, an e-mail in
 * {@code Contact.Emails}, a tax rate in percent as {@code tax1Rate}, …).
 */
class DryRunEqualsWriteTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();
    private final LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).salesInto("1", "1", "1").build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /**
     * Plans {@code flow}, runs it, finds each planned record's request ({@code isFor}) and checks every planned
     * field against the value {@code sent} reads from that request's body.
     */
    private <T extends CanonicalRecord> void plannedEqualsSent(Flow<T> flow, String resource,
                                                               BiPredicate<PlannedWrite, JsonNode> isFor,
                                                               BiFunction<JsonNode, String, JsonNode> sent) {
        List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites().stream().filter(p -> p.entityType() == flow.entityType()).toList();
        sandbox.recordWrites();
        int before = sandbox.receivedWrites().size();
        engine.run(flow);
        List<JsonNode> bodies = new ArrayList<>();
        List<ReceivedWrite> writes = sandbox.receivedWrites();
        for (ReceivedWrite w : writes.subList(before, writes.size())) {
            if (w.uri().contains("/" + resource)) {
                bodies.add(read(w.body()));
            }
        }
        PlannedWritesSent.check(planned, bodies, isFor, PlannedWritesSent.sameValue(sent, DryRunEqualsWriteTest::same));
    }

    private static JsonNode read(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** Equal as Lightspeed reads them: numbers and booleans may travel as text, lists element by element. */
    private static boolean same(JsonNode planned, JsonNode sent) {
        if (planned.isArray() && sent.isArray() && planned.size() == sent.size()) {
            for (int i = 0; i < planned.size(); i++) {
                if (!same(planned.get(i), sent.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (planned.isObject() && sent.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = planned.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!same(e.getValue(), sent.path(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (planned.isNumber()) {
            try {
                return planned.decimalValue().compareTo(new BigDecimal(sent.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return planned.asText().equals(sent.asText());
    }

    @Test
    void itemsCreatedAndUpdatedAreSentAsPlanned() {
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            products.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "P" + i), "SKU-" + i, T).name("Product " + i).ean("871234567890" + i)
                    .price(new Price(new BigDecimal("9.95"), "EUR", true)).categories(List.of(CategoryPath.of("Kitchen", "Mugs"))).build());
        }
        BiFunction<JsonNode, String, JsonNode> sent = (body, field) -> switch (field) {
            case "price" -> body.path("Prices").path("ItemPrice").path(0).path("amount");
            case "category" -> sandbox.records("Category").stream().filter(c -> c.path("categoryID").asText()
                    .equals(body.path("categoryID").asText())).map(c -> c.path("fullPathName")).findFirst().orElse(Json.MAPPER.missingNode());
            default -> body.path(field);
        };
        plannedEqualsSent(Flow.products("p").from(new ListSource<>("erp", products)).to(pos.items()).build(), "Item",
                (p, body) -> body.path("customSku").asText().equals(p.fields().path("customSku").asText()), sent);

        List<Product> changed = products.stream().map(p -> p.toBuilder().name(p.name() + " new").modifiedAt(T.plusSeconds(60)).build()).toList();
        plannedEqualsSent(Flow.products("p2").from(new ListSource<>("erp", changed)).to(pos.items()).build(), "Item",
                (p, body) -> body.path("description").asText().equals(p.fields().path("description").asText()), sent);
    }

    /** Where a customer's mapped field travels in Lightspeed's customer body. */
    private static JsonNode customerField(JsonNode body, String field) {
        JsonNode contact = body.path("Contact");
        return switch (field) {
            case "email" -> contact.path("Emails").path("ContactEmail").path(0).path("address");
            case "phone" -> contact.path("Phones").path("ContactPhone").path(0).path("number");
            case "address1", "city", "zip", "state", "countryCode" -> contact.path("Addresses").path("ContactAddress").path(0).path(field);
            default -> body.path(field);
        };
    }

    @Test
    void customersCreatedAndUpdatedAreSentAsPlanned() {
        List<Customer> customers = PersonalDataCheck.customers("erp", 4);
        plannedEqualsSent(Flow.customers("c").from(new ListSource<>("erp", customers)).to(pos.customers()).build(), "Customer",
                (p, body) -> customerField(body, "email").asText().equals(p.fields().path("email").asText()),
                DryRunEqualsWriteTest::customerField);

        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(T.plusSeconds(3600)).build())
                .toList();
        plannedEqualsSent(Flow.customers("c2").from(new ListSource<>("erp", changed)).to(pos.customers()).build(), "Customer",
                (p, body) -> customerField(body, "email").asText().equals(p.fields().path("email").asText()),
                DryRunEqualsWriteTest::customerField);
    }

    @Test
    void salesAreSentAsPlanned() {
        ObjectNode mug = sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            orders.add(Order.builder(new Ref("webshop", EntityType.ORDER, "O" + i), "WEB-" + i, T).currency("EUR")
                    .lines(List.of(OrderLine.of("MUG-1", "Mug", new BigDecimal(i), new BigDecimal("9.95"), new BigDecimal("21"))))
                    .payments(List.of(new Payment("Credit Card", new BigDecimal("9.95").multiply(new BigDecimal(i)))))
                    .totals(new OrderTotals(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("9.95").multiply(new BigDecimal(i)))).build());
        }
        plannedEqualsSent(Flow.orders("s").from(new ListSource<>("webshop", orders)).to(pos.sales()).products(pos.items()).build(), "Sale",
                (p, body) -> body.path("referenceNumber").asText().equals(p.fields().path("referenceNumber").asText()), (body, field) -> {
                    switch (field) {
                        case "lines": {
                            var out = Json.MAPPER.createArrayNode();
                            for (JsonNode l : body.path("SaleLines").path("SaleLine")) {
                                String sku = sandbox.records("Item").stream().filter(it -> it.path("itemID").asText()
                                        .equals(l.path("itemID").asText())).map(it -> it.path("customSku").asText()).findFirst().orElse("");
                                out.addObject().put("sku", sku).put("itemID", l.path("itemID").asText())
                                        .put("unitQuantity", l.path("unitQuantity").asText()).put("unitPrice", l.path("unitPrice").asText())
                                        .put("discount", l.path("discountAmount").asText("0"))
                                        .put("taxRate", new BigDecimal(l.path("tax1Rate").asText()).movePointRight(2).toPlainString());
                            }
                            return out;
                        }
                        case "payments": {
                            var out = Json.MAPPER.createArrayNode();
                            for (JsonNode pay : body.path("SalePayments").path("SalePayment")) {
                                String method = sandbox.records("PaymentType").stream().filter(t -> t.path("paymentTypeID").asText()
                                        .equals(pay.path("paymentTypeID").asText())).map(t -> t.path("name").asText()).findFirst().orElse("");
                                out.addObject().put("method", method).put("amount", pay.path("amount").asText());
                            }
                            return out;
                        }
                        case "total": {
                            // Not a field of the sale: it decides whether the payments complete it. Paid in full here.
                            BigDecimal paid = BigDecimal.ZERO;
                            for (JsonNode pay : body.path("SalePayments").path("SalePayment")) {
                                paid = paid.add(new BigDecimal(pay.path("amount").asText()));
                            }
                            return body.path("completed").asText().equals("true") ? Json.MAPPER.getNodeFactory().numberNode(paid)
                                    : Json.MAPPER.missingNode();
                        }
                        default:
                            return body.path(field);
                    }
                });
        assertThat(mug.path("itemID").asText()).isNotBlank();
    }

    @Test
    void stockIsSentAsPlanned() {
        ObjectNode mug = sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        List<StockLevel> levels = List.of(new StockLevel(new Ref("erp", EntityType.STOCK_LEVEL, "MUG-1@W"), "MUG-1", "1",
                new BigDecimal("7"), BigDecimal.ZERO, new BigDecimal("7"), T, Optional.empty()));

        plannedEqualsSent(Flow.stock("stock").from(new ListSource<>("erp", levels)).to(pos.stock()).build(), "Item/" + mug.path("itemID").asText(),
                (p, body) -> body.has("ItemShops"), (body, field) -> body.path("ItemShops").path("ItemShop").path(0).path(field));
    }
}

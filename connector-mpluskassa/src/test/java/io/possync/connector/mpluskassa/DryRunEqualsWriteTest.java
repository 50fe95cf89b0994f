package io.possync.connector.mpluskassa;

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
import io.possync.core.Flow;
import io.possync.core.PlannedWrite;
import io.possync.core.SyncEngine;
import io.possync.core.mapping.ValueMap;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.contract.PlannedWritesSent;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run shows is what the write sends, for every sink: the same records are planned with
 * {@code dryRun} and then written, and every planned field arrives in the SOAP request with the planned
 * value — also a turnover group a mapping sets, which the settings' group must not replace.
 */
class DryRunEqualsWriteTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The operation element ({@code createProduct}, {@code setStock}, …) of every request received from {@code from} on. */
    private List<Element> operations(int from) throws Exception {
        List<Element> ops = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<String> bodies = sandbox.receivedBodies();
        for (String body : bodies.subList(from, bodies.size())) {
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            Element envelopeBody = first(doc.getDocumentElement(), "Body").orElseThrow();
            for (Node n = envelopeBody.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    ops.add(e);
                }
            }
        }
        return ops;
    }

    private static Optional<Element> first(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (localName.equals(e.getLocalName())) {
                    return Optional.of(e);
                }
                Optional<Element> deeper = first(e, localName);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String localName) {
        return first(parent, localName).map(Element::getTextContent);
    }

    /** Plans {@code flow}, runs it, and checks each planned field with {@code check(plannedWrite, operation)}. */
    private <T extends CanonicalRecord> void plannedEqualsSent(Flow<T> flow, String operation, java.util.function.BiPredicate<PlannedWrite,
            Element> isFor, PlannedWritesSent.FieldCheck<Element> check) throws Exception {
        List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites().stream().filter(p -> p.entityType() == flow.entityType()).toList();
        int before = sandbox.receivedBodies().size();
        engine.run(flow);
        List<Element> ops = operations(before).stream().filter(e -> e.getLocalName().equals(operation)).toList();
        PlannedWritesSent.check(planned, ops, isFor, check);
    }

    /** The planned value arrives as the element of the same name (numbers by value, prices in cents, booleans as true/false). */
    private static void sameElement(PlannedWrite p, Element op, String field, JsonNode planned) {
        Optional<String> sent = text(op, field);
        assertThat(sent).as("%s of %s", field, p.source()).isPresent();
        if (field.startsWith("price")) {
            assertThat(new BigDecimal(sent.get()).movePointLeft(2)).as("%s of %s", field, p.source())
                    .isEqualByComparingTo(planned.decimalValue());
        } else if (planned.isNumber()) {
            assertThat(new BigDecimal(sent.get())).as("%s of %s", field, p.source()).isEqualByComparingTo(planned.decimalValue());
        } else {
            assertThat(sent.get()).as("%s of %s", field, p.source()).isEqualTo(planned.asText());
        }
    }

    @Test
    void articlesCreatedAndUpdatedAreSentAsPlannedWithTheMappedTurnoverGroup() throws Exception {
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            products.add(Product.builder(new Ref("erp", EntityType.PRODUCT, "P" + i), String.valueOf(100000 + i), T).name("Article " + i)
                    .ean("871234567890" + i).taxClass(i % 2 == 0 ? "low" : "high").price(new Price(new BigDecimal("9.95"), "EUR", true))
                    .attributes(Map.of("colour", "Blue", "size", "M")).build());
        }
        java.util.function.UnaryOperator<io.possync.core.mapping.Mapping> mapping = m -> m
                .withValueMap(ValueMap.builder("groups").row("high", "20").row("low", "21").build())
                .override("turnoverGroup", "$valueMap('groups', taxClass)").override("colour", "attributes.colour");
        plannedEqualsSent(Flow.products("a").from(new ListSource<>("erp", products)).to(mplus.articles()).mapping(mapping).build(),
                "createProduct", (p, op) -> text(op, "extArticleId").orElse("").equals(p.fields().path("articleNumber").asText()),
                DryRunEqualsWriteTest::sameElement);

        List<Product> changed = products.stream().map(p -> p.toBuilder().name(p.name() + " new").modifiedAt(T.plusSeconds(60)).build())
                .toList();
        plannedEqualsSent(Flow.products("a2").from(new ListSource<>("erp", changed)).to(mplus.articles()).mapping(mapping).build(),
                "updateProduct", (p, op) -> text(op, "articleNumber").orElse("").equals(p.target().orElseThrow().id()),
                DryRunEqualsWriteTest::sameElement);
    }

    @Test
    void relationsCreatedAndUpdatedAreSentAsPlanned() throws Exception {
        List<Customer> customers = PersonalDataCheck.customers("shop", 4);
        plannedEqualsSent(Flow.customers("r").from(new ListSource<>("shop", customers)).to(mplus.relations()).build(), "createRelation",
                (p, op) -> text(op, "extRelationId").orElse("").equals(p.source().id()), DryRunEqualsWriteTest::sameElement);

        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(T.plusSeconds(3600)).build())
                .toList();
        plannedEqualsSent(Flow.customers("r2").from(new ListSource<>("shop", changed)).to(mplus.relations()).build(), "updateRelation",
                (p, op) -> text(op, "extRelationId").orElse("").equals(p.source().id()), DryRunEqualsWriteTest::sameElement);
    }

    private static List<Element> children(Element parent, String list) {
        List<Element> out = new ArrayList<>();
        Element l = first(parent, list).orElseThrow();
        for (Node n = l.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static BigDecimal cents(Element e, String name) {
        return new BigDecimal(text(e, name).orElse("0")).movePointLeft(2);
    }

    /** The document's own fields arrive as elements; its lines and payments element by element (amounts in cents). */
    private static void documentField(PlannedWrite p, Element op, String field, JsonNode planned) {
        if (field.equals("lines")) {
            List<Element> lines = children(op, "lineList");
            assertThat(lines).as("lines of %s", p.source()).hasSize(planned.size());
            for (int i = 0; i < lines.size(); i++) {
                Element line = lines.get(i);
                JsonNode want = planned.get(i);
                assertThat(text(line, "articleNumber").orElse("")).isEqualTo(want.path("articleNumber").asText());
                assertThat(text(line, "text").orElse("")).isEqualTo(want.path("text").asText());
                assertThat(new BigDecimal(text(line, "quantity").orElseThrow()).movePointLeft(Integer.parseInt(text(line, "decimalPlaces")
                        .orElse("0")))).isEqualByComparingTo(want.path("quantity").decimalValue());
                assertThat(text(line, "price").isPresent() ? cents(line, "price") : cents(line, "priceExcl"))
                        .isEqualByComparingTo(want.path("price").decimalValue());
                assertThat(text(line, "discountAmount").isPresent() ? cents(line, "discountAmount") : cents(line, "discountAmountExcl"))
                        .isEqualByComparingTo(want.path("discount").decimalValue());
            }
        } else if (field.equals("payments")) {
            List<Element> payments = children(op, "paymentList");
            assertThat(payments).as("payments of %s", p.source()).hasSize(planned.size());
            for (int i = 0; i < payments.size(); i++) {
                assertThat(text(payments.get(i), "method").orElse("")).isEqualTo(planned.get(i).path("method").asText());
                assertThat(cents(payments.get(i), "amount")).isEqualByComparingTo(planned.get(i).path("amount").decimalValue());
            }
        } else if (field.equals("relationNumber") && planned.asText().equals("0")) {
            assertThat(text(op, "relationNumber")).as("an anonymous %s has no relation", p.source()).isEmpty();
        } else {
            sameElement(p, op, field, planned);
        }
    }

    private List<Order> orders(String system) {
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            orders.add(Order.builder(new Ref(system, EntityType.ORDER, "O" + i), system + "-" + i, T).currency("EUR").pricesIncludeTax(true)
                    .lines(List.of(OrderLine.of("100001", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                    .payments(List.of(new Payment("CASH", new BigDecimal("19.95"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        return orders;
    }

    @Test
    void ordersInvoicesAndOffersAreSentAsPlanned() throws Exception {
        sandbox.seedArticle(100001, "T-shirt", 1995);
        plannedEqualsSent(Flow.orders("o").from(new ListSource<>("web", orders("web"))).to(mplus.orders()).products(mplus.articles())
                .defaultDebtor("0").mapping(m -> m.withValueMap(ValueMap.builder("methods").row("CASH", "CONTANT").build())
                        .override("payments", "[payments.{'method': $valueMap('methods', method), 'amount': amount}]")).build(), "createOrder",
                (p, op) -> text(op, "extOrderId").orElse("").equals(p.fields().path("extOrderId").asText()),
                DryRunEqualsWriteTest::documentField);
        plannedEqualsSent(Flow.orders("i").from(new ListSource<>("erp", orders("erp"))).to(mplus.invoices()).products(mplus.articles())
                .defaultDebtor("0").build(), "saveInvoice",
                (p, op) -> text(op, "extInvoiceId").orElse("").equals(p.fields().path("extInvoiceId").asText()),
                DryRunEqualsWriteTest::documentField);
        plannedEqualsSent(Flow.orders("q").from(new ListSource<>("crm", orders("crm"))).to(mplus.proposals()).products(mplus.articles())
                .defaultDebtor("0").build(), "saveProposal",
                (p, op) -> text(op, "extProposalId").orElse("").equals(p.fields().path("extProposalId").asText()),
                DryRunEqualsWriteTest::documentField);
    }

    @Test
    void stockIsSentAsPlanned() throws Exception {
        sandbox.seedArticle(100001, "T-shirt", 1995);
        sandbox.seedArticle(100002, "Mug", 995);
        List<StockLevel> levels = List.of(
                new StockLevel(new Ref("erp", EntityType.STOCK_LEVEL, "100001@W"), "100001", "W", new BigDecimal("7"), BigDecimal.ZERO,
                        new BigDecimal("7"), T, Optional.empty()),
                new StockLevel(new Ref("erp", EntityType.STOCK_LEVEL, "100002@W"), "100002", "W", new BigDecimal("2.5"), BigDecimal.ZERO,
                        new BigDecimal("2.5"), T, Optional.empty()));

        plannedEqualsSent(Flow.stock("s").from(new ListSource<>("erp", levels)).to(mplus.stock()).build(), "setStock",
                (p, op) -> text(op, "articleNumber").orElse("").equals(p.target().orElseThrow().id()), (p, op, field, planned) -> {
                    assertThat(field).isEqualTo("amount");
                    BigDecimal sent = new BigDecimal(text(op, "amount").orElseThrow())
                            .movePointLeft(Integer.parseInt(text(op, "decimalPlaces").orElse("0")));
                    assertThat(sent).as("stock of %s", p.source()).isEqualByComparingTo(planned.decimalValue());
                });
    }
}

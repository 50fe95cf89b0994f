package io.possync.connector.winstore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order body the connector posts is the public client's, element for element. */
class OrderBodyTest {

    private final WinstoreSandbox sandbox = WinstoreSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The client docs' example order, as a canonical order. */
    static Order docsExample(String number, BigDecimal discount) {
        Customer pieter = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "C1"), Instant.parse("2026-03-26T13:00:00Z"))
                .email("RealMail@RealMailServer.COM").contactPerson(new ContactPerson(java.util.Optional.of("Pieter"), java.util.Optional.of("Demo")))
                .build();
        Address address = new Address(java.util.Optional.of("Teststraat"), java.util.Optional.of("33"), java.util.Optional.empty(),
                java.util.Optional.of("1234 AZ"), java.util.Optional.of("Eindhoven"), java.util.Optional.empty(), "NL");
        return Order.builder(new Ref("erp", EntityType.ORDER, number), number, Instant.parse("2026-03-26T13:00:00Z"))
                .customer(pieter).billingAddress(address).currency("EUR").pricesIncludeTax(true)
                .lines(List.of(new OrderLine("1001", java.util.Optional.of("999999999999"), "Runner shoe", BigDecimal.ONE,
                        new BigDecimal("9.99"), new BigDecimal("21"), discount)))
                .totals(new OrderTotals(new BigDecimal("8.26"), new BigDecimal("1.73"), new BigDecimal("9.99")))
                .build();
    }

    private Winstore winstore() {
        return Sandbox.connect(Sandbox.settings(sandbox).branch(1).channel("Eindhoven").build());
    }

    private String posted(Winstore winstore, Order order, Mapping mapping) {
        sandbox.recordWrites();
        winstore.orders().create(mapped(order, mapping));
        ReceivedWrite write = sandbox.receivedWrites().get(sandbox.receivedWrites().size() - 1);
        return write.body();
    }

    /** The order as the engine hands it to the sink: mapped, with its (empty) links. */
    static MappedRecord<Order> mapped(Order order, Mapping mapping) {
        ObjectNode json = Json.MAPPER.valueToTree(order);
        json.putObject("links").putObject("products");
        return new MappedRecord<>(order, CompiledMapping.compile(mapping).apply(json, order.sourceRef(), false));
    }

    @Test
    void theDocsExampleIsPostedExactlyAsTheClientWritesIt() throws IOException {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "999999999999", "description", "Runner shoe"));
        Winstore winstore = winstore();
        Mapping mapping = Mapping.of(winstore.orders().defaultMapping()).override("changeSavingPoints", "'+10'");

        String body = posted(winstore, docsExample("Test-001", new BigDecimal("8")), mapping);

        String sample = Files.readString(Path.of("../vendor-specs/winstore/samples/order-request.xml"));
        assertThat(body.replace("\n", "")).isEqualTo(sample.strip().replace("\n", ""));
    }

    @Test
    void aZeroReductionAndUnsetSavingPointsAreLeftOutAndUnsetValuesAreEmptyElements() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "999999999999", "description", "Runner shoe"));
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).build());
        Order order = docsExample("Test-002", BigDecimal.ZERO).toBuilder().customer(null).billingAddress(null).build();

        String body = posted(winstore, order, Mapping.of(winstore.orders().defaultMapping()));

        assertThat(body).doesNotContain("reduction").doesNotContain("changeSavingPoints")
                .contains("<customerid>999999</customerid><email/><branch/><channel/>")
                .contains("<invoice_add><fname/><lname/><street/><streetnr/><zip/><country/><countryISO/></invoice_add>");
    }

    @Test
    void valuesAreEscapedByARealXmlWriter() {
        sandbox.seedArticle(Map.of("artnr", "1001", "gtin", "999999999999", "description", "Runner shoe"));
        Winstore winstore = Sandbox.connect(Sandbox.settings(sandbox).channel("Shop's & <Co>").build());

        String body = posted(winstore, docsExample("Test-003", BigDecimal.ZERO), Mapping.of(winstore.orders().defaultMapping()));

        assertThat(body).contains("<channel>Shop's &amp; &lt;Co&gt;</channel>");
        assertThat(sandbox.orders()).singleElement().satisfies(o -> assertThat(o.get("channel")).isEqualTo("Shop's & <Co>"));
    }
}

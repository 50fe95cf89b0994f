package io.possync.connector.businesscentral;

import io.possync.testkit.shop.ListSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.Address;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.Shipping;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tax codes per country and VAT rate, and shipping on the country's revenue account. */
class BookkeepingTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Order order(String id, String country, String shippingMethod) {
        Order.Builder b = Order.builder(new Ref("pos", EntityType.ORDER, id), "WEB-" + id, Instant.parse("2026-11-01T10:00:00Z"))
                .currency("EUR")
                .lines(List.of(OrderLine.of("TEE", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21")),
                        OrderLine.of("BOOK", "Book", BigDecimal.ONE, new BigDecimal("12.50"), new BigDecimal("9"))))
                .totals(new OrderTotals(new BigDecimal("28.00"), new BigDecimal("4.45"), new BigDecimal("32.45")));
        if (country != null) {
            b.billingAddress(Address.builder().city("x").country(country).build());
        }
        if (shippingMethod != null) {
            b.shipping(new Shipping(shippingMethod, new BigDecimal("4.95")));
        }
        return b.build();
    }

    private List<JsonNode> linesOf(String number) {
        return sandbox.rows("salesInvoices").stream().filter(i -> i.path("externalDocumentNumber").asText().equals(number))
                .findFirst().orElseThrow().path("_lines").findParents("lineType");
    }

    @Test
    void linesGetTheTaxCodeOfTheirCountryAndRateAndShippingGoesToTheCountrysAccount() {
        for (String sku : new String[] {"TEE", "BOOK"}) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", sku).put("type", "Inventory"));
        }
        sandbox.seed("customers", Json.MAPPER.createObjectNode().put("number", "WEB").put("displayName", "Web shop"));
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox)
                .taxCode("NL", new BigDecimal("21"), "HOOG").taxCode("NL", new BigDecimal("9.0"), "LAAG")
                .taxCode("DE", new BigDecimal("21"), "EU-HOOG").taxCode("DE", new BigDecimal("9"), "EU-LAAG")
                .shippingAccount("NL", "8400").shippingAccount("*", "8410").build());
        List<Order> orders = List.of(order("1", "NL", "postnl"), order("2", "DE", "dhl"), order("3", null, null));

        SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.orders("web").from(new ListSource<>("pos", orders))
                .to(bc.salesInvoices()).defaultDebtor("WEB").build());

        List<JsonNode> nl = linesOf("WEB-1");
        assertThat(nl).extracting(l -> l.path("taxCode").asText()).containsExactly("HOOG", "LAAG", "");
        assertThat(nl.get(2).path("lineType").asText()).isEqualTo("Account");
        assertThat(nl.get(2).path("lineObjectNumber").asText()).isEqualTo("8400");
        assertThat(nl.get(2).path("unitPrice").decimalValue()).isEqualByComparingTo("4.95");
        List<JsonNode> de = linesOf("WEB-2");
        assertThat(de).extracting(l -> l.path("taxCode").asText()).containsExactly("EU-HOOG", "EU-LAAG", "");
        assertThat(de.get(2).path("lineObjectNumber").asText()).isEqualTo("8410");
        assertThat(linesOf("WEB-3")).as("home country, no shipping").hasSize(2)
                .extracting(l -> l.path("taxCode").asText()).containsExactly("HOOG", "LAAG");
    }

    @Test
    void codesWithQuotesAreWrittenAsTheyAre() {
        BusinessCentral bc = BusinessCentral.connect(io.possync.connector.businesscentral.BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("t", "e", "c", io.possync.api.http.Secret.of("s")),
                "x")
                .taxCode("NL", new BigDecimal("21"), "H'21\"").shippingAccount("NL", "84'00\\").build());
        Order o = order("1", "NL", "postnl");
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(o);
        json.putObject("links").put("customerId", "WEB").putObject("products");

        JsonNode lines = io.possync.core.mapping.internal.CompiledMapping.compile(io.possync.core.mapping.Mapping.of(
                bc.salesInvoices().defaultMapping())).apply(json, o.sourceRef(), false).path("salesInvoiceLines");

        assertThat(lines.findValuesAsText("taxCode")).contains("H'21\"");
        assertThat(lines.findValuesAsText("lineObjectNumber")).contains("84'00\\");
    }
}

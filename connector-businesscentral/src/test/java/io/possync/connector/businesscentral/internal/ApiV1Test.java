package io.possync.connector.businesscentral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.ApiVersion;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * API v1.0 on the wire: the reference's v1.0 samples read into the canonical model, and every body
 * the default mappings produce, converted for v1.0, names only properties of Microsoft's v1.0 OpenAPI
 * contract ({@code specs/BCOAS1.0.yaml}).
 */
class ApiV1Test {

    private static final Path SPECS = Path.of("..", "vendor-specs", "businesscentral");
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private static final ApiV1.IdResolver IDS = (set, number) -> set + "-id-of-" + number;

    /** Entity type → its properties, from the OpenAPI file's component schemas. */
    private static Map<String, List<String>> v1Schemas() throws Exception {
        List<String> lines = Files.readAllLines(SPECS.resolve("specs/BCOAS1.0.yaml")).stream().map(l -> l.replace("\r", "")).toList();
        Map<String, List<String>> out = new HashMap<>();
        Pattern name = Pattern.compile("^  ([A-Za-z][\\w-]*):$");
        Pattern prop = Pattern.compile("^    (\\w+):$");
        for (int i = 0; i + 2 < lines.size(); i++) {
            Matcher m = name.matcher(lines.get(i));
            if (m.matches() && lines.get(i + 1).trim().equals("type: object") && lines.get(i + 2).trim().equals("properties:")) {
                List<String> props = new ArrayList<>();
                int j = i + 3;
                for (; j < lines.size() && !lines.get(j).matches("^ {0,2}\\S.*"); j++) {
                    Matcher p = prop.matcher(lines.get(j));
                    if (p.matches()) {
                        props.add(p.group(1));
                    }
                }
                out.putIfAbsent(m.group(1), props);
                i = j - 1;
            }
        }
        return out;
    }

    private static BusinessCentral connector() {
        return BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("t", "e", "c", Secret.of("s")),
                "x")
                .apiVersion(ApiVersion.V1_0).shippingAccount("*", "8400").build());
    }

    private static ObjectNode map(MappingDefaults defaults, Object record) {
        ObjectNode input = Json.MAPPER.valueToTree(record);
        input.putObject("links").put("customerId", "f2a5738a-44e3-ea11-bb43-000d3a2feca1").putObject("products");
        return CompiledMapping.compile(Mapping.of(defaults)).apply(input,
                new Ref("pos", EntityType.ORDER, "1"), false);
    }

    private static void assertKnown(Map<String, List<String>> schemas, String type, JsonNode body) {
        body.fieldNames().forEachRemaining(f -> assertThat(schemas.get(type)).as("v1.0 " + type + " has property " + f).contains(f));
    }

    private static Customer customer() {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, "1"), T).kind(CustomerKind.COMPANY)
                .companyName("Bakkerij Jansen").contactPerson(ContactPerson.of("Piet", "Jansen")).email("piet@example.com")
                .phone("+31 30 123").vatNumber("NL001")
                .billingAddress(Address.builder().street("Oudegracht").houseNumber("1").postalCode("3511 AA").city("Utrecht")
                        .region("UT").country("NL").build()).build();
    }

    @Test
    void theV1CustomerSampleReadsWithItsComplexAddress() throws Exception {
        JsonNode sample = Json.MAPPER.readTree(SPECS.resolve("samples/customer_v1.0_complex_address.response.json").toFile());

        Customer c = BusinessCentralConverters.customer(ApiV1.in("customers", sample));

        assertThat(c.companyName()).contains("Coho Winery");
        Address a = c.billingAddress().orElseThrow();
        assertThat(a.street()).contains("192 Market Square");
        assertThat(a.city()).contains("Atlanta");
        assertThat(a.postalCode()).contains("31772");
        assertThat(a.country()).isEqualTo("US");
    }

    @Test
    void theV1ItemSampleReadsItsComplexBaseUnitOfMeasureAsACode() throws Exception {
        JsonNode sample = Json.MAPPER.readTree(SPECS.resolve("samples/item_v1.0_complex_baseUnitOfMeasure.response.json").toFile());

        JsonNode v2 = ApiV1.in("items", sample);

        assertThat(v2.path("baseUnitOfMeasureCode").asText()).isEqualTo("PCS");
        assertThat(BusinessCentralConverters.item(v2, "EUR").sku()).isEqualTo("1896-S");
    }

    @Test
    void customerBodiesCarryTheComplexAddressAndOnlyV1Properties() throws Exception {
        JsonNode body = ApiV1.out("customers", map(connector().customers().defaultMapping(), customer()), IDS);

        assertKnown(v1Schemas(), "customer", body);
        assertThat(body.path("address").path("street").asText()).isEqualTo("Oudegracht 1");
        assertThat(body.path("address").path("countryLetterCode").asText()).isEqualTo("NL");
        assertKnown(v1Schemas(), "postaladdresstype", body.path("address"));
    }

    @Test
    void itemBodiesNameOnlyV1ItemProperties() throws Exception {
        Product tee = Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE-M", T).name("Tee").ean("8712345678906")
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();

        assertKnown(v1Schemas(), "item", ApiV1.out("items", map(connector().items().defaultMapping(), tee), IDS));
    }

    @Test
    void invoiceBodiesNameTheirLinesItemsAndAccountsById() throws Exception {
        Order order = Order.builder(new Ref("pos", EntityType.ORDER, "1"), "1042", T).currency("EUR").customer(customer())
                .lines(List.of(OrderLine.of("TEE-M", "Tee", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                .shipping(new io.possync.api.Shipping("postnl", new BigDecimal("4.95")))
                .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build();
        Map<String, List<String>> schemas = v1Schemas();

        JsonNode body = ApiV1.out("salesInvoices", map(connector().salesInvoices().defaultMapping(), order), IDS);

        assertKnown(schemas, "salesInvoice", body);
        JsonNode lines = body.get("salesInvoiceLines");
        assertThat(lines).hasSize(2);
        lines.forEach(line -> assertKnown(schemas, "salesInvoiceLine", line));
        assertThat(lines.get(0).path("itemId").asText()).isEqualTo("items-id-of-TEE-M");
        assertThat(lines.get(1).path("accountId").asText()).isEqualTo("accounts-id-of-8400");
    }

    @Test
    void inFiltersBecomeOrChainsKeepingQuotedCommasAndQuotes() {
        assertThat(ApiV1.filter("email in ('a@x.nl','b, c''s@x.nl') and blocked eq false"))
                .isEqualTo("(email eq 'a@x.nl' or email eq 'b, c''s@x.nl') and blocked eq false");
        assertThat(ApiV1.filter("id in (1f0a,2b0c)")).isEqualTo("(id eq 1f0a or id eq 2b0c)");
        assertThat(ApiV1.filter("number eq 'in (x)'")).isEqualTo("number eq 'in (x)'");
    }
}

package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.MappingDefaults;
import io.possync.api.Money;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every request body the default mappings produce names only properties the real $metadata has. */
class MetadataContractTest {

    private static final Path EDMX = Path.of("..", "vendor-specs", "businesscentral", "specs",
            "bc_api_v2.0_metadata.edmx.xml");
    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

    private static Map<String, Set<String>> properties() throws Exception {
        String xml = Files.readString(EDMX);
        Map<String, Set<String>> out = new HashMap<>();
        Matcher type = Pattern.compile("<EntityType Name=\"(\\w+)\">(.*?)</EntityType>", Pattern.DOTALL).matcher(xml);
        while (type.find()) {
            Set<String> names = new HashSet<>();
            Matcher p = Pattern.compile("<(?:Navigation)?Property Name=\"(\\w+)\"").matcher(type.group(2));
            while (p.find()) {
                names.add(p.group(1));
            }
            out.put(type.group(1), names);
        }
        return out;
    }

    private static BusinessCentral connector() {
        return BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("t", "e", "c", Secret.of("s")),
                "x")
                .taxCode("NL", new BigDecimal("21"), "HOOG").shippingAccount("*", "8400").build());
    }

    private static ObjectNode map(MappingDefaults defaults, Object record) {
        ObjectNode input = Json.MAPPER.valueToTree(record);
        input.putObject("links").put("customerId", "f2a5738a-44e3-ea11-bb43-000d3a2feca1").putObject("products");
        return CompiledMapping.compile(Mapping.of(defaults)).apply(input,
                new Ref("pos", EntityType.ORDER, "1"), false);
    }

    private static void assertKnown(Map<String, Set<String>> edmx, String entityType, ObjectNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            assertThat(edmx.get(entityType)).as(entityType + " has property " + field).contains(field);
        }
    }

    private static Customer customer() {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, "1"), T).kind(CustomerKind.COMPANY)
                .companyName("Bakkerij Jansen").contactPerson(ContactPerson.of("Piet", "Jansen")).email("piet@example.com")
                .phone("+31 30 123").vatNumber("NL001").language("nl")
                .billingAddress(Address.builder().street("Oudegracht").houseNumber("1").postalCode("3511 AA").city("Utrecht")
                        .region("UT").country("NL").build()).build();
    }

    private static Product product() {
        return Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE-M", T).name("Tee").ean("8712345678906")
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).cost(Money.of("7.10", "EUR"))
                .categories(List.of(io.possync.api.CategoryPath.of("Men", "Shirts"))).build();
    }

    private static Order order() {
        return Order.builder(new Ref("pos", EntityType.ORDER, "1"), "1042", T).currency("EUR").customer(customer())
                .lines(List.of(OrderLine.of("TEE-M", "Tee", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                .shipping(new io.possync.api.Shipping("postnl", new BigDecimal("4.95")))
                .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build();
    }

    @Test
    void customerBodiesNameOnlyCustomerProperties() throws Exception {
        ObjectNode body = map(connector().customers().defaultMapping(), customer());

        assertThat(body.size()).isGreaterThanOrEqualTo(9);
        assertKnown(properties(), "customer", body);
    }

    @Test
    void itemBodiesNameOnlyItemProperties() throws Exception {
        assertKnown(properties(), "item", map(connector().items().defaultMapping(), product()));
    }

    @Test
    void salesInvoiceBodiesAndTheirLinesNameOnlyTheirProperties() throws Exception {
        ObjectNode body = map(connector().salesInvoices().defaultMapping(), order());
        Map<String, Set<String>> edmx = properties();

        assertKnown(edmx, "salesInvoice", body);
        assertThat(body.get("salesInvoiceLines")).as("an item line and a shipping line").hasSize(2);
        assertThat(body.get("salesInvoiceLines").get(0).path("taxCode").asText()).isEqualTo("HOOG");
        for (JsonNode line : body.get("salesInvoiceLines")) {
            assertThat(line.has("sequence")).as("deep insert omits sequence").isFalse();
            assertKnown(edmx, "salesInvoiceLine", (ObjectNode) line);
        }
        assertThat(body.has("pricesIncludeTax")).as("read-only on invoices").isFalse();
    }

    @Test
    void salesOrderBodiesAndTheirLinesNameOnlyTheirProperties() throws Exception {
        ObjectNode body = map(connector().salesOrders().defaultMapping(), order());
        Map<String, Set<String>> edmx = properties();

        assertKnown(edmx, "salesOrder", body);
        for (JsonNode line : body.get("salesOrderLines")) {
            assertKnown(edmx, "salesOrderLine", (ObjectNode) line);
        }
    }

    @Test
    void stockBodiesNameOnlyItemProperties() throws Exception {
        ObjectNode input = Json.MAPPER.valueToTree(StockLevel.of("bc", "TEE-M", "ALL", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, T));
        input.put("quantity", 9);
        ObjectNode body = CompiledMapping.compile(Mapping.of(connector().stock().defaultMapping()))
                .apply(input, new Ref("pos", EntityType.STOCK_LEVEL, "x"), true);

        assertKnown(properties(), "item", body);
    }

    @Test
    void theBundledMaxLengthsAreTheMetadatas() throws Exception {
        String xml = Files.readString(EDMX);
        Properties bundled = new Properties();
        bundled.load(getClass().getResourceAsStream("/io/possync/connector/businesscentral/max-lengths.properties"));

        assertThat(bundled).isNotEmpty();
        for (String key : bundled.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            Matcher type = Pattern.compile("<EntityType Name=\"" + parts[0] + "\">(.*?)</EntityType>", Pattern.DOTALL).matcher(xml);
            assertThat(type.find()).as(parts[0]).isTrue();
            Matcher prop = Pattern.compile("<Property Name=\"" + parts[1] + "\" [^>]*MaxLength=\"(\\d+)\"").matcher(type.group(1));
            assertThat(prop.find()).as(key).isTrue();
            assertThat(prop.group(1)).as(key).isEqualTo(bundled.getProperty(key));
        }
    }
}

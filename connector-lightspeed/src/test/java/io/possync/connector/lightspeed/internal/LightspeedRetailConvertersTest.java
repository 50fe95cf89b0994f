package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CategoryPath;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.Payment;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.StockLevel;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Realistic R-Series payloads (src/test/resources/samples) into the canonical model, field by field. */
class LightspeedRetailConvertersTest {

    private final LightspeedRetailConverters converters = new LightspeedRetailConverters(LightspeedRetailSettings
            .builder("client", Secret.of("secret"), Secret.of("refresh")).currency("EUR").customFields().build());

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = LightspeedRetailConvertersTest.class.getResourceAsStream("/samples/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aSimpleItemWithPricesCategoryAndImage() throws IOException {
        Product p = converters.item(sample("item-simple.json").path("Item"));

        assertThat(p.sourceRef().id()).isEqualTo("1042");
        assertThat(p.sourceRef().system()).isEqualTo("lightspeed");
        assertThat(p.sku()).isEqualTo("MUG-350");
        assertThat(p.ean()).contains("8712345678906");
        assertThat(p.name()).isEqualTo("Stoneware mug, 350 ml");
        assertThat(p.type()).isEqualTo(ProductType.SIMPLE);
        assertThat(p.price()).hasValueSatisfying(price -> {
            assertThat(price.amount()).isEqualByComparingTo("12.95");
            assertThat(price.currency()).isEqualTo("EUR");
            assertThat(price.includesTax()).isFalse();
        });
        assertThat(p.cost()).hasValueSatisfying(c -> assertThat(c.amount()).isEqualByComparingTo("4.1"));
        assertThat(p.categories()).containsExactly(CategoryPath.of("Kitchen", "Mugs"));
        assertThat(p.imageUrls()).containsExactly("https://images.example.com/lightspeed/abc123/mug");
        assertThat(p.published()).isTrue();
        assertThat(p.parentSku()).isEmpty();
        assertThat(p.modifiedAt()).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
    }

    @Test
    void theConfiguredPriceLevelIsThePrice() throws IOException {
        LightspeedRetailConverters online = new LightspeedRetailConverters(LightspeedRetailSettings
                .builder("client", Secret.of("secret"), Secret.of("refresh")).priceLevel("Online").build());

        Product p = online.item(sample("item-simple.json").path("Item"));

        assertThat(p.price()).hasValueSatisfying(price -> assertThat(price.amount()).isEqualByComparingTo("10.5"));
    }

    @Test
    void aMatrixItemIsAVariantWithNamedAttributesAndASinglePriceObject() throws IOException {
        Product p = converters.item(sample("item-variant.json").path("Item"));

        assertThat(p.type()).isEqualTo(ProductType.VARIANT);
        assertThat(p.sku()).isEqualTo("TEE-NAVY-M");
        assertThat(p.parentSku()).contains("matrix-88");
        assertThat(p.attributes()).containsExactly(entry("color", "Navy"), entry("size", "M"));
        assertThat(p.price()).hasValueSatisfying(price -> assertThat(price.amount()).isEqualByComparingTo("29"));
        assertThat(p.ean()).as("a 12-digit UPC becomes an EAN-13").contains("0012345678905");
        assertThat(p.categories()).isEmpty();
    }

    @Test
    void anItemMatrixIsAConfigurableProductWithItsAxes() throws IOException {
        Product p = converters.matrix(sample("item-matrix.json").path("ItemMatrix"));

        assertThat(p.type()).isEqualTo(ProductType.CONFIGURABLE);
        assertThat(p.sku()).isEqualTo("matrix-88");
        assertThat(p.name()).isEqualTo("Organic T-shirt");
        assertThat(p.attributes()).containsOnlyKeys("color", "size");
        assertThat(p.price()).hasValueSatisfying(price -> assertThat(price.amount()).isEqualByComparingTo("29"));
    }

    @Test
    void aCustomerWithACompanyIsACompanyWithItsContactPerson() throws IOException {
        Customer c = converters.customer(sample("customer-company.json").path("Customer"));

        assertThat(c.sourceRef().id()).isEqualTo("311");
        assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(c.companyName()).contains("Bakkerij Jansen B.V.");
        assertThat(c.contactPerson()).contains(ContactPerson.of("Piet", "Jansen"));
        assertThat(c.email()).as("the primary address, not the first").contains("piet@bakkerij-jansen.nl");
        assertThat(c.phone()).as("mobile before work").contains("+31 6 1234 5678");
        assertThat(c.vatNumber()).contains("NL123456789B01");
        assertThat(c.billingAddress()).hasValueSatisfying(a -> {
            assertThat(a.street()).contains("Oudegracht 12");
            assertThat(a.postalCode()).contains("3511 AB");
            assertThat(a.city()).contains("Utrecht");
            assertThat(a.country()).isEqualTo("NL");
        });
        assertThat(c.modifiedAt()).isEqualTo(Instant.parse("2026-11-04T10:30:00Z"));
    }

    @Test
    void aCustomerWithoutCompanyIsAPersonAndSingleContactEntriesAreObjects() throws IOException {
        Customer c = converters.customer(sample("customer-person.json").path("Customer"));

        assertThat(c.kind()).isEqualTo(CustomerKind.PERSON);
        assertThat(c.companyName()).isEmpty();
        assertThat(c.contactPerson()).contains(ContactPerson.of("Anna", "de Vries"));
        assertThat(c.email()).contains("anna.devries@example.nl");
        assertThat(c.phone()).contains("020 555 0101");
        assertThat(c.billingAddress()).hasValueSatisfying(a -> {
            assertThat(a.street()).contains("Kerkstraat 5 bis");
            assertThat(a.country()).as("from the country's name when the code is empty").isEqualTo("NL");
        });
    }

    @Test
    void aSaleWithOneLineAsAnObject() throws IOException {
        Order o = converters.sale(sample("sale-one-line.json").path("Sale"));

        assertThat(o.number()).isEqualTo("90001");
        assertThat(o.kind()).isEqualTo(OrderKind.INVOICE);
        assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(o.createdAt()).isEqualTo(Instant.parse("2026-11-05T16:20:05Z"));
        assertThat(o.store()).contains("1");
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.customer()).isEmpty();
        assertThat(o.lines()).containsExactly(new OrderLine("MUG-350", java.util.Optional.of("8712345678906"),
                "Stoneware mug, 350 ml", dec("1"), dec("12.95"), dec("21"), dec("0")));
        assertThat(o.payments()).containsExactly(new Payment("Cash", dec("15.67")));
        assertThat(o.totals().gross()).isEqualByComparingTo("15.67");
        assertThat(o.totals().tax()).isEqualByComparingTo("2.72");
        assertThat(o.totals().net()).isEqualByComparingTo("12.95");
    }

    @Test
    void aSaleWithManyLinesPaymentsDiscountsAndACompanyCustomer() throws IOException {
        Order o = converters.sale(sample("sale-many-lines.json").path("Sale"));

        assertThat(o.lines()).hasSize(2);
        OrderLine tee = o.lines().get(0);
        assertThat(tee.sku()).isEqualTo("TEE-NAVY-M");
        assertThat(tee.quantity()).isEqualByComparingTo("2");
        assertThat(tee.unitPrice()).isEqualByComparingTo("29");
        assertThat(tee.taxRate()).isEqualByComparingTo("21");
        assertThat(tee.discount()).as("line plus transaction discount").isEqualByComparingTo("8.41");
        OrderLine book = o.lines().get(1);
        assertThat(book.sku()).as("the system SKU when the custom SKU is empty").isEqualTo("210000003001");
        assertThat(book.taxRate()).isEqualByComparingTo("9");
        assertThat(book.discount()).isEqualByComparingTo("0.29");
        assertThat(o.payments()).containsExactly(new Payment("Credit Card", dec("50")), new Payment("Gift Card", dec("30.11")));
        assertThat(o.totals().gross()).isEqualByComparingTo("80.11");
        assertThat(o.totals().net()).isEqualByComparingTo("66.20");
        assertThat(o.customer()).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
            assertThat(c.email()).contains("piet@bakkerij-jansen.nl");
        });
        assertThat(o.billingAddress()).hasValueSatisfying(a -> assertThat(a.city()).contains("Utrecht"));
        assertThat(o.store()).contains("2");
        assertThat(o.customFields()).containsEntry("referenceNumber", "WEB-7781");
    }

    @Test
    void itemShopsAreStockPerShop() throws IOException {
        List<StockLevel> levels = Lenient.list(sample("itemshop.json"), "ItemShop").stream()
                .map(LightspeedRetailConverters::itemShop).toList();

        assertThat(levels).extracting(StockLevel::sku, StockLevel::location, StockLevel::onHand, StockLevel::available)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MUG-350", "1", dec("9"), dec("9")),
                        org.assertj.core.groups.Tuple.tuple("210000003001", "2", dec("-2"), dec("-2")));
        assertThat(levels.get(0).reserved()).isEqualByComparingTo("0");
        assertThat(levels.get(0).sourceRef().id()).isEqualTo("5002");
        assertThat(levels.get(0).modifiedAt()).isEqualTo(Instant.parse("2026-11-01T17:02:00Z"));
    }

    @Test
    void numbersAndBooleansAreReadWhetherStringsOrJson() throws IOException {
        JsonNode asJson = Json.MAPPER.readTree("{\"qoh\": 7, \"archived\": true, \"amount\": 12.5}");
        JsonNode asText = Json.MAPPER.readTree("{\"qoh\": \"7\", \"archived\": \"true\", \"amount\": \"12.5\"}");

        for (JsonNode n : List.of(asJson, asText)) {
            assertThat(Lenient.decimal(n, "qoh")).isEqualByComparingTo("7");
            assertThat(Lenient.bool(n, "archived")).isTrue();
            assertThat(Lenient.decimal(n, "amount")).isEqualByComparingTo("12.5");
        }
    }
}

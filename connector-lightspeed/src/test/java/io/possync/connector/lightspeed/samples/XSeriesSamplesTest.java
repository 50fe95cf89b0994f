package io.possync.connector.lightspeed.samples;

import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.Product;
import io.possync.api.StockLevel;
import io.possync.api.http.Secret;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 200 examples of Lightspeed's X-Series API 2.0 OpenAPI document (vendor-specs/lightspeed/samples/xseries)
 * through the connector's real path: the sandbox answers each URL with the example, and the canonical
 * records are checked field by field.
 */
class XSeriesSamplesTest {

    private static final Path SAMPLES = Path.of("../vendor-specs/lightspeed/samples/xseries");
    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().start();
    private LightspeedXSeries pos;

    @BeforeEach
    void answerWithTheSpecsExamples() throws IOException {
        sandbox.answerWith("GET", "/api/2.0/customers", sample("customers_list.json"));
        sandbox.answerWith("GET", "/api/2.0/customers/[^/]+", sample("customer_single.json"));
        sandbox.answerWith("GET", "/api/2.0/products", sample("products_list.json"));
        sandbox.answerWith("GET", "/api/2.0/products/[^/]+", sample("product_single.json"));
        sandbox.answerWith("GET", "/api/2.0/products/[^/]+/inventory", sample("product_inventory.json"));
        sandbox.answerWith("GET", "/api/2.0/inventory", sample("inventory_list.json"));
        sandbox.answerWith("GET", "/api/2.0/sales", sample("sales_list.json"));
        sandbox.answerWith("GET", "/api/2.0/sales/[^/]+", sample("sale_single.json"));
        List<String> issued = sandbox.issuedRefreshTokens();
        pos = LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                Secret.of(issued.get(issued.size() - 1))).endpoints(sandbox.apiUri(), sandbox.tokenUri()).currency("NZD").build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String sample(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name));
    }

    @Test
    void theCustomerExamplesAreACompanyWithContactPersonAddressAndCodes() {
        List<Customer> listed = pos.customers().changesSince(Cursor.initial(), 100).records();
        Customer one = pos.customers().fetch("b8ca3a65-0183-11e4-fbb5-4f73f02a9d1c").orElseThrow();

        assertThat(listed).hasSize(2).first().usingRecursiveComparison().ignoringFields("raw").isEqualTo(one);
        assertThat(one.sourceRef().id()).isEqualTo("b8ca3a65-0183-11e4-fbb5-4f73f02a9d1c");
        assertThat(one.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(one.companyName()).contains("Stark Industries Inc");
        assertThat(one.contactPerson().flatMap(p -> p.firstName())).contains("Anthony");
        assertThat(one.contactPerson().flatMap(p -> p.lastName())).contains("Stark");
        assertThat(one.email()).contains("tony@stark.com");
        assertThat(one.billingAddress()).hasValueSatisfying(a -> {
            assertThat(a.city()).contains("Los Angeles");
            assertThat(a.postalCode()).contains("23422");
            assertThat(a.country()).isEqualTo("NZ");
        });
        assertThat(one.modifiedAt()).isEqualTo(Instant.parse("2017-01-19T16:49:35Z"));
    }

    @Test
    void theProductExamplesCarrySkuNamePriceAndVariantOptions() {
        List<Product> listed = pos.products().changesSince(Cursor.initial(), 100).records();
        Product bravo = pos.products().fetch("b8ca3a65-0183-11e4-fbb5-7988a6ed80f8").orElseThrow();

        assertThat(listed).extracting(Product::sku).contains("0003", "0005");
        assertThat(listed).filteredOn(p -> p.sku().equals("0003")).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Product 0003");
            assertThat(p.price()).hasValueSatisfying(price -> {
                assertThat(price.amount()).isEqualByComparingTo(new BigDecimal("3.02632"));
                assertThat(price.includesTax()).isTrue();
            });
        });
        assertThat(bravo.sku()).isEqualTo("787878");
        // A variant whose answer names no variant_parent_id: sold as itself, its options kept as attributes.
        assertThat(bravo.type()).isEqualTo(io.possync.api.ProductType.SIMPLE);
        assertThat(bravo.parentSku()).isEmpty();
        assertThat(bravo.name()).isEqualTo("Bravo / Black / Cotton / Cotton");
        assertThat(bravo.attributes()).containsEntry("color", "Black").containsEntry("fabric", "Cotton");
        assertThat(bravo.modifiedAt()).isEqualTo(Instant.parse("2017-08-21T23:50:39Z"));
    }

    @Test
    void theInventoryExampleIsStockPerOutletUnderTheProductsSku() {
        List<StockLevel> levels = pos.inventory().changesSince(Cursor.initial(), 100).records();

        assertThat(levels).hasSize(3).allSatisfy(l -> assertThat(l.sku()).isEqualTo("787878"));
        assertThat(levels).filteredOn(l -> l.sourceRef().id().equals("0b32fb5c-9cff-5d26-2b64-1593ed2a463b")).singleElement()
                .satisfies(l -> {
                    assertThat(l.location()).isEqualTo("b1e04bd8-f019-11e3-a0f5-b8ca3a64f8f4");
                    assertThat(l.onHand()).isEqualByComparingTo("-10");
                });
    }

    @Test
    void theSaleExampleKeepsTheFeeNoLineCarriesInItsTotals() {
        Order sale = pos.sales().fetch("b8ca3a65-0183-11e4-fbb5-39f7fce5e39b").orElseThrow();

        assertThat(sale.number()).isEqualTo("1036");
        assertThat(sale.kind()).isEqualTo(OrderKind.INVOICE);
        assertThat(sale.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(sale.lines()).hasSize(2).first().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("787878");
            assertThat(l.unitPrice()).isEqualByComparingTo("200");
            assertThat(l.quantity()).isEqualByComparingTo("1");
        });
        // total_price 201.5 is the lines' 200 and a 1.50 non-cash fee (adjustments); the payment is 231.50.
        assertThat(sale.totals().net()).isEqualByComparingTo("201.5");
        assertThat(sale.totals().tax()).isEqualByComparingTo("30");
        assertThat(sale.totals().gross()).isEqualByComparingTo("231.5");
        assertThat(sale.payments()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("231.5"));
        assertThat(sale.customer().flatMap(Customer::email)).contains("tony@stark.com");
        assertThat(pos.sales().changesSince(Cursor.initial(), 100).records()).extracting(Order::number).contains("1036");
    }
}

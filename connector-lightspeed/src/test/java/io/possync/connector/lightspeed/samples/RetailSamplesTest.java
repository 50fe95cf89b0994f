package io.possync.connector.lightspeed.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.Product;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed's R-Series documentation samples (vendor-specs/lightspeed/samples/rseries) through the
 * connector's real path: the sandbox answers the request with the sample as Lightspeed documented it,
 * and the canonical record is checked field by field.
 */
class RetailSamplesTest {

    private static final Path SAMPLES = Path.of("../vendor-specs/lightspeed/samples/rseries");
    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String sample(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name));
    }

    private LightspeedRetail pos() {
        List<String> issued = sandbox.issuedRefreshTokens();
        return LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                Secret.of(issued.get(issued.size() - 1))).endpoints(sandbox.apiUri(), sandbox.tokenUri()).currency("USD").build());
    }

    @Test
    void theCustomerListSampleIsACompanyWithItsContactPerson() throws IOException {
        sandbox.answerWith("GET", ".*/Customer\\.json", sample("customer_v3_doc_list.json"));

        List<Customer> customers = pos().customers().changesSince(Cursor.initial(), 100).records();

        assertThat(customers).singleElement().satisfies(c -> {
            assertThat(c.sourceRef().id()).isEqualTo("1");
            assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
            assertThat(c.companyName()).contains("Lightspeed HQ");
            assertThat(c.contactPerson().flatMap(p -> p.firstName())).contains("Alex");
            assertThat(c.contactPerson().flatMap(p -> p.lastName())).contains("Lugo");
            assertThat(c.vatNumber()).isEmpty();
            assertThat(c.email()).isEmpty();
            assertThat(c.group()).as("its customer type").contains("2");
            assertThat(c.modifiedAt()).isEqualTo(Instant.parse("2021-09-09T14:13:13Z"));
        });
    }

    @Test
    void aCustomerWithEmptyStringRelationsAndABlankAddressHasNoneOfThem() throws IOException {
        sandbox.answerWith("GET", ".*/Customer/16\\.json", sample("customer_v3_doc_update.json"));

        Customer c = pos().customers().fetch("16").orElseThrow();

        assertThat(c.companyName()).contains("LS");
        assertThat(c.vatNumber()).contains("234234234");
        assertThat(c.contactPerson().flatMap(p -> p.lastName())).contains("API5");
        assertThat(c.email()).isEmpty();
        assertThat(c.phone()).isEmpty();
        assertThat(c.billingAddress()).as("a blank address object is no address").isEmpty();
        assertThat(c.modifiedAt()).isEqualTo(Instant.parse("2021-03-22T03:25:32Z"));
    }

    @Test
    void theSaleListSampleIsACompletedInvoiceWithTheSalesTotals() throws IOException {
        sandbox.answerWith("GET", ".*/Sale\\.json", sample("sale_v3_doc_list.json"));

        List<Order> sales = pos().sales().changesSince(Cursor.initial(), 100).records();

        assertThat(sales).singleElement().satisfies(o -> {
            assertThat(o.sourceRef().id()).isEqualTo("2");
            assertThat(o.kind()).isEqualTo(OrderKind.INVOICE);
            assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(o.currency()).isEqualTo("USD");
            assertThat(o.pricesIncludeTax()).isFalse();
            assertThat(o.totals().net()).isEqualByComparingTo("280");
            assertThat(o.totals().tax()).isEqualByComparingTo("37.1");
            assertThat(o.totals().gross()).isEqualByComparingTo("317.1");
            assertThat(o.store()).contains("1");
            assertThat(o.customer()).as("customerID 0: an anonymous sale").isEmpty();
            assertThat(o.modifiedAt()).isEqualTo(Instant.parse("2021-06-06T15:19:18Z"));
        });
    }

    @Test
    void theCategoryNestedInTheItemFeeSampleIsTwoLevelsDeep() throws IOException {
        JsonNode category = Json.MAPPER.readTree(sample("category_v3_doc_nested_in_itemfee.json"))
                .path("ItemFee").path("ItemFeeCategories").path("ItemFeeCategory").path("Category");
        // An item in that category as Lightspeed answers it with load_relations ["Category", "Prices"]: one-element
        // relations are objects.
        ObjectNode items = Json.MAPPER.createObjectNode();
        items.putObject("@attributes").put("next", "").put("previous", "");
        ObjectNode item = items.putObject("Item").put("itemID", "7").put("description", "E-bike").put("customSku", "EBIKE-1")
                .put("categoryID", "844").put("timeStamp", "2024-02-21T15:27:12+00:00");
        item.putObject("Prices").putObject("ItemPrice").put("amount", "1999").put("useType", "Default");
        item.set("Category", category);
        sandbox.answerWith("GET", ".*/Item\\.json", items.toString());

        var page = pos().items().changesSince(Cursor.initial(), 100);
        List<Product> products = page.records();

        assertThat(page.unreadable()).isEmpty();
        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.categories()).singleElement().satisfies(c -> assertThat(c.segments()).containsExactly("Bikes", "Electric"));
            assertThat(p.price()).hasValueSatisfying(price -> assertThat(price.amount()).isEqualByComparingTo(new BigDecimal("1999")));
        });
    }

    @Test
    void anOlderOffsetPagedAnswerIsReadOnByOffsetToTheEnd() {
        sandbox.answerWith("GET", ".*/Customer\\.json\\?.*", offsetPage(0, "1", "2"));
        sandbox.answerWith("GET", ".*/Customer\\.json\\?(.*&)?offset=2(&.*)?", offsetPage(2, "3"));
        LightspeedRetail pos = pos();

        var first = pos.customers().changesSince(Cursor.initial(), 2);
        var second = pos.customers().changesSince(first.next(), 2);

        assertThat(first.records()).extracting(c -> c.sourceRef().id()).containsExactly("1", "2");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.records()).extracting(c -> c.sourceRef().id()).containsExactly("3");
        assertThat(second.hasMore()).isFalse();
    }

    /** An answer as older R-Series versions paged: count, offset and limit, no next link. */
    private static String offsetPage(int offset, String... ids) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.putObject("@attributes").put("count", "3").put("offset", String.valueOf(offset)).put("limit", "2");
        var customers = answer.putArray("Customer");
        for (String id : ids) {
            customers.addObject().put("customerID", id).put("firstName", "Customer").put("lastName", id)
                    .put("timeStamp", "2021-09-09T14:13:1" + id + "+00:00");
        }
        return answer.toString();
    }
}

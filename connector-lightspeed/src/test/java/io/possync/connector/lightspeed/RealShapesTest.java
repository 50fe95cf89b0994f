package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Product;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shapes real R-Series answers have: category levels separated by '|', attribute sets with a blank name. */
class RealShapesTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();
    private final LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aNestedCategorysPathIsSplitOnTheBar() {
        String bikes = sandbox.seed("Category", Map.of("name", "Bikes", "parentID", "0")).get("categoryID").asText();
        String electric = sandbox.seed("Category", Map.of("name", "Electric/E-bikes", "parentID", bikes)).get("categoryID").asText();
        ObjectNode item = SandboxConnectorTest.item("EBIKE-1", "E-bike").put("categoryID", electric);
        sandbox.seed("Item", item);

        List<Product> products = pos.items().changesSince(Cursor.initial(), 100).records();

        assertThat(sandbox.records("Category")).extracting(c -> c.path("fullPathName").asText()).contains("Bikes|Electric/E-bikes");
        assertThat(products).singleElement().satisfies(p -> assertThat(p.categories()).singleElement()
                .satisfies(c -> assertThat(c.segments()).containsExactly("Bikes", "Electric/E-bikes")));
    }

    @Test
    void anAttributeKeepsTheNameOfItsNumberWhenAnEarlierNameIsBlank() {
        String set = sandbox.seed("ItemAttributeSet", Map.of("name", "Sizes", "attributeName1", "", "attributeName2", "Size",
                "attributeName3", "")).get("itemAttributeSetID").asText();
        String matrix = sandbox.seed("ItemMatrix", Map.of("description", "Trail shoe", "itemAttributeSetID", set)).get("itemMatrixID").asText();
        ObjectNode shoe = SandboxConnectorTest.item("SHOE-10", "Trail shoe 10").put("itemMatrixID", matrix);
        shoe.set("ItemAttributes", Json.MAPPER.createObjectNode().put("attribute1", "").put("attribute2", "10").put("attribute3", "")
                .put("itemAttributeSetID", set));
        sandbox.seed("Item", shoe);

        List<Product> products = pos.items().changesSince(Cursor.initial(), 100).records();

        assertThat(products).filteredOn(p -> p.sku().equals("SHOE-10")).singleElement()
                .satisfies(p -> assertThat(p.attributes()).containsExactly(Map.entry("size", "10")));
        assertThat(products).filteredOn(p -> p.sku().startsWith("matrix-")).singleElement()
                .satisfies(p -> assertThat(p.attributes()).containsOnlyKeys("size"));
    }

    @Test
    void aCustomerWithoutEmailPhoneOrAddressComesWithEmptyStringListsAndABlankAddressAndReadsAsNone() {
        sandbox.seed("Customer", Map.of("firstName", "Walk", "lastName", "In"));

        io.possync.api.Customer c = pos.customers().changesSince(Cursor.initial(), 100).records().get(0);

        com.fasterxml.jackson.databind.JsonNode contact = c.raw().orElseThrow().path("Contact");
        assertThat(contact.path("Emails").isTextual()).as("Emails as Lightspeed sends an empty list: %s", contact).isTrue();
        assertThat(contact.path("Phones").asText()).isEmpty();
        assertThat(contact.path("Addresses").path("ContactAddress").path("address1").asText("missing")).isEmpty();
        assertThat(c.email()).isEmpty();
        assertThat(c.phone()).isEmpty();
        assertThat(c.billingAddress()).isEmpty();
    }

    @Test
    void theSandboxServesEveryFieldLightspeedsDocumentationShowsOnASaleAndACustomer() throws java.io.IOException {
        ObjectNode item = sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1");
        sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", item.get("itemID").asText())
                .put("unitQuantity", "1").put("unitPrice", "2.5").put("tax1Rate", "0.09");
        sandbox.seed("Sale", sale);
        sandbox.seed("Customer", Map.of("firstName", "Alex", "lastName", "Lugo"));

        com.fasterxml.jackson.databind.JsonNode servedSale = pos.sales().changesSince(Cursor.initial(), 100).records().get(0).raw().orElseThrow();
        com.fasterxml.jackson.databind.JsonNode servedCustomer = pos.customers().changesSince(Cursor.initial(), 100).records().get(0).raw()
                .orElseThrow();

        assertThat(fieldNames(servedSale)).containsAll(documented("sale_v3_doc_list.json", "Sale"));
        assertThat(fieldNames(servedCustomer)).containsAll(documented("customer_v3_doc_list.json", "Customer"));
    }

    private static java.util.Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The scalar fields of the first record of a documentation sample. */
    private static java.util.Set<String> documented(String sample, String resource) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode list = Json.MAPPER.readTree(
                java.nio.file.Path.of("../vendor-specs/lightspeed/samples/rseries", sample).toFile()).path(resource);
        com.fasterxml.jackson.databind.JsonNode first = list.isArray() ? list.get(0) : list;
        java.util.Set<String> names = new java.util.TreeSet<>();
        first.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                names.add(f.getKey());
            }
        });
        return names;
    }
}

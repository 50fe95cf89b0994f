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
}

package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.internal.Json;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One record Lightspeed sends in a shape the connector cannot convert is an unreadable record of its
 * page — naming the record, the field and the raw value's shape, never the value — while the page's
 * other records are read and the cursor moves past it; fetching it again (a retry) fails the same way.
 * Covered kinds: a number that is not one, a time stamp that is not one, a missing id, a value of the
 * wrong type. R-Series has no enumerations the connector reads strictly.
 */
class MalformedRecordTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start();
    private final LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> seedItems(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(sandbox.seed("Item", SandboxConnectorTest.item("SKU-" + i, "Item " + i)).get("itemID").asText());
        }
        return ids;
    }

    private Page<Product> items() {
        return pos.items().changesSince(Cursor.initial(), 100);
    }

    @Test
    void aCostThatIsNoNumberMakesOnlyThatItemUnreadable() {
        List<String> ids = seedItems(5);
        sandbox.modify("Item", ids.get(2), "defaultCost", "abc");

        Page<Product> page = items();

        assertThat(page.records()).extracting(Product::sku).containsExactly("SKU-1", "SKU-2", "SKU-4", "SKU-5");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(ids.get(2));
            assertThat(e.fieldPath()).contains("defaultCost");
            assertThat(e.getMessage()).contains("is not a number").contains("text of 3 characters").doesNotContain("abc");
        });
        assertThat(pos.items().changesSince(page.next(), 100).records()).as("the cursor moved past it").isEmpty();
    }

    @Test
    void anUnreadableItemFetchedAgainForItsRetryFailsTheSameWay() {
        List<String> ids = seedItems(2);
        sandbox.modify("Item", ids.get(0), "defaultCost", "abc");

        assertThatThrownBy(() -> pos.items().fetch(ids.get(0))).isInstanceOfSatisfying(RecordRejectedException.class,
                e -> assertThat(e.fieldPath()).contains("defaultCost"));
    }

    @Test
    void aValueOfTheWrongTypeMakesOnlyThatItemUnreadable() {
        List<String> ids = seedItems(3);
        sandbox.modify("Item", ids.get(1), "defaultCost", Json.MAPPER.createObjectNode().put("amount", "1"));

        Page<Product> page = items();

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("defaultCost");
            assertThat(e.getMessage()).contains("an object");
        });
    }

    @Test
    void anItemWithoutIdIsUnreadableAndNamedByItsRow() {
        List<String> ids = seedItems(3);
        sandbox.modify("Item", ids.get(0), "itemID", "");

        Page<Product> page = items();

        assertThat(page.records()).extracting(Product::sku).contains("SKU-2", "SKU-3");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).startsWith("(no itemID, row ");
            assertThat(e.fieldPath()).contains("itemID");
            assertThat(e.getMessage()).contains("itemID is missing");
        });
    }

    @Test
    void aSaleWhoseCompletionTimeIsNoTimeStampIsUnreadable() {
        ObjectNode mug = sandbox.seed("Item", SandboxConnectorTest.item("MUG-1", "Mug"));
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode sale = Json.MAPPER.createObjectNode().put("completed", "true").put("voided", "false").put("shopID", "1");
            sale.putObject("SaleLines").putArray("SaleLine").addObject().put("itemID", mug.get("itemID").asText())
                    .put("unitQuantity", "1").put("unitPrice", "9.95").put("tax1Rate", "0.21");
            sales.add(sandbox.seed("Sale", sale).get("saleID").asText());
        }
        sandbox.modify("Sale", sales.get(1), "completeTime", "gisteren");

        Page<Order> page = pos.sales().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).extracting(o -> o.sourceRef().id()).containsExactly(sales.get(0), sales.get(2));
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(sales.get(1));
            assertThat(e.fieldPath()).contains("completeTime");
            assertThat(e.getMessage()).contains("is not a time stamp").contains("text of 8 characters, letters");
        });
    }
}

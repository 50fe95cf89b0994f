package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.node.TextNode;
import io.possync.api.Customer;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.StockLevel;
import io.possync.api.internal.Json;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One row Business Central sends in a shape the connector cannot convert is an unreadable record of its
 * page — naming the record, the field and the value's shape — while the page's other rows are read;
 * fetching it again (a retry) fails the same way. Kinds: a number sent as text, a date that is none, a
 * time stamp that is none, a missing id, a value of the wrong type, an unknown enum member.
 */
class MalformedRecordTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
    private final BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<String> items(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(sandbox.seed("items", Map.of("number", "ITEM-" + i, "displayName", "Item " + i, "unitPrice", 9.95,
                    "inventory", 5))
                    .get("id").asText());
        }
        return ids;
    }

    private List<String> customers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(sandbox.seed("customers", Map.of("displayName", "Customer " + i, "type", "Person",
                    "email", "c" + i + "@example.com")).get("id").asText());
        }
        return ids;
    }

    @Test
    void aPriceSentAsTextMakesOnlyThatItemUnreadable() {
        List<String> ids = items(4);
        sandbox.modify("items", ids.get(1), "unitPrice", TextNode.valueOf("9,95"));

        Page<Product> page = bc.items().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).extracting(Product::sku).containsExactly("ITEM-1", "ITEM-3", "ITEM-4");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(ids.get(1));
            assertThat(e.fieldPath()).contains("unitPrice");
            assertThat(e.getMessage()).contains("is not a number").contains("text of 4 characters").doesNotContain("9,95");
        });
    }

    @Test
    void anUnreadableItemFetchedAgainForItsRetryFailsTheSameWay() {
        List<String> ids = items(2);
        sandbox.modify("items", ids.get(0), "unitPrice", TextNode.valueOf("abc"));

        assertThatThrownBy(() -> bc.items().fetch(ids.get(0))).isInstanceOfSatisfying(RecordRejectedException.class,
                e -> assertThat(e.fieldPath()).contains("unitPrice"));
    }

    @Test
    void anUnknownCustomerTypeMakesOnlyThatCustomerUnreadable() {
        List<String> ids = customers(3);
        sandbox.modify("customers", ids.get(2), "type", TextNode.valueOf("Robot"));

        Page<Customer> page = bc.customers().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("type");
            assertThat(e.getMessage()).contains("one of Company, Person");
        });
    }

    @Test
    void aValueOfTheWrongTypeMakesOnlyThatCustomerUnreadable() {
        List<String> ids = customers(3);
        sandbox.modify("customers", ids.get(0), "email", Json.MAPPER.createObjectNode().put("address", "x"));

        Page<Customer> page = bc.customers().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("email");
            assertThat(e.getMessage()).contains("is not text").contains("an object");
        });
    }

    @Test
    void anInvoiceDateThatIsNoneMakesOnlyThatInvoiceUnreadable() {
        sandbox.seed("customers", Map.of("number", "CASH", "displayName", "Cash sales"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(sandbox.seed("salesInvoices", Map.of("customerNumber", "CASH", "externalDocumentNumber", "WEB-" + i,
                    "invoiceDate", "2026-11-0" + i)).get("id").asText());
        }
        sandbox.modify("salesInvoices", ids.get(1), "invoiceDate", TextNode.valueOf("2nd of November"));

        Page<Order> page = bc.salesInvoices().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(ids.get(1));
            assertThat(e.fieldPath()).contains("invoiceDate");
            assertThat(e.getMessage()).contains("is not a date");
        });
    }

    @Test
    void aRowWithoutIdIsUnreadableAndNamedByItsPosition() {
        List<String> ids = customers(3);
        sandbox.modify("customers", ids.get(1), "id", TextNode.valueOf(""));

        Page<Customer> page = bc.customers().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).startsWith("(no id, row ");
            assertThat(e.getMessage()).contains("id is missing");
        });
    }

    @Test
    void aStockLevelThatIsNoNumberMakesOnlyThatItemsStockUnreadable() {
        List<String> ids = items(3);
        sandbox.modify("items", ids.get(0), "inventory", TextNode.valueOf("lots"));

        Page<StockLevel> page = bc.stock().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).extracting(StockLevel::sku).containsExactly("ITEM-2", "ITEM-3");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo("ITEM-1@ALL");
            assertThat(e.fieldPath()).contains("inventory");
        });
    }
}

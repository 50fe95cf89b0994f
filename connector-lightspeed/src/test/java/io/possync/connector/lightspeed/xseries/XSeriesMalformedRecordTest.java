package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.http.RetryPolicy;
import io.possync.api.internal.Json;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One X-Series record the connector cannot convert is an unreadable record of its page, naming the
 * record, the field and the value's shape, while the rest of the page is read. Kinds: a number that is
 * not one, a time stamp that is not one, a missing id, a value of the wrong type, an unknown status.
 */
class XSeriesMalformedRecordTest {

    private final ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
    private final XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").time(time).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private LightspeedXSeries pos() {
        return LightspeedXSeries.connect(SandboxSettings.of(sandbox).timeSource(time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20))
                        .maxElapsed(Duration.ofHours(1)).build())
                .build());
    }

    private List<String> products(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(sandbox.seed("products", Json.MAPPER.createObjectNode().put("name", "Mug " + i).put("sku", "MUG-" + i)
                    .put("active", true).put("price_excluding_tax", new BigDecimal("8.22")).putNull("variant_parent_id"))
                    .get("id").asText());
        }
        return ids;
    }

    private List<String> sales(String productId, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ObjectNode s = Json.MAPPER.createObjectNode().put("invoice_number", "INV-" + i).put("status", "CLOSED")
                    .put("sale_date", "2026-11-01T10:00:00Z").put("total_price", new BigDecimal("8.22"))
                    .put("total_tax", new BigDecimal("1.73"));
            s.putArray("line_items").addObject().put("product_id", productId).put("quantity", 1)
                    .put("unit_price", new BigDecimal("8.22")).put("unit_tax", new BigDecimal("1.73"));
            ids.add(sandbox.seed("sales", s).get("id").asText());
        }
        return ids;
    }

    @Test
    void aPriceThatIsNoNumberMakesOnlyThatProductUnreadable() {
        List<String> ids = products(4);
        sandbox.modify("products", ids.get(1), "supply_price", TextNode.valueOf("n/a"));

        Page<Product> page = pos().products().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).extracting(Product::sku).containsExactlyInAnyOrder("MUG-1", "MUG-3", "MUG-4");
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(ids.get(1));
            assertThat(e.fieldPath()).contains("supply_price");
            assertThat(e.getMessage()).contains("is not a number").doesNotContain("n/a");
        });
    }

    @Test
    void aTimeStampThatIsNoneMakesOnlyThatSaleUnreadable() {
        List<String> sales = sales(products(1).get(0), 3);
        sandbox.modify("sales", sales.get(2), "sale_date", TextNode.valueOf("1 November"));

        Page<Order> page = pos().sales().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).isEqualTo(sales.get(2));
            assertThat(e.fieldPath()).contains("sale_date");
        });
    }

    @Test
    void anUnknownSaleStatusMakesOnlyThatSaleUnreadable() {
        List<String> sales = sales(products(1).get(0), 3);
        sandbox.modify("sales", sales.get(0), "status", TextNode.valueOf("TELEPORTED"));

        Page<Order> page = pos().sales().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.fieldPath()).contains("status");
            assertThat(e.getMessage()).contains("sale status");
        });
    }

    @Test
    void aValueOfTheWrongTypeMakesOnlyThatProductUnreadable() {
        List<String> ids = products(3);
        sandbox.modify("products", ids.get(2), "supply_price", Json.MAPPER.createArrayNode().add(1));

        Page<Product> page = pos().products().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("a list of 1"));
    }

    @Test
    void aCustomerWithoutIdIsUnreadableAndNamedByItsRow() {
        for (int i = 1; i <= 3; i++) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("first_name", "Anna").put("email", "c" + i + "@example.com"));
        }
        String victim = sandbox.records("customers").get(1).get("id").asText();
        sandbox.modify("customers", victim, "id", TextNode.valueOf(""));

        var page = pos().customers().changesSince(Cursor.initial(), 100);

        assertThat(page.records()).hasSize(2);
        assertThat(page.unreadable()).singleElement().satisfies(e -> {
            assertThat(e.record().orElseThrow().id()).startsWith("(no id, row ");
            assertThat(e.getMessage()).contains("id is missing");
        });
    }
}

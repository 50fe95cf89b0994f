package io.possync.connector.lightspeed;

import io.possync.api.Customer;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Item and customer custom fields written from a mapped {@code customFields} object, by name, and read back. */
class CustomFieldsTest {

    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
    private final Instant t = Instant.parse("2026-12-01T08:00:00Z");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Product product(String sku, Map<String, String> features) {
        return Product.builder(new Ref("erp", EntityType.PRODUCT, sku), sku, t).name("Mug " + sku).features(features)
                .price(new Price(new BigDecimal("9.95"), "EUR", true)).build();
    }

    private SyncReport syncProducts(LightspeedRetail pos, String mapping, Product... products) {
        return SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("items")
                .from(new ListSource<>("erp", List.of(products))).to(pos.items()).mapping(m -> m.override("customFields", mapping)).build());
    }

    @Test
    void aProductsFeaturesBecomeItemCustomFieldsAndAreReadBackByName() {
        sandbox.customField("Item", "Origin");
        sandbox.customField("Item", "Delivery time");
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).customFields("Origin", "Delivery time").build());

        SyncReport report = syncProducts(pos, "{'Origin': features.origin, 'Delivery time': features.delivery}",
                product("MUG-1", Map.of("origin", "Portugal", "delivery", "2-3 days")), product("MUG-2", Map.of("origin", "Spain")));

        assertThat(report.rejections()).isEmpty();
        assertThat(pos.items().changesSince(Cursor.initial(), 100).records()).extracting(Product::customFields).containsExactlyInAnyOrder(
                Map.of("Origin", "Portugal", "Delivery time", "2-3 days"), Map.of("Origin", "Spain"));
        assertThat(sandbox.requestCount("GET Item/CustomField")).as("the definitions are read once per connection").isEqualTo(1);
    }

    @Test
    void anUpdateSetsTheMappedFieldAndLeavesTheItemsOtherCustomFields() {
        sandbox.customField("Item", "Origin");
        sandbox.customField("Item", "Care");
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).customFields("Origin", "Care").build());
        syncProducts(pos, "{'Origin': features.origin, 'Care': features.care}", product("MUG-1", Map.of("origin", "Portugal", "care", "Dishwasher")));

        Product moved = product("MUG-1", Map.of("origin", "Spain")).toBuilder().modifiedAt(t.plusSeconds(60)).build();
        SyncReport report = syncProducts(pos, "{'Origin': features.origin}", moved);

        assertThat(report.rejections()).isEmpty();
        assertThat(pos.items().changesSince(Cursor.initial(), 100).records()).singleElement()
                .satisfies(p -> assertThat(p.customFields()).containsEntry("Origin", "Spain").containsEntry("Care", "Dishwasher"));
    }

    @Test
    void aFieldLightspeedDoesNotDefineRejectsThatRecordOnlyNamingTheField() {
        sandbox.customField("Item", "Origin");
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());

        SyncReport report = syncProducts(pos, "features.origin ? {'Orgin': features.origin}",
                product("MUG-1", Map.of("origin", "Portugal")), product("MUG-2", Map.of()));

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("MUG-1");
            assertThat(r.fieldPath()).hasValue("customFields.Orgin");
            assertThat(r.reason()).contains("no Item custom field named 'Orgin'");
        });
        assertThat(sandbox.records("Item")).extracting(i -> i.path("customSku").asText()).containsExactly("MUG-2");
    }

    @Test
    void aCustomersCustomFieldIsWrittenByName() {
        sandbox.customField("Customer", "Loyalty tier");
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).customFields("Loyalty tier").build());
        Customer anna = Customer.builder(new Ref("erp", EntityType.CUSTOMER, "a"), t).email("anna@example.nl")
                .contactPerson(new io.possync.api.ContactPerson(java.util.Optional.of("Anna"), java.util.Optional.of("Jansen")))
                .customFields(Map.of("tier", "gold")).build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("customers")
                .from(new ListSource<>("erp", List.of(anna))).to(pos.customers())
                .mapping(m -> m.override("customFields", "{'Loyalty tier': customFields.tier}")).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(pos.customers().changesSince(Cursor.initial(), 100).records()).singleElement()
                .satisfies(c -> assertThat(c.customFields()).containsEntry("Loyalty tier", "gold"));
    }
}

package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custom fields both ways: the fields a partner's table extensions add to customers and items, which the standard API cannot
 * carry, read into {@code customFields} and written from a mapped {@code customFields} object through the custom route's pages.
 */
class ExtensionFieldsTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().customApi("contoso", "possync", "v1.0")
            .extensionField("items", "countryOfOrigin").extensionField("items", "deliveryTime").extensionField("customers", "loyaltyTier")
            .start();
    private final CustomApi route = new CustomApi("contoso", "possync", "v1.0").withItemFields("countryOfOrigin", "deliveryTime")
            .withCustomerFields("loyaltyTier");
    private final BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Product tee(String sku, Map<String, String> features) {
        return Product.builder(new Ref("pos", EntityType.PRODUCT, sku), sku, T).name("Tee " + sku).features(features)
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
    }

    private SyncReport syncProducts(List<Product> products) {
        return SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("pos-products")
                .from(new ListSource<>("pos", products)).to(bc.items())
                .mapping(m -> m.override("customFields", "{'countryOfOrigin': features.origin, 'deliveryTime': features.delivery}"))
                .build());
    }

    @Test
    void aProductsFeaturesBecomeTheItemsExtensionFieldsThroughTheCustomRoute() {
        SyncReport report = syncProducts(List.of(tee("TEE-1", Map.of("origin", "Portugal", "delivery", "2-3 days"))));

        assertThat(report.rejections()).isEmpty();
        String id = sandbox.rows("items").get(0).path("id").asText();
        assertThat(sandbox.rows("items").get(0).has("countryOfOrigin")).as("not on the standard item").isFalse();
        assertThat(sandbox.postingGroups("items", id).orElseThrow().path("countryOfOrigin").asText()).isEqualTo("Portugal");
        assertThat(sandbox.postingGroups("items", id).orElseThrow().path("deliveryTime").asText()).isEqualTo("2-3 days");
    }

    @Test
    void theItemsExtensionFieldsAreReadIntoCustomFieldsWithOneRequestMorePerPage() {
        syncProducts(List.of(tee("TEE-1", Map.of("origin", "Portugal")), tee("TEE-2", Map.of())));
        long before = sandbox.requestCount("GET itemPostingGroups");

        List<Product> read = bc.items().changesSince(Cursor.initial(), 100).records();

        assertThat(read).filteredOn(p -> p.sku().equals("TEE-1")).singleElement()
                .satisfies(p -> assertThat(p.customFields()).containsEntry("countryOfOrigin", "Portugal").doesNotContainKey("deliveryTime"));
        assertThat(read).filteredOn(p -> p.sku().equals("TEE-2")).singleElement()
                .satisfies(p -> assertThat(p.customFields()).doesNotContainKey("countryOfOrigin"));
        assertThat(sandbox.requestCount("GET itemPostingGroups") - before).isEqualTo(1);
    }

    @Test
    void aCustomersExtensionFieldIsWrittenAndReadBack() {
        Customer anna = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "a"), T).email("anna@example.nl")
                .customFields(Map.of("tier", "gold")).build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("pos-customers")
                .from(new ListSource<>("pos", List.of(anna))).to(bc.customers())
                .mapping(m -> m.override("customFields", "{'loyaltyTier': customFields.tier}")).build());

        assertThat(report.rejections()).isEmpty();
        String id = sandbox.rows("customers").get(0).path("id").asText();
        assertThat(bc.customers().fetch(id)).hasValueSatisfying(c -> assertThat(c.customFields()).containsEntry("loyaltyTier", "gold"));
    }

    @Test
    void thePriceGroupNamedAmongTheCustomerFieldsIsReadBackAsTheCustomersGroup() {
        BusinessCentral groups = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox)
                .customApi(new CustomApi("contoso", "possync", "v1.0").withCustomerFields(CustomApi.CUSTOMER_PRICE_GROUP)).build());
        Customer wholesale = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "w"), T).email("inkoop@example.nl")
                .group("Wholesale").build();
        SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("pos-customers")
                .from(new ListSource<>("pos", List.of(wholesale))).to(groups.customers())
                .mapping(m -> m.withValueMap(io.possync.core.mapping.ValueMap.builder("groups").row("Wholesale", "GROOTHANDEL").build())
                        .override(CustomApi.CUSTOMER_PRICE_GROUP, "$valueMap('groups', group)")).build());

        List<Customer> read = groups.customers().changesSince(Cursor.initial(), 100).records();

        assertThat(read).singleElement().satisfies(c -> assertThat(c.group()).contains("GROOTHANDEL"));
    }

    @Test
    void aFieldTheExtensionDoesNotHaveFailsThatRecordOnlyAndNamesTheField() {
        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("pos-products")
                .from(new ListSource<>("pos", List.of(tee("TEE-1", Map.of("origin", "Portugal")), tee("TEE-2", Map.of()))))
                .to(bc.items()).mapping(m -> m.override("customFields", "features.origin ? {'countryOfOrgin': features.origin}"))
                .build());

        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source().id()).isEqualTo("TEE-1");
            assertThat(r.reason()).contains("countryOfOrgin").contains("contoso/possync/v1.0/itemPostingGroups");
        });
        assertThat(sandbox.rows("items")).hasSize(2);
    }

    @Test
    void withoutNamedFieldsTheItemsAreReadWithoutTheCustomRoute() {
        BusinessCentral plain = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox)
                .customApi(new CustomApi("contoso", "possync", "v1.0")).pictures(false).build());
        syncProducts(List.of(tee("TEE-1", Map.of("origin", "Portugal"))));
        long before = sandbox.requestCount("GET itemPostingGroups");

        plain.items().changesSince(Cursor.initial(), 100);

        assertThat(sandbox.requestCount("GET itemPostingGroups")).isEqualTo(before);
    }
}

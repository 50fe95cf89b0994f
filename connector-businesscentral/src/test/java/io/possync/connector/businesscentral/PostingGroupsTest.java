package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.ConfigurationException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posting groups and the long description, which the standard API lacks, written through a partner extension's custom API pages. */
class PostingGroupsTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().customApi("contoso", "possync", "v1.0").start();
    private final CustomApi route = new CustomApi("contoso", "possync", "v1.0");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Customer customer(String id) {
        return Customer.builder(new Ref("pos", EntityType.CUSTOMER, id), T).email(id + "@example.nl").build();
    }

    private SyncReport syncCustomers(BusinessCentral bc, List<Customer> customers) {
        return SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("pos-customers")
                .from(new ListSource<>("pos", customers)).to(bc.customers()).build());
    }

    @Test
    void newCustomersGetTheirPostingGroupsThroughTheCustomRoute() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route)
                .customerPostingGroup("BINNENLAND").genBusPostingGroup("BINNENLAND").build());

        SyncReport report = syncCustomers(bc, List.of(customer("a"), customer("b")));

        assertThat(report.rejections()).isEmpty();
        assertThat(sandbox.rows("customers")).hasSize(2).allSatisfy(row -> assertThat(sandbox.postingGroups("customers",
                row.path("id").asText())).hasValueSatisfying(g -> {
                    assertThat(g.path("customerPostingGroup").asText()).isEqualTo("BINNENLAND");
                    assertThat(g.path("genBusPostingGroup").asText()).isEqualTo("BINNENLAND");
                }));
    }

    @Test
    void newItemsGetTheirProductPostingGroups() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false)
                .genProdPostingGroup("HANDEL").vatProdPostingGroup("HOOG").inventoryPostingGroup("HANDEL").build());
        Product tee = Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE-M", T).name("Tee")
                .price(new Price(new BigDecimal("19.95"), "EUR", true)).build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.products("pos-products")
                .from(new ListSource<>("pos", List.of(tee))).to(bc.items()).build());

        assertThat(report.rejections()).isEmpty();
        String id = sandbox.rows("items").get(0).path("id").asText();
        assertThat(sandbox.postingGroups("items", id).orElseThrow().path("vatProdPostingGroup").asText()).isEqualTo("HOOG");
    }

    @Test
    void aPostingGroupTheCompanyDoesNotHaveIsARejectionThatSaysWhichAndWhy() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route)
                .customerPostingGroup("NOPE").build());

        SyncReport report = syncCustomers(bc, List.of(customer("c")));

        assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("posting groups were refused").contains("contoso/possync/v1.0/customerPostingGroups").contains("NOPE"));
    }

    @Test
    void postingGroupsWithoutACustomRouteAreAConfigurationError() {
        assertThatThrownBy(() -> SandboxConnectorTest.settings(sandbox).customerPostingGroup("BINNENLAND").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("customApi");
    }

    @Test
    void aNewItemsLongDescriptionGoesThroughTheCustomRouteAndAnUpdateLeavesIt() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).pictures(false).build());
        Product tee = Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE-M", T).name("Tee")
                .description("Organic cotton, 180 g/m², made in Portugal.").price(new Price(new BigDecimal("19.95"), "EUR", true)).build();
        Product rewritten = tee.toBuilder().description("Shorter text from the shop").modifiedAt(T.plusSeconds(60)).build();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

        SyncReport created = engine.run(Flow.products("pos-products").from(new ListSource<>("pos", List.of(tee))).to(bc.items()).build());
        engine.run(Flow.products("pos-products").from(new ListSource<>("pos", List.of(tee, rewritten))).to(bc.items()).build());

        assertThat(created.rejections()).isEmpty();
        String id = sandbox.rows("items").get(0).path("id").asText();
        assertThat(sandbox.rows("items").get(0).has("longDescription")).as("not on the standard item").isFalse();
        assertThat(sandbox.postingGroups("items", id).orElseThrow().path("longDescription").asText())
                .as("create-only: the ERP's text is kept").isEqualTo("Organic cotton, 180 g/m², made in Portugal.");
    }

    @Test
    void withoutACustomRouteTheLongDescriptionIsNoMappableField() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

        assertThat(bc.items().defaultMapping().field(CustomApi.ITEM_LONG_DESCRIPTION)).isEmpty();
    }

    @Test
    void aCustomersGroupBecomesItsPriceGroupThroughAValueMapAndTheCustomRoute() {
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).customApi(route).build());
        Customer wholesale = customer("w").toBuilder().group("Wholesale").build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("pos-customers")
                .from(new ListSource<>("pos", List.of(wholesale))).to(bc.customers())
                .mapping(m -> m.withValueMap(io.possync.core.mapping.ValueMap.builder("groups").row("Wholesale", "GROOTHANDEL").build())
                        .override(CustomApi.CUSTOMER_PRICE_GROUP, "$valueMap('groups', group)")).build());

        assertThat(report.rejections()).isEmpty();
        String id = sandbox.rows("customers").get(0).path("id").asText();
        assertThat(sandbox.rows("customers").get(0).has(CustomApi.CUSTOMER_PRICE_GROUP)).as("not on the standard customer").isFalse();
        assertThat(sandbox.postingGroups("customers", id).orElseThrow().path("customerPriceGroup").asText()).isEqualTo("GROOTHANDEL");
    }
}

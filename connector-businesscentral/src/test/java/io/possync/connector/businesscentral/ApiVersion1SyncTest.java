package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Address;
import io.possync.api.ConfigurationException;
import io.possync.api.ContactPerson;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.shop.SyntheticShop;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Business Central 14–16 through API v1.0 against a sandbox that speaks only v1.0 (complex
 * addresses, lines by item id, no {@code in} filters, no contacts): customers and orders sync as
 * they do over v2.0.
 */
class ApiVersion1SyncTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().apiVersion("v1.0").pageSize(50).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BusinessCentral bc() {
        return BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).apiVersion(ApiVersion.V1_0).build());
    }

    @Test
    void customersAreWrittenWithTheV1AddressAndReadBackIntoTheCanonicalModel() {
        Customer c = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "77"), Instant.parse("2026-11-01T10:00:00Z"))
                .kind(CustomerKind.COMPANY).companyName("Bakkerij Jansen").contactPerson(ContactPerson.of("Piet", "Jansen"))
                .email("piet@bakkerij.example").billingAddress(Address.builder().street("Oudegracht").houseNumber("1")
                        .postalCode("3511 AA").city("Utrecht").country("NL").build()).build();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.customers("pos-customers")
                .from(new ListSource<>("pos", List.of(c))).to(bc().customers()).build());

        assertThat(report.rejections()).isEmpty();
        ObjectNode row = sandbox.rows("customers").get(0);
        assertThat(row.path("addressLine1").asText()).isEqualTo("Oudegracht 1");
        assertThat(row.path("city").asText()).isEqualTo("Utrecht");
        Customer back = bc().customers().changesSince(Cursor.initial(), 10).records().get(0);
        assertThat(back.billingAddress().orElseThrow().city()).contains("Utrecht");
        assertThat(back.email()).contains("piet@bakkerij.example");
    }

    @Test
    void ordersAreInvoicedOnceWithTheirLinesNamingItemsById() {
        SyntheticShop shop = SyntheticShop.builder().orders(120).skus(25).knownCustomers(20).newCustomerShare(0.3).build();
        for (String sku : shop.skus()) {
            sandbox.seed("items", Json.MAPPER.createObjectNode().put("number", sku).put("displayName", "Item " + sku)
                    .put("type", "Inventory").put("unitPrice", 10));
        }
        for (String email : shop.knownCustomerEmails()) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", email).put("email", email).put("type", "Person"));
        }
        List<Order> orders = shop.orders();
        BusinessCentral bc = bc();

        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(Flow.orders("pos-sales")
                .from(new ListSource<>("pos", orders)).to(bc.salesInvoices()).kind(OrderKind.INVOICE)
                .customers(bc.customers()).products(bc.items()).pageSize(50).build());

        assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(report.rejections()).isEmpty();
        Map<String, Long> invoices = sandbox.rows("salesInvoices").stream()
                .collect(Collectors.groupingBy(r -> r.path("externalDocumentNumber").asText(), Collectors.counting()));
        assertThat(invoices).hasSize(orders.size()).allSatisfy((n, count) -> assertThat(count).isEqualTo(1L));
        long lines = sandbox.rows("salesInvoices").stream().mapToLong(r -> r.path("_lines").size()).sum();
        assertThat(lines).isEqualTo(orders.stream().mapToLong(o -> o.lines().size()).sum());
        assertThat(sandbox.rows("salesInvoices").get(0).path("_lines").get(0).path("lineObjectNumber").asText()).startsWith("SKU-");
    }

    @Test
    void whatV1HasNotIsRefusedWhenTheSettingsAreBuilt() {
        assertThatThrownBy(() -> SandboxConnectorTest.settings(sandbox).apiVersion(ApiVersion.V1_0).contactPersons(true)
                .paymentJournal("Cash", "KAS").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("contactPersons").hasMessageContaining("paymentJournal");
    }

    @Test
    void aV2ConnectionToAV1OnlyServerIsANotFoundNotASilentSuccess() {
        BusinessCentral v2 = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());

        assertThatThrownBy(() -> v2.customers().changesSince(Cursor.initial(), 10)).isInstanceOf(io.possync.api.PossyncException.class);
    }
}

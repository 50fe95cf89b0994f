package io.possync.examples;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed ⇄ Business Central the other way: sales orders entered in Business Central become sales
 * in Lightspeed, their customers found in Lightspeed by e-mail or created there (company or person, as
 * Business Central has them), every item checked to exist.
 */
class BusinessCentralOrdersToLightspeedTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final BusinessCentralSandbox erpSandbox = BusinessCentralSandbox.builder().start();
    private final LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(100_000, 100_000).start();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

    @AfterEach
    void stop() {
        erpSandbox.close();
        posSandbox.close();
    }

    private BusinessCentral erp() {
        return BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(erpSandbox.tenant(),
                        erpSandbox.environment(), erpSandbox.clientId(), Secret.of(erpSandbox.clientSecret())), erpSandbox.companyName())
                .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost()).overlap(Duration.ZERO)
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20)).build()).build());
    }

    private LightspeedRetail pos() {
        List<String> issued = posSandbox.issuedRefreshTokens();
        return LightspeedRetail.connect(LightspeedRetailSettings.builder(posSandbox.clientId(), Secret.of(posSandbox.clientSecret()),
                        Secret.of(issued.get(issued.size() - 1))).endpoints(posSandbox.apiUri(), posSandbox.tokenUri())
                .salesInto("1", "1", "1").currency("EUR").build());
    }

    @Test
    void salesOrdersEnteredInBusinessCentralBecomeLightspeedSalesWithTheirCustomersFoundOrCreated() {
        for (String sku : List.of("MUG-1", "TEE-1")) {
            erpSandbox.seed("items", Map.of("number", sku, "displayName", sku));
            posSandbox.seed("Item", Json.MAPPER.createObjectNode().put("description", sku).put("customSku", sku));
        }
        // Lightspeed knows one of the buyers already.
        var known = Json.MAPPER.createObjectNode().put("firstName", "Anna").put("lastName", "de Vries");
        known.putObject("Contact").putObject("Emails").putArray("ContactEmail").addObject().put("address", "anna@example.nl")
                .put("useType", "Primary");
        posSandbox.seed("Customer", known);
        BusinessCentral erp = erp();
        List<Customer> buyers = List.of(
                Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c1"), T).email("anna@example.nl")
                        .contactPerson(ContactPerson.of("Anna", "de Vries")).build(),
                Customer.builder(new Ref("phone", EntityType.CUSTOMER, "c2"), T).email("inkoop@bakkerij.nl").kind(CustomerKind.COMPANY)
                        .companyName("Bakkerij de Boer").contactPerson(ContactPerson.of("Piet", "de Boer")).build());
        List<Order> phoneOrders = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            phoneOrders.add(Order.builder(new Ref("phone", EntityType.ORDER, "P" + i), "TEL-" + i, T).currency("EUR")
                    .customer(buyers.get(i % 2))
                    .lines(List.of(OrderLine.of(i % 2 == 0 ? "MUG-1" : "TEE-1", "x", BigDecimal.ONE, new BigDecimal("10.00"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("10.00"), new BigDecimal("2.10"), new BigDecimal("12.10"))).build());
        }
        // Orders taken by phone are entered in Business Central as sales orders.
        engine.run(Flow.orders("phone→erp").from(new ListSource<>("phone", phoneOrders)).to(erp.salesOrders()).kind(OrderKind.ORDER)
                .customers(erp.customers()).products(erp.items()).build());
        LightspeedRetail pos = pos();

        SyncReport report = engine.run(Flow.orders("erp orders→pos").from(erp().salesOrders().withCustomers()).to(pos.sales())
                .customers(pos.customers()).products(pos.items()).build());

        assertThat(report.rejections()).isEmpty();
        assertThat(report.count(EntityType.ORDER, Outcome.CREATED)).isEqualTo(6);
        assertThat(posSandbox.records("Sale")).extracting(s -> s.path("referenceNumber").asText())
                .containsExactlyInAnyOrderElementsOf(erpSandbox.rows("salesOrders").stream().map(r -> r.path("number").asText()).toList());
        assertThat(posSandbox.records("Customer")).as("the known buyer found by e-mail, the company created").hasSize(2)
                .anySatisfy(c -> assertThat(c.path("company").asText()).isEqualTo("Bakkerij de Boer"));
        assertThat(report.count(EntityType.CUSTOMER, Outcome.CREATED)).isEqualTo(1);
    }
}

package io.possync.examples;

import io.possync.api.KeyType;
import io.possync.api.OrderKind;
import io.possync.api.Product;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.SandboxFill;
import io.possync.testkit.shop.SyntheticShop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lightspeed → Business Central with faults on both sides (the demo runs the pair without): a shop's
 * customers and 300 sales through both connectors and both sandboxes, with 20 % 429/5xx and 2 % lost
 * answers on Lightspeed and on Business Central — every sale invoiced exactly once, no customer twice. Pages of
 * 10 make enough requests for the faults to bite.
 */
class LightspeedBusinessCentralTest {

    @Test
    void withFaultsOnBothSidesEverySaleIsInvoicedExactlyOnceAndNoCustomerTwice() {
        SyntheticShop shop = SyntheticShop.builder().orders(300).skus(20).knownCustomers(30).build();
        ScaledTime time = ScaledTime.startingAt(Instant.now(), 50);
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).time(time).start();
             BusinessCentralSandbox erpSandbox = BusinessCentralSandbox.builder().rateLimitTime(time).start()) {
            SandboxFill.into(posSandbox, shop);
            for (Product p : shop.products()) {
                erpSandbox.seed("items", Map.of("number", p.sku(), "displayName", p.name()));
            }
            InMemoryStateStore state = new InMemoryStateStore();
            SyncEngine engine = SyncEngine.builder().stateStore(state).build();
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(posSandbox).toBuilder().timeSource(time).build());
            BusinessCentral erp = BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(erpSandbox.tenant(),
                            erpSandbox.environment(), erpSandbox.clientId(), Secret.of(erpSandbox.clientSecret())), erpSandbox.companyName())
                    .apiHost(erpSandbox.apiHost()).loginHost(erpSandbox.loginHost()).timeSource(time).overlap(Duration.ZERO)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)).build())
                    .build());
            RetrySchedule atOnce = new RetrySchedule(Duration.ZERO, Duration.ZERO);
            List<Flow<?>> flows = List.of(
                    Flow.customers("customers pos→erp").from(pos.customers()).to(erp.customers()).matchKey(KeyType.EMAIL).pageSize(10)
                            .retrySchedule(atOnce).build(),
                    Flow.orders("sales pos→erp").from(pos.sales()).to(erp.salesInvoices()).kind(OrderKind.INVOICE)
                            .customers(erp.customers()).products(erp.items()).pageSize(10).retrySchedule(atOnce).build());
            posSandbox.faults().randomly(0.20, 0.02, 41);
            erpSandbox.faults().randomly(0.20, 0.02, 42);

            for (int run = 0; run < 30 && (erpSandbox.rows("salesInvoices").size() < shop.orders().size()
                    || flows.stream().anyMatch(f -> !state.retryQueue(f.name(), 1).isEmpty())); run++) {
                flows.forEach(engine::run);
            }

            assertThat(posSandbox.faults().injected() + erpSandbox.faults().injected()).as("faults injected").isGreaterThanOrEqualTo(15);
            Map<String, Long> invoiced = erpSandbox.rows("salesInvoices").stream()
                    .collect(Collectors.groupingBy(r -> r.path("externalDocumentNumber").asText(), Collectors.counting()));
            assertThat(invoiced).hasSize(shop.orders().size()).allSatisfy((number, times) -> assertThat(times).as(number).isEqualTo(1));
            Map<String, Long> customers = erpSandbox.rows("customers").stream()
                    .collect(Collectors.groupingBy(r -> r.path("email").asText(), Collectors.counting()));
            assertThat(customers).hasSize(shop.customers().size()).allSatisfy((email, times) -> assertThat(times).as(email).isEqualTo(1));
        }
    }
}

package io.possync.examples.spring;

import io.possync.api.Customer;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.core.Flow;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.SandboxFill;
import io.possync.testkit.shop.SyntheticShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot service that keeps Business Central's customers and sales invoices in step with a Lightspeed shop,
 * with possync-spring-boot-starter: the flows are beans, the state lives in the application's DataSource (a SQLite
 * file, {@code application.properties}), the schedule comes from {@code possync.*} properties, and
 * {@code /actuator/health} and {@code /actuator/possync} show how the flows are doing. Both systems are possync's
 * sandboxes, filled with a synthetic shop at start; for real systems, build the two connectors from your credentials
 * instead (see the root README) and keep the flow beans as they are.
 */
@SpringBootApplication
public class SampleApplication {

    /** Starts the service; it syncs until stopped (Ctrl-C). */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(Path.of("possync-demo"));
        SpringApplication.run(SampleApplication.class, args);
    }

    /** The shop both sandboxes are filled with: 20 products, 30 customers Business Central knows, 200 sales. */
    @Bean
    SyntheticShop shop() {
        return SyntheticShop.builder().orders(200).skus(20).knownCustomers(30).build();
    }

    @Bean(destroyMethod = "close")
    LightspeedSandbox lightspeedSandbox(SyntheticShop shop) {
        LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Utrecht").start();
        SandboxFill.into(sandbox, shop);
        return sandbox;
    }

    @Bean(destroyMethod = "close")
    BusinessCentralSandbox businessCentralSandbox(SyntheticShop shop) {
        BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
        SandboxFill.into(sandbox, shop);
        return sandbox;
    }

    @Bean
    LightspeedRetail lightspeed(LightspeedSandbox sandbox) {
        List<String> issued = sandbox.issuedRefreshTokens();
        return LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                        Secret.of(issued.get(issued.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).currency("EUR").stockShop("1")
                .build());
    }

    @Bean
    BusinessCentral businessCentral(BusinessCentralSandbox sandbox) {
        return BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(sandbox.tenant(),
                        sandbox.environment(), sandbox.clientId(), Secret.of(sandbox.clientSecret())), sandbox.companyName())
                .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost())
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(50)).build())
                .build());
    }

    /** Customers first, so the sales find theirs. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    Flow<Customer> customers(LightspeedRetail pos, BusinessCentral erp) {
        return Flow.customers("customers").from(pos.customers()).to(erp.customers()).matchKey(KeyType.EMAIL).build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    Flow<Order> sales(LightspeedRetail pos, BusinessCentral erp) {
        return Flow.orders("sales").from(pos.sales()).to(erp.salesInvoices()).kind(OrderKind.INVOICE)
                .customers(erp.customers()).products(erp.items()).build();
    }
}

package io.possync.connector.businesscentral;

import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.privacy.CapturedLog;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.privacy.WrittenTexts;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync at DEBUG — customers created and updated (company debtors with contact persons), their
 * orders invoiced, everything read back, with faults — leaves no e-mail address, name, company name,
 * street, phone or VAT number of the synced customers in any log line, exception or event, in any form
 * (plain, URL-encoded, JSON-escaped, XML-escaped), and no secret.
 */
class PersonalDataInLogsTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(5).start();
    @RegisterExtension
    final CapturedLog log = CapturedLog.atDebug("io.possync");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void noPersonalValueOrSecretReachesALogLineAnExceptionOrAnEvent() {
        WrittenTexts written = new WrittenTexts();
        BusinessCentral bc = BusinessCentral.connect(SandboxConnectorTest.settings(sandbox).build());
        sandbox.seed("items", Map.of("number", "TEE", "displayName", "T-shirt"));
        List<Customer> customers = PersonalDataCheck.customers("pos", 12);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            orders.add(Order.builder(new Ref("pos", EntityType.ORDER, "O" + i), "WEB-" + i, customers.get(i).modifiedAt())
                    .currency("EUR").customer(customers.get(i))
                    .lines(List.of(OrderLine.of("TEE", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(written).build();
        sandbox.faults().randomly(0.15, 0.05, 11);

        written.add(engine.run(Flow.customers("customers").from(new ListSource<>("pos", customers)).to(bc.customers()).build()));
        written.add(engine.run(Flow.orders("orders").from(new ListSource<>("pos", orders)).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        written.add(engine.run(Flow.customers("customers-again").from(new ListSource<>("pos", changed)).to(bc.customers()).build()));
        sandbox.faults().randomly(0, 0, 1);
        bc.customers().changesSince(Cursor.initial(), 100);
        List<String> texts = written.plus(log.messagesWithExceptions());

        assertThat(log.messages()).as("the sync logged at DEBUG").hasSizeGreaterThan(20);
        assertThat(sandbox.rows("customers")).as("the customers were synced").hasSize(12);
        Set<String> personal = PersonalDataCheck.values(customers);
        assertThat(PersonalDataCheck.leaks(texts, personal)).as("personal values in logs, exceptions and events").isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.clientSecret()))).as("secrets").isEmpty();
    }
}

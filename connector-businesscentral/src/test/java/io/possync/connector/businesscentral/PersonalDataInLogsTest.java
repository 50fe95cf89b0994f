package io.possync.connector.businesscentral;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync at DEBUG — customers created and updated (company debtors with contact persons), their
 * orders invoiced, everything read back, with faults — leaves no e-mail address, name, company name,
 * street, phone or VAT number of the synced customers in any log line, exception or event, in any form
 * (plain, URL-encoded, JSON-escaped, XML-escaped), and no secret.
 */
class PersonalDataInLogsTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(5).start();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger possync = (Logger) LoggerFactory.getLogger("io.possync");
    private final Level before = possync.getLevel();

    @AfterEach
    void stop() {
        possync.detachAppender(log);
        possync.setLevel(before);
        sandbox.close();
    }

    @Test
    void noPersonalValueOrSecretReachesALogLineAnExceptionOrAnEvent() {
        log.start();
        possync.addAppender(log);
        possync.setLevel(Level.DEBUG);
        List<String> texts = new CopyOnWriteArrayList<>();
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
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(new SyncListener() {
            @Override
            public void onEvent(SyncEvent e) {
                texts.add(e.toString());
            }
        }).build();
        sandbox.faults().randomly(0.15, 0.05, 11);

        List<SyncReport> reports = new ArrayList<>();
        reports.add(engine.run(Flow.customers("customers").from(new ListSource<>("pos", customers)).to(bc.customers()).build()));
        reports.add(engine.run(Flow.orders("orders").from(new ListSource<>("pos", orders)).to(bc.salesInvoices())
                .customers(bc.customers()).products(bc.items()).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        reports.add(engine.run(Flow.customers("customers-again").from(new ListSource<>("pos", changed)).to(bc.customers()).build()));
        sandbox.faults().randomly(0, 0, 1);
        bc.customers().changesSince(Cursor.initial(), 100);
        for (SyncReport r : reports) {
            texts.add(r.summary());
            r.rejections().forEach(x -> texts.add(x.toString()));
            r.failure().ifPresent(f -> texts.add(f.toString()));
        }
        for (ILoggingEvent e : log.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(e.getThrowableProxy().getMessage() == null ? "" : e.getThrowableProxy().getMessage());
            }
        }

        assertThat(log.list).as("the sync logged at DEBUG").hasSizeGreaterThan(50);
        assertThat(sandbox.rows("customers")).as("the customers were synced").hasSize(12);
        Set<String> personal = PersonalDataCheck.values(customers);
        assertThat(PersonalDataCheck.leaks(texts, personal)).as("personal values in logs, exceptions and events").isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.clientSecret()))).as("secrets").isEmpty();
    }
}

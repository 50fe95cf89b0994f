package io.possync.connector.buchhaltungsbutler;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.possync.api.Address;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync at DEBUG — debtors created and updated, receipts with postings for their sales, with faults —
 * leaves no e-mail address, name, company name, street, phone or VAT number in any log line, exception
 * or event, in any form (plain, URL-encoded, JSON-escaped, XML-escaped), and neither the API secret nor
 * the API key that travels in every body.
 */
class PersonalDataInLogsTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
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
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(new SyncListener() {
            @Override
            public void onEvent(SyncEvent e) {
                texts.add(e.toString());
            }
        }).build();
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
        List<Customer> customers = PersonalDataCheck.customers("till", 8).stream()
                .map(c -> c.toBuilder().billingAddress(c.billingAddress().map(a -> a.toBuilder().country("DE").build())
                        .orElse(Address.builder().country("DE").build())).build()).toList();
        List<Order> sales = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            sales.add(Order.builder(new Ref("till", EntityType.ORDER, "S" + i), "R-" + i, customers.get(i).modifiedAt())
                    .currency("EUR").customer(customers.get(i)).pricesIncludeTax(true)
                    .billingAddress(customers.get(i).billingAddress().orElseThrow())
                    .lines(List.of(OrderLine.of("TEE", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("19"))))
                    .payments(List.of(new Payment("CASH", new BigDecimal("19.95"))))
                    .totals(new OrderTotals(new BigDecimal("16.76"), new BigDecimal("3.19"), new BigDecimal("19.95"))).build());
        }
        sandbox.faults().randomly(0.10, 0.05, 13);

        List<SyncReport> reports = new ArrayList<>();
        reports.add(engine.run(Flow.orders("sales").from(new ListSource<>("till", sales)).to(butler.receipts())
                .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+49 221 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        reports.add(engine.run(Flow.customers("debtors").from(new ListSource<>("till", changed)).to(butler.debtors())
                .matchKey(KeyType.CUSTOMER_NUMBER).build()));
        for (SyncReport r : reports) {
            texts.add(r.summary());
            r.rejections().forEach(x -> texts.add(x.toString()));
            r.failure().ifPresent(f -> texts.add(f.toString()));
        }
        log.list.forEach(e -> texts.add(e.getFormattedMessage()));

        assertThat(sandbox.receipts()).hasSize(8);
        assertThat(log.list).hasSizeGreaterThan(10);
        assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.apiSecret(), sandbox.apiKey()))).isEmpty();
    }
}

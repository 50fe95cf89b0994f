package io.possync.connector.mpluskassa;

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
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
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
 * A sync at DEBUG — relations found by e-mail, created and updated, their orders entered, everything
 * read back, with faults — leaves no e-mail address, name, company name, street, phone or VAT number in
 * any log line, exception or event, in any form (plain, URL-encoded, JSON-escaped, XML-escaped), and no
 * secret: the SOAP bodies are masked element by element, the {@code ident} and {@code secret} query
 * parameters in every URL.
 */
class PersonalDataInLogsTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
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
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        sandbox.seedArticle(100001, "T-shirt", 1995);
        List<Customer> customers = PersonalDataCheck.customers("shop", 10);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            orders.add(Order.builder(new Ref("shop", EntityType.ORDER, "O" + i), "WEB-" + i, customers.get(i).modifiedAt())
                    .currency("EUR").customer(customers.get(i)).pricesIncludeTax(true)
                    .lines(List.of(OrderLine.of("100001", "T-shirt", BigDecimal.ONE, new BigDecimal("19.95"), new BigDecimal("21"))))
                    .payments(List.of(new Payment("CASH", new BigDecimal("19.95"))))
                    .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95"))).build());
        }
        sandbox.faults().randomly(0.15, 0.05, 9);

        List<SyncReport> reports = new ArrayList<>();
        reports.add(engine.run(Flow.customers("relations").from(new ListSource<>("shop", customers)).to(mplus.relations()).build()));
        reports.add(engine.run(Flow.orders("orders").from(new ListSource<>("shop", orders)).to(mplus.orders())
                .customers(mplus.relations()).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        reports.add(engine.run(Flow.customers("again").from(new ListSource<>("shop", changed)).to(mplus.relations()).build()));
        sandbox.faults().randomly(0, 0, 1);
        mplus.relations().changesSince(Cursor.initial(), 100);
        mplus.orders().changesSince(Cursor.initial(), 100);
        for (SyncReport r : reports) {
            texts.add(r.summary());
            r.rejections().forEach(x -> texts.add(x.toString()));
            r.failure().ifPresent(f -> texts.add(f.toString()));
        }
        log.list.forEach(e -> texts.add(e.getFormattedMessage()));

        assertThat(sandbox.orders()).hasSize(10);
        assertThat(log.list).hasSizeGreaterThan(30);
        assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.secret(), sandbox.ident()))).isEmpty();
    }
}

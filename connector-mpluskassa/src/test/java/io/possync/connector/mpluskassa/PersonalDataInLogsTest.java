package io.possync.connector.mpluskassa;

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
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.mpluskassa.MplusSandbox;
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
    @RegisterExtension
    final CapturedLog log = CapturedLog.atDebug("io.possync");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void noPersonalValueOrSecretReachesALogLineAnExceptionOrAnEvent() {
        WrittenTexts written = new WrittenTexts();
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(written).build();
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

                written.add(engine.run(Flow.customers("relations").from(new ListSource<>("shop", customers)).to(mplus.relations()).build()));
        written.add(engine.run(Flow.orders("orders").from(new ListSource<>("shop", orders)).to(mplus.orders())
                .customers(mplus.relations()).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        written.add(engine.run(Flow.customers("again").from(new ListSource<>("shop", changed)).to(mplus.relations()).build()));
        sandbox.faults().randomly(0, 0, 1);
        mplus.relations().changesSince(Cursor.initial(), 100);
        mplus.orders().changesSince(Cursor.initial(), 100);
        List<String> texts = written.plus(log.messages());

        assertThat(sandbox.orders()).hasSize(10);
        assertThat(log.messages()).hasSizeGreaterThan(30);
        assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.secret(), sandbox.ident()))).isEmpty();
    }
}

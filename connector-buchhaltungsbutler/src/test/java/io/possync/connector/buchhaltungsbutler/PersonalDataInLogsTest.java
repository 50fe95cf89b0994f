package io.possync.connector.buchhaltungsbutler;

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
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
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
 * A sync at DEBUG — debtors created and updated, receipts with postings for their sales, with faults —
 * leaves no e-mail address, name, company name, street, phone or VAT number in any log line, exception
 * or event, in any form (plain, URL-encoded, JSON-escaped, XML-escaped), and neither the API secret nor
 * the API key that travels in every body.
 */
class PersonalDataInLogsTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
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

        written.add(engine.run(Flow.orders("sales").from(new ListSource<>("till", sales)).to(butler.receipts())
                .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER).build()));
        List<Customer> changed = customers.stream().map(c -> c.toBuilder().phone("+49 221 555 0101")
                .modifiedAt(c.modifiedAt().plusSeconds(3600)).build()).toList();
        written.add(engine.run(Flow.customers("debtors").from(new ListSource<>("till", changed)).to(butler.debtors())
                .matchKey(KeyType.CUSTOMER_NUMBER).build()));
        List<String> texts = written.plus(log.messages());

        assertThat(sandbox.receipts()).hasSize(8);
        assertThat(log.messages()).hasSizeGreaterThan(10);
        assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, List.of(sandbox.apiSecret(), sandbox.apiKey()))).isEmpty();
    }
}

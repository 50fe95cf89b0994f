package io.possync.connector.mpluskassa;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.Fault;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** 1,000 webshop orders into MplusKASSA, with 2 % of the write answers lost: every order exactly once, by extOrderId. */
class OrderSyncTest {

    private static final int ORDERS = 1000;
    private final MplusSandbox sandbox = MplusSandbox.builder().start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<Order> orders() {
        for (int a = 0; a < 40; a++) {
            sandbox.seedArticle(100_000 + a, "Article " + a, 995 + a * 100L);
        }
        Random random = new Random(5);
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            List<OrderLine> lines = new ArrayList<>();
            BigDecimal gross = BigDecimal.ZERO;
            for (int l = 0, n = 1 + random.nextInt(4); l < n; l++) {
                BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(5000), 2);
                BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(3));
                lines.add(OrderLine.of(String.valueOf(100_000 + random.nextInt(40)), "Line", qty, price, new BigDecimal("21")));
                gross = gross.add(price.multiply(qty));
            }
            Instant at = start.plusSeconds(i * 60L);
            Order.Builder b = Order.builder(new Ref("shop", EntityType.ORDER, "o" + i), "WEB-" + (50_000 + i), at).createdAt(at)
                    .currency("EUR").lines(lines).payments(List.of(new Payment("IDEAL", gross)))
                    .totals(new OrderTotals(gross, BigDecimal.ZERO, gross));
            if (i % 3 == 0) {
                int c = random.nextInt(200);
                b.customer(Customer.builder(new Ref("shop", EntityType.CUSTOMER, "c" + c), start).email("klant" + c + "@example.nl").build());
            }
            out.add(b.build());
        }
        return out;
    }

    @Test
    void withTwoPercentOfWriteAnswersLostEveryOrderIsEnteredExactlyOnce() {
        List<Order> orders = orders();
        MplusKassa mplus = MplusKassa.connect(Sandbox.settings(sandbox).build());
        InMemoryStateStore store = new InMemoryStateStore();
        SyncEngine engine = SyncEngine.builder().stateStore(store).build();
        Flow<Order> flow = Flow.orders("shop-to-till").from(new ListSource<>("shop", orders)).to(mplus.orders())
                .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0")
                .pageSize(100).retrySchedule(new RetrySchedule(Duration.ZERO, Duration.ZERO)).build();
        sandbox.faults().randomly(0.05, 0.02, 3).nextWrite(Fault.lostResponse()).nextWrite(Fault.lostResponse());

        List<RunStatus> runs = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            SyncReport report = engine.run(flow);
            runs.add(report.status());
            if (report.status() == RunStatus.COMPLETED && store.retryQueue("shop-to-till", 10).isEmpty()) {
                break;
            }
        }

        assertThat(sandbox.faults().injected(Fault.Kind.LOST_RESPONSE)).isGreaterThanOrEqualTo(10);
        assertThat(store.retryQueue("shop-to-till", 10)).isEmpty();
        Map<String, Long> perNumber = sandbox.orders().stream()
                .collect(Collectors.groupingBy(MplusSandbox.Order::extOrderId, Collectors.counting()));
        assertThat(perNumber).hasSize(ORDERS).allSatisfy((n, count) -> assertThat(count).as(n).isEqualTo(1L));
        Map<String, Long> relationsPerEmail = sandbox.relations().values().stream()
                .collect(Collectors.groupingBy(r -> r.get("email"), Collectors.counting()));
        assertThat(relationsPerEmail).allSatisfy((e, count) -> assertThat(count).as(e).isEqualTo(1L));
        MplusSandbox.Order first = sandbox.orders().stream().filter(o -> o.extOrderId().equals("WEB-50000")).findFirst().orElseThrow();
        Order source = orders.get(0);
        assertThat(first.lines()).hasSize(source.lines().size());
        assertThat(first.lines().get(0).price()).isEqualTo(source.lines().get(0).unitPrice().movePointRight(2).longValueExact());
        assertThat(first.employeeNumber()).isEqualTo(999_999L);
        System.out.println("runs: " + runs + "; lost answers: " + sandbox.faults().injected(Fault.Kind.LOST_RESPONSE)
                + "; requests: " + sandbox.requestCount());
    }
}

package io.possync.connector.mpluskassa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.AuthenticationException;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderTotals;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.mpluskassa.MplusSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SOAP faults, HTTP errors, timeouts, broken bodies and lost answers, as the connector meets them. */
class FaultTest {

    private final MplusSandbox sandbox = MplusSandbox.builder().start();
    private final NaturalKey someOrder = NaturalKey.orderNumber("WEB-1");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private MplusKassa mplus() {
        return MplusKassa.connect(Sandbox.settings(sandbox).build());
    }

    private static MappedRecord<Order> order(String number, String sku) {
        Order o = Order.builder(new Ref("shop", EntityType.ORDER, number), number, Instant.parse("2026-11-20T10:00:00Z")).currency("EUR")
                .lines(List.of(OrderLine.of(sku, "Tee", BigDecimal.ONE, new BigDecimal("9.95"), new BigDecimal("21"))))
                .totals(new OrderTotals(new BigDecimal("8.22"), new BigDecimal("1.73"), new BigDecimal("9.95"))).build();
        return DocumentsTest.mapped(o, MplusKassa.connect(MplusSettings.builder(0, "i", io.possync.api.http.Secret.of("s")).build())
                .orders().defaultMapping());
    }

    @Test
    void refusedCredentialsAreAClientAuthenticationFaultThatNamesNoSecret() {
        MplusKassa wrong = MplusKassa.connect(MplusSettings.builder(0, sandbox.ident(), Secret.of("wrong-secret"))
                .baseUrl(sandbox.apiUri()).build());

        assertThatThrownBy(() -> wrong.orders().find(someOrder)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Client.Authentication").hasMessageNotContaining("wrong-secret");
    }

    @Test
    void aServerFaultOr503Or429OnAReadIsRetried() {
        sandbox.faults().next(Fault.status(500)).next(Fault.status(503)).next(Fault.status(429));

        assertThat(mplus().orders().find(someOrder)).isEmpty();
        assertThat(sandbox.faults().injected()).isEqualTo(3);
    }

    @Test
    void aReadThatTimesOutOrAnswersBrokenXmlIsRetried() {
        sandbox.faults().next(Fault.delay(Duration.ofSeconds(5))).next(Fault.malformed());

        assertThat(mplus().orders().find(someOrder)).isEmpty();
        assertThat(sandbox.requestCount()).isEqualTo(3);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsAnUnknownOutcomeAndTheOrderIsFoundAfterwards() {
        sandbox.seedArticle(100001, "Tee", 995);
        sandbox.faults().nextWrite(Fault.lostResponse());
        MplusKassa mplus = mplus();

        assertThatThrownBy(() -> mplus.orders().create(order("WEB-7", "100001"))).isInstanceOf(WriteOutcomeUnknownException.class);
        assertThat(mplus.orders().find(NaturalKey.orderNumber("WEB-7"))).isPresent();
        assertThat(sandbox.orders()).hasSize(1);
    }

    @Test
    void aCreateOfAnExistingExtOrderIdIsReadBackNotEnteredTwice() {
        sandbox.seedArticle(100001, "Tee", 995);
        MplusKassa mplus = mplus();
        Ref first = mplus.orders().create(order("WEB-8", "100001"));

        Ref again = mplus.orders().create(order("WEB-8", "100001"));

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.orders()).hasSize(1);
    }

    @Test
    void aBusinessFailureIsARejectionWithMplusKassasMessage() {
        assertThatThrownBy(() -> mplus().orders().create(order("WEB-9", "999999"))).isInstanceOf(RecordRejectedException.class)
                .hasMessageContaining("CREATE-ORDER-RESULT-FAILED").hasMessageContaining("article 999999 does not exist");
    }

    @Test
    void aWriteAnsweredWithAServerFaultIsNotResentBlindly() {
        sandbox.seedArticle(100001, "Tee", 995);
        sandbox.faults().nextWrite(Fault.status(500));

        assertThatThrownBy(() -> mplus().orders().create(order("WEB-10", "100001"))).isInstanceOf(TransientException.class);
        assertThat(sandbox.orders()).isEmpty();
    }
}

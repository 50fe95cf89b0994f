package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.AuthenticationException;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the connector meets BuchhaltungsButler's failures: refused credentials, 429, 5xx, timeouts, broken bodies, pacing. */
class FaultTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
    private final NaturalKey someSale = NaturalKey.orderNumber("BON-1");

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BuchhaltungsButler butler() {
        return BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
    }

    private List<Write<Order>> oneSale() {
        Order o = GermanTill.sales(1, Sandboxes.START.minus(Duration.ofDays(1)), 1, 1).get(0);
        ObjectNode fields = Json.MAPPER.createObjectNode().put("invoice_number", o.number()).put("debtor", "10000")
                .put("counterparty", "Barverkauf");
        return List.of(new Write.Create<>(new MappedRecord<>(o, fields)));
    }

    @Test
    void aWrongSecretIsAnAuthenticationErrorThatNamesNoSecret() {
        BuchhaltungsButler wrong = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder(sandbox.apiClient(),
                Secret.of("not-the-secret"), Secret.of(sandbox.apiKey())).baseUrl(sandbox.apiUri()).timeSource(time).build());

        assertThatThrownBy(() -> wrong.receipts().find(someSale)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused").hasMessageNotContaining("not-the-secret");
    }

    @Test
    void aWrongApiKeyIsAnAuthenticationErrorThatSaysTheTenantIsUnknown() {
        BuchhaltungsButler wrong = BuchhaltungsButler.connect(BuchhaltungsButlerSettings.builder(sandbox.apiClient(),
                Secret.of(sandbox.apiSecret()), Secret.of("other-tenant")).baseUrl(sandbox.apiUri()).timeSource(time).build());

        assertThatThrownBy(() -> wrong.receipts().find(someSale)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("api_key").hasMessageNotContaining("other-tenant");
    }

    @Test
    void readsAreRetriedAfter429WithAndWithoutRetryAfterAnd503() {
        sandbox.faults().next(Fault.status(429)).next(Fault.status(429, Duration.ofSeconds(2))).next(Fault.status(503));

        assertThat(butler().receipts().find(someSale)).isEmpty();
        assertThat(sandbox.faults().injected()).isEqualTo(3);
        assertThat(sandbox.requestCount("/receipts/get")).isEqualTo(4);
    }

    @Test
    void aReadThatTimesOutOrAnswersGarbageIsRetried() {
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, ScaledTime.real())
                .requestTimeout(Duration.ofMillis(300)).build());
        sandbox.faults().next(Fault.delay(Duration.ofSeconds(60))).next(Fault.malformed());

        assertThat(butler.receipts().find(someSale)).isEmpty();
        assertThat(sandbox.requestCount("/receipts/get")).isEqualTo(3);
    }

    @Test
    void aReceiptBatchWhoseAnswerIsLostIsReadBackAndNotSentAgain() {
        sandbox.faults().nextWrite(Fault.lostResponse());
        List<Write<Order>> sale = oneSale();

        List<WriteResult> results = butler().receipts().writeAll(sale);

        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(sandbox.receipts()).hasSize(1);
        assertThat(sandbox.requestCount("/receipts/addBatch")).isEqualTo(1);
    }

    @Test
    void aReceiptBatch500ThatAddedNothingIsSentAgain() {
        sandbox.faults().nextWrite(Fault.status(500));

        List<WriteResult> results = butler().receipts().writeAll(oneSale());

        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(sandbox.receipts()).hasSize(1);
        assertThat(sandbox.requestCount("/receipts/addBatch")).isEqualTo(2);
    }

    @Test
    void aBatchRestrictedBecauseAnotherClientJustAddedWaitsAndIsSentAgain() {
        BuchhaltungsButler other = butler();
        other.receipts().writeAll(oneSale());
        List<Write<Order>> next = List.of(new Write.Create<>(new MappedRecord<>(
                GermanTill.sales(2, Sandboxes.START.minus(Duration.ofDays(1)), 1, 2).get(1),
                Json.MAPPER.createObjectNode().put("debtor", "10000").put("counterparty", "Barverkauf"))));

        List<WriteResult> results = butler().receipts().writeAll(next);

        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(sandbox.throttledCount()).isGreaterThanOrEqualTo(1);
        assertThat(sandbox.receipts()).hasSize(2);
    }

    @Test
    void aServerThatStaysDownIsATransientFailureOfTheRecordNotALoss() {
        BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build()).build());
        for (int i = 0; i < 10; i++) {
            sandbox.faults().next(Fault.status(503));
        }

        assertThatThrownBy(() -> butler.receipts().writeAll(oneSale())).isInstanceOf(TransientException.class);
        assertThat(sandbox.receipts()).isEmpty();
    }
}

package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.testkit.Fault;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.internal.Json;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of 50 receipts with one BuchhaltungsButler refuses: the other 49 land, the one is rejected with its reason. */
class BatchRejectionTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
    private final BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<Write<Order>> writes(List<Order> sales, int badIndex, String badDebtor) {
        List<Write<Order>> writes = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            Order o = sales.get(i);
            ObjectNode fields = Json.MAPPER.createObjectNode().put("invoice_number", o.number()).put("counterparty", "Barverkauf")
                    .put("debtor", i == badIndex ? badDebtor : "10000").put("postingtext", "Verkauf " + o.number());
            writes.add(new Write.Create<>(new MappedRecord<>(o, fields)));
        }
        return writes;
    }

    @Test
    void aReceiptTheBatchRefusesIsRejectedWithItsReasonWhileTheOther49AreBooked() {
        List<Order> sales = GermanTill.sales(50, Sandboxes.START.minus(Duration.ofDays(2)), 1, 3);

        List<WriteResult> results = butler.receipts().writeAll(writes(sales, 17, "55555"));

        assertThat(results).hasSize(50);
        assertThat(results.stream().filter(r -> r instanceof WriteResult.Written)).hasSize(49);
        WriteResult.Failed failed = (WriteResult.Failed) results.get(17);
        assertThat(failed.source()).isEqualTo(sales.get(17).sourceRef());
        RecordRejectedException e = (RecordRejectedException) failed.error();
        assertThat(e.reason()).contains("error 25").contains("does not exist");
        assertThat(e.fieldPath()).contains("customer");
        assertThat(sandbox.receipts()).hasSize(49).noneMatch(r -> r.path("invoicenumber").asText().equals(sales.get(17).number()))
                .allSatisfy(r -> assertThat(r.path("postings")).isNotEmpty());
        assertThat(sandbox.requestCount("/receipts/addBatch")).isEqualTo(1);
    }

    @Test
    void aBatchRefusedAsAWholeIsSentItemByItemToFindTheBadOne() {
        List<Order> sales = GermanTill.sales(3, Sandboxes.START.minus(Duration.ofDays(2)), 1, 4);
        sandbox.faults().nextWrite(Fault.status(400));

        List<WriteResult> results = butler.receipts().writeAll(writes(sales, 1, "55555"));

        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(results.get(1)).isInstanceOf(WriteResult.Failed.class);
        assertThat(results.get(2)).isInstanceOf(WriteResult.Written.class);
        assertThat(sandbox.requestCount("/receipts/add")).isEqualTo(3);
        assertThat(sandbox.receipts()).hasSize(2);
    }

    @Test
    void aReceiptLeftWithoutPostingsIsNotFoundAndIsBookedOnTheNextAttemptInsteadOfAddedTwice() {
        List<Order> sales = GermanTill.sales(2, Sandboxes.START.minus(Duration.ofDays(2)), 1, 5);
        List<Write<Order>> writes = writes(sales, -1, "");
        sandbox.faults().nextWrite(Fault.delay(Duration.ZERO))   // the receipt batch passes,
                .nextWrite(Fault.status(400)).nextWrite(Fault.status(400)).nextWrite(Fault.status(400)); // every posting is refused

        List<WriteResult> first = butler.receipts().writeAll(writes);
        assertThat(first).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Failed.class));
        assertThat(sandbox.receipts()).hasSize(2).allSatisfy(r -> assertThat(r.path("postings")).isEmpty());

        BuchhaltungsButler again = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
        assertThat(again.receipts().findAll(List.of(NaturalKey.orderNumber(sales.get(0).number())))).isEmpty();
        List<WriteResult> second = again.receipts().writeAll(writes);

        assertThat(second).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Written.class));
        assertThat(sandbox.receipts()).hasSize(2).allSatisfy(r -> assertThat(r.path("postings")).isNotEmpty());
        assertThat(sandbox.requestCount("/receipts/addBatch")).isEqualTo(1);
        assertThat(again.receipts().findAll(List.of(NaturalKey.orderNumber(sales.get(0).number())))).hasSize(1);
    }
}

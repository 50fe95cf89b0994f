package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.KeyType;
import io.possync.api.internal.Json;
import io.possync.core.Flow;
import io.possync.core.PlannedWrite;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.contract.PlannedWritesSent;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run shows is what the write sends, for both sinks: the same records are planned with
 * {@code dryRun} and then written, and every field of every planned write arrives in BuchhaltungsButler
 * with the planned value — on the receipt, on each of its postings, on the debtor.
 */
class DryRunEqualsWriteTest {

    private final ScaledTime time = Sandboxes.fastTime();
    private final BuchhaltungsButlerSandbox sandbox = Sandboxes.start(time);
    private final BuchhaltungsButler butler = BuchhaltungsButler.connect(Sandboxes.settings(sandbox, time).build());
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).redactPersonalData(false).build();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static JsonNode read(ReceivedWrite w) {
        try {
            return Json.MAPPER.readTree(w.body());
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private List<PlannedWrite> plan(Flow<?> flow) {
        List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites().stream().filter(p -> p.entityType() == flow.entityType()).toList();
        sandbox.recordWrites();
        engine.run(flow);
        return planned;
    }

    @Test
    void debtorsCreatedInBatchesAndUpdatedAreSentAsPlanned() {
        List<Customer> customers = PersonalDataCheck.customers("till", 6);
        List<PlannedWrite> created = plan(Flow.customers("c").from(new ListSource<>("till", customers)).to(butler.debtors())
                .matchKey(KeyType.CUSTOMER_NUMBER).build());
        List<Customer> moved = customers.stream().map(c -> c.toBuilder().vatNumber("DE999999999").modifiedAt(c.modifiedAt().plusSeconds(60))
                .build()).toList();
        List<PlannedWrite> updated = plan(Flow.customers("c2").from(new ListSource<>("till", moved)).to(butler.debtors())
                .matchKey(KeyType.CUSTOMER_NUMBER).build());

        List<JsonNode> sent = debtorRequests();
        PlannedWritesSent.check(created, sent, (p, d) -> p.action() == PlannedWrite.Action.CREATE
                && d.path("customer_number").asText().equals(p.source().id()), sameText());
        PlannedWritesSent.check(updated, sent, (p, d) -> p.action() == PlannedWrite.Action.UPDATE && !d.has("customer_number")
                && d.path("postingaccount_number").asText().equals(p.target().orElseThrow().id()), sameText());
        assertThat(sandbox.requestCount("/settings/add-batch/debtors")).isEqualTo(1);
    }

    @Test
    void aMappedEmailIsWrittenOnCreateThroughTheSingleForm() {
        List<PlannedWrite> planned = plan(Flow.customers("c").from(new ListSource<>("till", PersonalDataCheck.customers("till", 3)))
                .to(butler.debtors()).matchKey(KeyType.CUSTOMER_NUMBER).mapping(m -> m.override("email", "email")).build());

        PlannedWritesSent.check(planned, debtorRequests(), (p, d) -> d.path("customer_number").asText().equals(p.source().id()), sameText());
        assertThat(planned).allSatisfy(p -> assertThat(p.fields().path("email").asText()).contains("@"));
        assertThat(sandbox.requestCount("/settings/add/debtor")).isEqualTo(3);
    }

    /** Debtors as sent: each item of a batch create, each single create and each update. */
    private List<JsonNode> debtorRequests() {
        List<JsonNode> out = new ArrayList<>();
        for (ReceivedWrite w : sandbox.receivedWrites()) {
            if (w.uri().endsWith("/settings/add-batch/debtors")) {
                read(w).path("debtors").forEach(out::add);
            } else if (w.uri().endsWith("/settings/add/debtor") || w.uri().endsWith("/settings/update/debtor")) {
                out.add(read(w));
            }
        }
        return out;
    }

    private static PlannedWritesSent.FieldCheck<JsonNode> sameText() {
        return PlannedWritesSent.sameValue(JsonNode::path, (planned, sent) -> planned.asText().equals(sent.asText()));
    }

    @Test
    void receiptsAndTheirPostingsAreSentAsPlanned() {
        List<PlannedWrite> planned = plan(Flow.orders("sales")
                .from(new ListSource<>("till", GermanTill.sales(40, Sandboxes.START.minus(Duration.ofDays(3)), 3, 7)))
                .to(butler.receipts()).defaultDebtor("10000").build());

        PlannedWritesSent.check(planned, receiptsAsSent(), (p, r) -> r.path("invoice_number").asText()
                .equals(p.fields().path("invoice_number").asText()), (p, r, field, value) -> {
            List<JsonNode> sent = switch (field) {
                case "debtor" -> List.of(r.path("creditor_debtor"), r.path("postings").path("debtor"));
                case "postingtext" -> {
                    List<JsonNode> texts = new ArrayList<>();
                    r.path("postings").path("postingtexts").forEach(texts::add);
                    yield texts;
                }
                default -> List.of(r.path(field));
            };
            assertThat(sent).as("%s of %s", field, p.source()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.asText()).as("%s of %s", field, p.source()).isEqualTo(value.asText()));
        });
        assertThat(planned).extracting(p -> p.fields().path("counterparty").asText()).contains("Barverkauf");
    }

    /** Each receipt as sent, with the postings item sent for it under {@code postings}. */
    private List<JsonNode> receiptsAsSent() {
        Map<String, String> numberById = new HashMap<>();
        sandbox.receipts().forEach(r -> numberById.put(r.path("id_by_customer").asText(), r.path("invoicenumber").asText()));
        Map<String, ObjectNode> byNumber = new HashMap<>();
        List<JsonNode> postings = new ArrayList<>();
        for (ReceivedWrite w : sandbox.receivedWrites()) {
            if (w.uri().endsWith("/receipts/addBatch")) {
                read(w).path("receipts").forEach(r -> byNumber.put(r.path("invoice_number").asText(), (ObjectNode) r));
            } else if (w.uri().endsWith("/receipts/add")) {
                JsonNode r = read(w);
                byNumber.put(r.path("invoice_number").asText(), (ObjectNode) r);
            } else if (w.uri().endsWith("/postings/add-batch/receipts")) {
                read(w).path("receipts").forEach(postings::add);
            } else if (w.uri().endsWith("/postings/add/receipt")) {
                postings.add(read(w));
            }
        }
        for (JsonNode p : postings) {
            ObjectNode receipt = byNumber.get(numberById.get(p.path("receipt_id_by_customer").asText()));
            if (receipt != null) {
                receipt.set("postings", p);
            }
        }
        return new ArrayList<>(byNumber.values());
    }
}

package io.possync.connector.buchhaltungsbutler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.WriteResult;
import io.possync.connector.buchhaltungsbutler.internal.BuchhaltungsButlerSession;
import io.possync.connector.buchhaltungsbutler.internal.ReceiptIndex;
import io.possync.connector.buchhaltungsbutler.internal.ReceiptPlan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders as BuchhaltungsButler receipts: for each order an outgoing receipt (invoice number = the
 * order number, gross amount, currency, date, counterparty and debtor account) and then its postings,
 * split by revenue account and VAT key as the settings map them; an order with a negative total is a
 * refund (a negative receipt, or a credit note when the settings say so).
 *
 * <pre>{@code
 * Flow<Order> sales = Flow.orders("pos-to-bookkeeping")
 *         .from(lightspeed.sales()).to(butler.receipts())
 *         .customers(butler.debtors()).customerMatchKey(KeyType.CUSTOMER_NUMBER)
 *         .defaultDebtor("10000")
 *         .build();
 * }</pre>
 *
 * <p>Receipt adds are not idempotent, so an invoice number is always looked up before it is added:
 * the connection keeps an index of the tenant's outgoing receipts, listed once and then refreshed by
 * modification time before every batch. Receipts go in batches of 50 ({@code /receipts/addBatch},
 * at most one call per 5 seconds) and their postings in batches of 50; each item's error becomes that
 * order's rejection while the rest land, a batch refused as a whole is retried item by item to find
 * the bad one, and a batch whose answer was lost is read back and only the missing items are sent
 * again. An order counts as in BuchhaltungsButler once its receipt has postings: a receipt left without
 * them (a rejected posting) is booked on the next attempt instead of being added twice. Receipts are
 * not changed afterwards. Thread-safe: writes of one connection are serialised, so two flows cannot add a receipt twice.
 */
public final class BuchhaltungsButlerReceipts extends BuchhaltungsButlerCapability implements Sink<Order>, BatchLookupSink<Order> {

    private static final int BATCH = 50;
    private static final int MAX_RESENDS = 3;
    private final ReceiptIndex index;
    private final MappingDefaults defaults;

    BuchhaltungsButlerReceipts(BuchhaltungsButlerSession session) {
        super(session);
        this.index = new ReceiptIndex(session);
        this.defaults = defaults(session.settings().anonymousCounterparty());
    }

    /** The default mapping; an order without a customer name books against {@code anonymousCounterparty}. */
    private static MappingDefaults defaults(String anonymousCounterparty) {
        return MappingDefaults.builder("buchhaltungsbutler receipts")
                .field(MappableField.text("invoice_number").maxLength(ReceiptPlan.MAX_INVOICE_NUMBER).alwaysWritten()
                        .describe("the source's order number; how the receipt is found again"), "number")
                .field(MappableField.text("counterparty").asRequired().describe("the customer's name, else the settings'"
                        + " anonymous counterparty"), "(customer.kind = 'COMPANY' and customer.companyName) ? customer.companyName"
                        + " : ($n := $join([customer.contactPerson.firstName, customer.contactPerson.lastName], ' ');"
                        + " $n != '' ? $n : " + TextNode.valueOf(anonymousCounterparty).toString() + ")")
                .field(MappableField.text("debtor").describe("the debtor account number"), "links.customerId")
                .field(MappableField.text("postingtext").maxLength(ReceiptPlan.MAX_POSTING_TEXT)
                        .describe("the text of every posting of the receipt"), "'Verkauf ' & number")
                .build();
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    /** The booked receipts with these invoice numbers; a receipt without postings does not count. */
    @Override
    public synchronized Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        if (keys.stream().noneMatch(k -> k.type() == KeyType.ORDER_NUMBER)) {
            return found;
        }
        index.refresh();
        for (NaturalKey key : keys) {
            if (key.type() == KeyType.ORDER_NUMBER) {
                index.get(key.value()).filter(index::isBooked).ifPresent(e -> found.put(key, ref(e.id())));
            }
        }
        return found;
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        WriteResult result = writeAll(List.of(new Write.Create<>(record))).get(0);
        if (result instanceof WriteResult.Failed f) {
            throw f.error();
        }
        return ((WriteResult.Written) result).target();
    }

    /** A receipt is not changed once it is booked. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is receipt " + target.id()
                + " in BuchhaltungsButler already; booked receipts are not changed").record(record.sourceRef()).build();
    }

    @Override
    public synchronized List<WriteResult> writeAll(List<Write<Order>> writes) {
        Map<Write<Order>, WriteResult> results = new HashMap<>();
        Map<Write<Order>, ReceiptPlan> plans = new LinkedHashMap<>();
        for (Write<Order> w : writes) {
            Ref source = w.record().sourceRef();
            if (w instanceof Write.Update<Order> u) {
                try {
                    update(u.target(), u.record());
                } catch (RecordRejectedException e) {
                    results.put(w, new WriteResult.Failed(source, e));
                }
                continue;
            }
            try {
                plans.put(w, ReceiptPlan.of(w.record(), session.settings()));
            } catch (RecordRejectedException e) {
                results.put(w, new WriteResult.Failed(source, e));
            }
        }
        if (!plans.isEmpty()) {
            index.refresh();
            addMissingReceipts(plans, results);
            bookReceipts(plans, results);
        }
        List<WriteResult> out = new ArrayList<>(writes.size());
        for (Write<Order> w : writes) {
            out.add(results.get(w));
        }
        return out;
    }

    // ------------------------------------------------------------------ receipts

    private void addMissingReceipts(Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results) {
        List<Write<Order>> missing = new ArrayList<>();
        Set<String> numbers = new java.util.HashSet<>();
        for (Map.Entry<Write<Order>, ReceiptPlan> e : plans.entrySet()) {
            String number = e.getValue().invoiceNumber();
            if (index.get(number).isEmpty() && numbers.add(number)) {
                missing.add(e.getKey());
            } else if (index.get(number).isEmpty()) {
                results.put(e.getKey(), new WriteResult.Failed(e.getKey().record().sourceRef(), RecordRejectedException.builder(
                        "another order of this batch has invoice number " + number).fieldPath("invoice_number").build()));
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Write<Order>> chunk = missing.subList(from, Math.min(missing.size(), from + BATCH));
            addChunk(chunk, plans, results, 1);
        }
        for (Map.Entry<Write<Order>, ReceiptPlan> e : plans.entrySet()) {
            if (!results.containsKey(e.getKey()) && index.get(e.getValue().invoiceNumber()).isEmpty()) {
                results.put(e.getKey(), new WriteResult.Failed(e.getKey().record().sourceRef(), TransientException.of(
                        "receipt " + e.getValue().invoiceNumber() + " was added but BuchhaltungsButler does not list it yet")));
            }
        }
    }

    private void addChunk(List<Write<Order>> chunk, Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results,
                          int attempt) {
        ObjectNode body = session.body();
        ArrayNode items = body.putArray("receipts");
        Map<String, Write<Order>> byNumber = new HashMap<>();
        for (Write<Order> w : chunk) {
            items.add(plans.get(w).receipt());
            byNumber.put(plans.get(w).invoiceNumber(), w);
        }
        JsonNode answer;
        try {
            answer = session.write("receipts/addBatch", body);
        } catch (WriteOutcomeUnknownException lost) {
            resendMissing(chunk, plans, results, attempt, lost);
            return;
        } catch (RecordRejectedException wholeBatch) {
            addOneByOne(chunk, plans, results);
            return;
        } catch (TransientException busy) {
            chunk.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), busy)));
            return;
        }
        for (JsonNode error : answer.path("errors")) {
            Write<Order> w = byNumber.get(error.path("request_data").path("invoice_number").asText());
            if (w != null) {
                results.put(w, new WriteResult.Failed(w.record().sourceRef(), itemError(error, w, false)));
            }
        }
        index.refresh();
    }

    private void resendMissing(List<Write<Order>> chunk, Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results,
                               int attempt, WriteOutcomeUnknownException lost) {
        index.refresh();
        List<Write<Order>> still = chunk.stream().filter(w -> index.get(plans.get(w).invoiceNumber()).isEmpty()).toList();
        if (still.isEmpty()) {
            return;
        }
        if (attempt >= MAX_RESENDS) {
            still.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), lost)));
            return;
        }
        // The batch's answer was lost; the receipts it did not add are known now and are sent again, the others stay.
        addChunk(still, plans, results, attempt + 1);
    }

    private void addOneByOne(List<Write<Order>> chunk, Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results) {
        for (Write<Order> w : chunk) {
            ObjectNode body = plans.get(w).receipt().deepCopy();
            body.put("api_key", session.settings().apiKey().reveal());
            try {
                session.write("receipts/add", body);
            } catch (RecordRejectedException e) {
                results.put(w, new WriteResult.Failed(w.record().sourceRef(), fieldOf(e, w, false)));
            } catch (TransientException e) {
                results.put(w, new WriteResult.Failed(w.record().sourceRef(), e));
            }
        }
        index.refresh();
    }

    // ------------------------------------------------------------------ postings

    private void bookReceipts(Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results) {
        List<Write<Order>> unbooked = new ArrayList<>();
        for (Map.Entry<Write<Order>, ReceiptPlan> e : plans.entrySet()) {
            Write<Order> w = e.getKey();
            if (results.containsKey(w)) {
                continue;
            }
            ReceiptIndex.Entry receipt = index.get(e.getValue().invoiceNumber()).orElseThrow();
            if (receipt.amount().compareTo(e.getValue().amount()) != 0) {
                results.put(w, new WriteResult.Failed(w.record().sourceRef(), RecordRejectedException.builder("receipt "
                        + receipt.id() + " with invoice number " + e.getValue().invoiceNumber() + " exists already with amount "
                        + receipt.amount().toPlainString() + ", not " + e.getValue().amount().toPlainString())
                        .fieldPath("invoice_number").build()));
            } else if (index.isBooked(receipt)) {
                results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(receipt.id()), true));
            } else {
                unbooked.add(w);
            }
        }
        for (int from = 0; from < unbooked.size(); from += BATCH) {
            bookChunk(unbooked.subList(from, Math.min(unbooked.size(), from + BATCH)), plans, results, 1);
        }
    }

    private void bookChunk(List<Write<Order>> chunk, Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results,
                           int attempt) {
        ObjectNode body = session.body();
        ArrayNode items = body.putArray("receipts");
        Map<String, Write<Order>> byReceipt = new HashMap<>();
        for (Write<Order> w : chunk) {
            String id = index.get(plans.get(w).invoiceNumber()).orElseThrow().id();
            items.add(plans.get(w).postingsItem(id));
            byReceipt.put(id, w);
        }
        JsonNode answer;
        try {
            answer = session.write("postings/add-batch/receipts", body);
        } catch (WriteOutcomeUnknownException lost) {
            List<Write<Order>> still = new ArrayList<>();
            for (Write<Order> w : chunk) {
                ReceiptIndex.Entry receipt = index.get(plans.get(w).invoiceNumber()).orElseThrow();
                index.forgetPostings(receipt.date());
                if (index.isBooked(receipt)) {
                    results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(receipt.id()), true));
                } else {
                    still.add(w);
                }
            }
            if (!still.isEmpty() && attempt < MAX_RESENDS) {
                bookChunk(still, plans, results, attempt + 1);
            } else {
                still.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), lost)));
            }
            return;
        } catch (RecordRejectedException wholeBatch) {
            chunk.forEach(w -> bookOne(w, plans, results));
            return;
        } catch (TransientException busy) {
            chunk.forEach(w -> results.put(w, new WriteResult.Failed(w.record().sourceRef(), busy)));
            return;
        }
        for (JsonNode error : answer.path("errors")) {
            Write<Order> w = byReceipt.get(error.path("request_data").path("receipt_id_by_customer").asText());
            if (w != null) {
                results.put(w, new WriteResult.Failed(w.record().sourceRef(), itemError(error, w, true)));
            }
        }
        for (Map.Entry<String, Write<Order>> e : byReceipt.entrySet()) {
            if (!results.containsKey(e.getValue())) {
                index.markBooked(e.getKey());
                results.put(e.getValue(), new WriteResult.Written(e.getValue().record().sourceRef(), ref(e.getKey()), true));
            }
        }
    }

    private void bookOne(Write<Order> w, Map<Write<Order>, ReceiptPlan> plans, Map<Write<Order>, WriteResult> results) {
        String id = index.get(plans.get(w).invoiceNumber()).orElseThrow().id();
        ObjectNode body = plans.get(w).postingsItem(id);
        body.put("api_key", session.settings().apiKey().reveal());
        try {
            session.write("postings/add/receipt", body);
            index.markBooked(id);
            results.put(w, new WriteResult.Written(w.record().sourceRef(), ref(id), true));
        } catch (RecordRejectedException e) {
            results.put(w, new WriteResult.Failed(w.record().sourceRef(), fieldOf(e, w, true)));
        } catch (TransientException e) {
            results.put(w, new WriteResult.Failed(w.record().sourceRef(), e));
        }
    }

    // ------------------------------------------------------------------ errors

    private static PossyncException itemError(JsonNode error, Write<Order> w, boolean posting) {
        RecordRejectedException e = RecordRejectedException.builder("BuchhaltungsButler refused it (error "
                        + error.path("error_code").asText("?") + "): " + error.path("message").asText(""))
                .vendorCode(error.path("error_code").asText("")).build();
        return fieldOf(e, w, posting);
    }

    /**
     * The order field a BuchhaltungsButler error code names (codes are per endpoint: the receipt's, or
     * the posting's), so the rejection says which.
     */
    private static RecordRejectedException fieldOf(RecordRejectedException e, Write<Order> w, boolean posting) {
        String field = posting ? switch (e.vendorCode().orElse("")) {
            case "17", "18", "19", "20", "21", "22", "24", "25", "26", "27", "28", "29", "42" -> "lines.taxRate";
            case "31" -> "postingtext";
            case "35", "37", "38" -> "totals.gross";
            case "8", "43" -> "customer";
            default -> null;
        } : switch (e.vendorCode().orElse("")) {
            case "17" -> "counterparty";
            case "18" -> "invoice_number";
            case "19" -> "createdAt";
            case "20", "37", "38" -> "totals.gross";
            case "21" -> "currency";
            case "24", "25", "43" -> "customer";
            case "22", "26", "27", "28" -> "lines.taxRate";
            default -> null;
        };
        RecordRejectedException.Builder b = e.toBuilder().record(w.record().sourceRef());
        if (field != null && e.fieldPath().isEmpty()) {
            b.fieldPath(field);
        }
        return b.build();
    }

    private static Ref ref(String id) {
        return new Ref(BuchhaltungsButler.SYSTEM, EntityType.ORDER, id);
    }

}

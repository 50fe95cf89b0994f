package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Order;
import io.possync.api.Payment;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.api.http.ApiRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The payments of invoiced orders as customer payment journal lines ({@code customerPayments}, the
 * documented way to register payments through the standard API — FACTS.md §3.13), one journal per
 * payment method as the settings map them (cash in the cash journal, card payments in the bank
 * journal). Lines are written before their invoices and found again by the order number in
 * {@code externalDocumentNumber}, so a retry never enters a payment twice; posting the journals is
 * left to the bookkeeper. Thread-safe.
 */
public final class PaymentLines {

    /**
     * A payment credits the customer's account, so its journal line amount is negative (Business
     * Central's convention for payment journal lines; for the API entity UNCONFIRMED — change it here).
     */
    static final BigDecimal PAYMENT_SIGN = BigDecimal.ONE.negate();

    private final BusinessCentralSession session;
    private final ReferenceCodes codes;
    private final Map<String, String> journals;

    public PaymentLines(BusinessCentralSession session) {
        this.session = session;
        this.codes = new ReferenceCodes(session);
        this.journals = session.settings().bookkeeping().paymentJournals();
    }

    /** Whether payments are entered at all (a payment journal is mapped). */
    public boolean enabled() {
        return !journals.isEmpty();
    }

    /**
     * Enters the payments of the creates among {@code writes}; returns, by index, the writes whose
     * payments could not be entered (those invoices must not be written yet).
     */
    public Map<Integer, WriteResult> enter(List<Write<Order>> writes, String customerIdField, String customerNumberField) {
        Map<Integer, WriteResult> failed = new LinkedHashMap<>();
        if (!enabled()) {
            return failed;
        }
        record Line(int write, String journalId, String number, ObjectNode body) {
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!(writes.get(i) instanceof Write.Create<Order> create)) {
                continue;
            }
            Order order = create.record().record();
            ObjectNode fields = create.record().fields();
            List<Payment> payments = order.payments();
            try {
                for (int k = 0; k < payments.size(); k++) {
                    Payment p = payments.get(k);
                    if (p.amount().signum() == 0) {
                        continue;
                    }
                    String code = journals.get(p.method().toLowerCase(Locale.ROOT));
                    if (code == null) {
                        throw RecordRejectedException.builder("payment method '" + p.method() + "' has no payment journal; map it"
                                + " with paymentJournal(\"" + p.method() + "\", code)").record(order.sourceRef())
                                .fieldPath("payments[" + k + "].method").build();
                    }
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    if (fields.hasNonNull(customerIdField)) {
                        body.put("customerId", fields.get(customerIdField).asText());
                    } else if (fields.hasNonNull(customerNumberField)) {
                        body.put("customerNumber", fields.get(customerNumberField).asText());
                    }
                    body.put("postingDate", order.createdAt().toString().substring(0, 10))
                            .put("externalDocumentNumber", order.number())
                            .put("description", (p.method() + " payment " + order.number()).substring(0,
                                    Math.min(100, (p.method() + " payment " + order.number()).length())))
                            .put("amount", p.amount().multiply(PAYMENT_SIGN));
                    lines.add(new Line(i, codes.id("customerPaymentJournals", code, "paymentJournal"), order.number(), body));
                }
            } catch (RecordRejectedException e) {
                failed.put(i, new WriteResult.Failed(order.sourceRef(), e));
            }
        }
        lines.removeIf(l -> failed.containsKey(l.write()));
        // Lines entered by an earlier attempt (whose invoice was not written, or whose answer was lost) are not entered again.
        Map<String, Set<String>> existing = existing(lines.stream().collect(Collectors.groupingBy(Line::journalId,
                LinkedHashMap::new, Collectors.mapping(Line::number, Collectors.toSet()))));
        List<Line> pending = lines.stream().filter(l -> !existing.get(l.journalId()).contains(l.number())).toList();
        for (int from = 0; from < pending.size(); from += 100) {
            List<Line> chunk = pending.subList(from, Math.min(pending.size(), from + 100));
            List<BusinessCentralSession.BatchOp> ops = chunk.stream().map(l -> new BusinessCentralSession.BatchOp("POST",
                    session.companyPath() + "/customerPaymentJournals(" + l.journalId() + ")/customerPayments", Optional.empty(),
                    (JsonNode) l.body())).toList();
            try {
                List<JsonNode> answers = session.batch(ops);
                for (int k = 0; k < chunk.size(); k++) {
                    if (!BatchResults.succeeded(answers.get(k))) {
                        int write = chunk.get(k).write();
                        failed.putIfAbsent(write, BatchResults.failed(writes.get(write).record().sourceRef(),
                                BatchResults.error(answers.get(k))));
                    }
                }
            } catch (TransientException | RecordRejectedException e) {
                PossyncException error = e;
                chunk.forEach(l -> failed.putIfAbsent(l.write(), BatchResults.failed(writes.get(l.write()).record().sourceRef(), error)));
            }
        }
        return failed;
    }

    /**
     * The order numbers among {@code numbersByJournal} each journal has lines for already: lookups of 40
     * numbers each (an answer within one page), all of them in one {@code $batch} per 100 lookups.
     */
    private Map<String, Set<String>> existing(Map<String, Set<String>> numbersByJournal) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        List<String> journalOf = new ArrayList<>();
        List<ApiRequest> lookups = new ArrayList<>();
        numbersByJournal.forEach((journalId, numbers) -> {
            found.put(journalId, new HashSet<>());
            List<String> all = new ArrayList<>(numbers);
            for (int i = 0; i < all.size(); i += 40) {
                String in = all.subList(i, Math.min(all.size(), i + 40)).stream().map(BusinessCentralSession::literal)
                        .collect(Collectors.joining(","));
                lookups.add(BusinessCentralSession.inFilter(session.companyPath() + "/customerPaymentJournals(" + journalId
                        + ")/customerPayments", "externalDocumentNumber in (" + in + ")").query("$select", "externalDocumentNumber").build());
                journalOf.add(journalId);
            }
        });
        List<JsonNode> answers = session.lookups(lookups);
        for (int k = 0; k < answers.size(); k++) {
            Set<String> into = found.get(journalOf.get(k));
            answers.get(k).path("value").forEach(r -> into.add(r.path("externalDocumentNumber").asText()));
        }
        return found;
    }
}

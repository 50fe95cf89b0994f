package io.possync.connector.buchhaltungsbutler.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's outgoing receipts by invoice number, and which of them are booked (have postings).
 *
 * <p>{@code /receipts/get} filters by one invoice number per call, which would cost a request per
 * order; instead the first lookup lists every outgoing receipt once (500 per request) and each later
 * one only those changed since the last ({@code date_since_last_modified}, minus an overlap). Whether a
 * receipt has postings is read from {@code /postings/get} for its date, once per date, and only for
 * receipts that exist already. Thread-safe.
 */
public final class ReceiptIndex {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int POSTING_PAGE = 1000;

    /** A receipt: its id, date and amount. */
    public record Entry(String id, LocalDate date, java.math.BigDecimal amount) {
    }

    private final BuchhaltungsButlerSession session;
    private final Map<String, Entry> byNumber = new HashMap<>();
    private final Map<LocalDate, Set<String>> bookedByDate = new HashMap<>();
    private final Set<String> booked = new HashSet<>();
    private LocalDateTime loadedUpTo;

    public ReceiptIndex(BuchhaltungsButlerSession session) {
        this.session = session;
    }

    /** Reads what changed since the last refresh (everything, the first time). */
    public synchronized void refresh() {
        LocalDateTime started = LocalDateTime.ofInstant(session.settings().connection().timeSource().now(), session.settings().zone());
        int pageSize = session.settings().connection().pageSize();
        ObjectNode query = session.body().put("list_direction", "outbound").put("limit", pageSize);
        if (loadedUpTo != null) {
            query.put("date_since_last_modified", loadedUpTo.minus(session.settings().indexOverlap()).format(STAMP));
        }
        for (int offset = 0; ; offset += pageSize) {
            JsonNode page = session.read("receipts/get", query.deepCopy().put("offset", offset));
            for (JsonNode r : page.path("data")) {
                if (r.path("deleted").asText("0").equals("0")) {
                    byNumber.put(r.path("invoicenumber").asText(), new Entry(r.path("id_by_customer").asText(),
                            LocalDate.parse(r.path("date").asText().substring(0, 10)), new java.math.BigDecimal(r.path("amount").asText("0"))));
                }
            }
            if (page.path("data").size() < pageSize) {
                break;
            }
        }
        loadedUpTo = started;
    }

    /** The receipt with this invoice number, as of the last refresh. */
    public synchronized Optional<Entry> get(String invoiceNumber) {
        return Optional.ofNullable(byNumber.get(invoiceNumber));
    }

    /** Whether the receipt has postings; reads its date's postings the first time a date is asked for. */
    public synchronized boolean isBooked(Entry receipt) {
        if (booked.contains(receipt.id())) {
            return true;
        }
        return bookedByDate.computeIfAbsent(receipt.date(), this::readBooked).contains(receipt.id());
    }

    /** Forgets what is known about postings on {@code date}, so the next question reads them again. */
    public synchronized void forgetPostings(LocalDate date) {
        bookedByDate.remove(date);
    }

    /** Records that this connection booked the receipt. */
    public synchronized void markBooked(String receiptId) {
        booked.add(receiptId);
    }

    private Set<String> readBooked(LocalDate date) {
        Set<String> ids = new HashSet<>();
        ObjectNode query = session.body().put("date_from", date.toString()).put("date_to", date.toString()).put("limit", POSTING_PAGE);
        for (int offset = 0; ; offset += POSTING_PAGE) {
            JsonNode page = session.read("postings/get", query.deepCopy().put("offset", offset));
            for (JsonNode p : page.path("data")) {
                if (p.hasNonNull("receipt_id_by_customer")) {
                    ids.add(p.get("receipt_id_by_customer").asText());
                }
            }
            if (page.path("data").size() < POSTING_PAGE) {
                return ids;
            }
        }
    }
}

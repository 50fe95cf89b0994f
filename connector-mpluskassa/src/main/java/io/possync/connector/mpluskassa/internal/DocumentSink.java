package io.possync.connector.mpluskassa.internal;

import io.possync.connector.mpluskassa.MplusKassa;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.connector.mpluskassa.MplusSettings;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writing an order into MplusKASSA as one of its three documents (FACTS.md §5–§7), each keyed by the
 * source's number in its own external id, which MplusKASSA keeps unique:
 * <ul>
 *   <li>{@link Kind#ORDER}: {@code createOrder}, {@code extOrderId}; looked up 100 per request with
 *       {@code getOrdersByExtOrderIds};</li>
 *   <li>{@link Kind#INVOICE}: {@code saveInvoice}, {@code extInvoiceId}; looked up with {@code findInvoice};</li>
 *   <li>{@link Kind#PROPOSAL} (an offer): {@code saveProposal}, {@code extProposalId}; MplusKASSA has no
 *       lookup by that id, so an {@code EXT-PROPOSAL-ID-ALREADY-EXISTS} answer is resolved by reading the
 *       proposals by sync marker.</li>
 * </ul>
 * The three share lines (article number, quantity with decimal places, price in cents incl. or excl. VAT,
 * discount) and, except proposals, payments. Children are written in each type's schema order.
 */
public final class DocumentSink {

    /** The document an order becomes. */
    public enum Kind {
        ORDER("createOrder", "order", "orderId", "extOrderId", "CREATE-ORDER-RESULT"),
        INVOICE("saveInvoice", "invoice", "invoiceId", "extInvoiceId", "SAVE-INVOICE-RESULT"),
        PROPOSAL("saveProposal", "proposal", "proposalId", "extProposalId", "SAVE-PROPOSAL-RESULT");

        final String operation;
        final String element;
        final String idField;
        final String extField;
        final String resultPrefix;

        Kind(String operation, String element, String idField, String extField, String resultPrefix) {
            this.operation = operation;
            this.element = element;
            this.idField = idField;
            this.extField = extField;
            this.resultPrefix = resultPrefix;
        }
    }

    private static final int LOOKUP_CHUNK = 100;

    private final MplusSession session;
    private final Kind kind;

    public DocumentSink(MplusSession session, Kind kind) {
        this.session = session;
        this.kind = kind;
    }

    /** The default mapping: the external id, a reference, the customer's relation and the products' article numbers. */
    public MappingDefaults defaults() {
        MappingDefaults.Builder b = MappingDefaults.builder("mpluskassa " + kind.element + "s")
                .field(MappableField.text(kind.extField).alwaysWritten().describe("the source's order number; how the "
                        + kind.element + " is found again"), "number")
                .field(MappableField.text("reference").maxLength(50), "$substring('possync ' & number, 0, 50)")
                .field(MappableField.text("relationNumber").describe("the customer's relation; 0 or none: anonymous"),
                        "links.customerId")
                .field(MappableField.text("vatMethod").describe("VAT-METHOD-INCLUSIVE or VAT-METHOD-EXCLUSIVE: whether line prices"
                        + " include VAT"), "pricesIncludeTax ? 'VAT-METHOD-INCLUSIVE' : 'VAT-METHOD-EXCLUSIVE'")
                .field(MappableField.list("lines").asRequired().describe("lines: articleNumber (default: the products flow's link,"
                        + " else the SKU), sku, text (≤ 250), quantity, price, discount; amounts sent in cents"),
                        "[lines.{'articleNumber': ($n := $lookup($$.links.products, sku); $n ? $n : sku), 'sku': sku,"
                                + " 'text': $substring(description, 0, 250), 'quantity': quantity, 'price': unitPrice, 'discount': discount}]");
        if (kind != Kind.PROPOSAL) { // an offer is not paid
            b.field(MappableField.list("payments").describe("payments: method (a MplusKASSA payment method code; map it with a"
                    + " value map), amount"), "[payments.{'method': method, 'amount': amount}]");
        }
        return b.build();
    }

    /** The documents with these numbers as external id. */
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<String, NaturalKey> byNumber = new LinkedHashMap<>();
        keys.stream().filter(k -> k.type() == KeyType.ORDER_NUMBER).forEach(k -> byNumber.put(k.value(), k));
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        switch (kind) {
            case ORDER -> {
                List<String> numbers = new ArrayList<>(byNumber.keySet());
                for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
                    Xml.El ids = Xml.el("extOrderIds");
                    numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK)).forEach(n -> ids.add("id", n));
                    Element answer = session.read(Xml.el("getOrdersByExtOrderIds").add(Xml.el("request").add(ids)));
                    for (Element list : Xml.children(answer, "orderList")) {
                        for (Element o : Xml.children(list, "order")) {
                            NaturalKey key = byNumber.get(Xml.text(o, "extOrderId").orElse(""));
                            if (key != null) {
                                found.put(key, ref(Xml.text(o, "orderId").orElse("")));
                            }
                        }
                    }
                }
            }
            case INVOICE -> byNumber.forEach((number, key) -> findInvoice(number).ifPresent(ref -> found.put(key, ref)));
            case PROPOSAL -> {
                Map<String, String> all = proposalIdsByExtId();
                byNumber.forEach((number, key) -> Optional.ofNullable(all.get(number)).ifPresent(id -> found.put(key, ref(id))));
            }
        }
        return found;
    }

    private Optional<Ref> findInvoice(String ext) {
        Element answer = session.read(Xml.el("findInvoice").add("extInvoiceId", ext));
        return Xml.child(answer, "invoice").flatMap(i -> Xml.text(i, "invoiceId")).map(this::ref);
    }

    private Map<String, String> proposalIdsByExtId() {
        Map<String, String> out = new LinkedHashMap<>();
        long marker = 0;
        while (true) {
            Element answer = session.read(Xml.el("getProposals").add(Xml.el("request").add("syncMarker", marker).add("syncMarkerLimit", 500)));
            int n = 0;
            for (Element list : Xml.children(answer, "proposalList")) {
                for (Element p : Xml.children(list, "proposal")) {
                    Xml.text(p, "extProposalId").ifPresent(ext -> out.put(ext, Xml.text(p, "proposalId").orElse("")));
                    marker = Math.max(marker, Xml.longValue(p, "syncMarker").orElse(marker));
                    n++;
                }
            }
            if (n < 500) {
                return out;
            }
        }
    }

    /** Writes the order as this kind's document and returns it; an existing external id is read back, not written twice. */
    public Ref create(MappedRecord<Order> record) {
        Order order = record.record();
        ObjectNode f = record.fields();
        String ext = f.path(kind.extField).asText(order.number());
        Element answer = session.write(Xml.el(kind.operation).add(document(order, f, ext)));
        String result = MplusSession.result(answer);
        if (result.equals(kind.resultPrefix + "-OK")) {
            return ref(Xml.child(answer, "info").flatMap(i -> Xml.text(i, kind.idField)).orElse(""));
        }
        if (result.endsWith("-ID-ALREADY-EXISTS")) {
            return findAll(List.of(NaturalKey.orderNumber(ext))).values().stream().findFirst().orElseThrow(() ->
                    RecordRejectedException.builder("MplusKASSA says " + kind.extField + " " + ext + " exists but does not find it")
                            .record(order.sourceRef()).fieldPath("number").build());
        }
        throw RecordRejectedException.builder("MplusKASSA refused the " + kind.element + " (" + result + "): "
                        + Xml.text(answer, "errorMessage").orElse("no message"))
                .record(order.sourceRef()).vendorCode(result).build();
    }

    private Xml.El document(Order order, ObjectNode f, String ext) {
        MplusSettings s = session.settings();
        int branch = s.branchOf(order.store());
        Xml.El d = Xml.el(kind.element);
        if (kind == Kind.ORDER) {
            d.add("orderId", "").add("extOrderId", ext).add("orderType", s.orderType()).add("entryBranchNumber", branch);
        } else if (kind == Kind.INVOICE) {
            d.add("extInvoiceId", ext).add("invoiceType", "INVOICE-TYPE-INVOICE");
        } else {
            d.add("extProposalId", ext).add("proposalType", "PROPOSAL-TYPE-PROPOSAL");
        }
        d.add("employeeNumber", s.employeeNumber()).add(MplusDates.dateTime("entryTimestamp", order.createdAt(), s.zone()));
        relationNumber(f).ifPresent(n -> d.add("relationNumber", n));
        d.add(MplusDates.date("financialDate", LocalDate.ofInstant(order.createdAt(), s.zone())))
                .add("financialBranchNumber", branch).add("workplaceNumber", s.workplaceNumber());
        if (kind != Kind.ORDER) {
            d.add("entryBranchNumber", branch);
        }
        boolean inclusive = !f.path("vatMethod").asText("VAT-METHOD-INCLUSIVE").equals("VAT-METHOD-EXCLUSIVE");
        d.add("reference", f.path("reference").asText(null))
                .add("vatMethod", f.path("vatMethod").asText(inclusive ? "VAT-METHOD-INCLUSIVE" : "VAT-METHOD-EXCLUSIVE"))
                .add(lines(order, f.path("lines"), inclusive));
        if (kind != Kind.PROPOSAL) {
            d.add(payments(order, f.path("payments")));
        }
        return d;
    }

    private static Optional<Long> relationNumber(ObjectNode f) {
        String v = f.path("relationNumber").asText("");
        // A flow's default debtor "0" means: no relation (an anonymous sale).
        return v.matches("\\d{1,18}") && Long.parseLong(v) > 0 ? Optional.of(Long.parseLong(v)) : Optional.empty();
    }

    /** The mapped lines, amounts in cents and quantities with their decimal places. */
    private static Xml.El lines(Order order, JsonNode lines, boolean inclusive) {
        Xml.El list = Xml.el("lineList");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String article = line.path("articleNumber").asText("");
            if (!article.matches("\\d{1,18}")) {
                throw reject(order, "lines[" + i + "].articleNumber", "'" + line.path("sku").asText(article) + "' is no MplusKASSA"
                        + " article number (digits only); add the products flow's links (.products(mplus.articles())) or map the SKU"
                        + " to a number");
            }
            long[] quantity = Unscaled.quantity(decimal(order, "lines[" + i + "]", line, "quantity", BigDecimal.ONE));
            Xml.El data = Xml.el("data").add("quantity", quantity[0]).add("decimalPlaces", quantity[1])
                    .add(inclusive ? "price" : "priceExcl", cents(order, "lines[" + i + "].price", decimal(order, "lines[" + i + "]", line, "price", BigDecimal.ZERO)));
            BigDecimal discount = decimal(order, "lines[" + i + "]", line, "discount", BigDecimal.ZERO);
            if (discount.signum() != 0) {
                data.add(inclusive ? "discountAmount" : "discountAmountExcl", cents(order, "lines[" + i + "].discount", discount));
            }
            String text = line.path("text").asText("");
            list.add(Xml.el("line").add("articleNumber", Long.parseLong(article))
                    .add("text", text.length() <= 250 ? text : text.substring(0, 250)).add(data));
        }
        return list;
    }

    private static Xml.El payments(Order order, JsonNode payments) {
        Xml.El list = Xml.el("paymentList");
        for (int i = 0; i < payments.size(); i++) {
            JsonNode p = payments.get(i);
            list.add(Xml.el("payment").add("method", p.path("method").asText(""))
                    .add("amount", cents(order, "payments[" + i + "].amount", decimal(order, "payments[" + i + "]", p, "amount", BigDecimal.ZERO))));
        }
        return list;
    }

    private static BigDecimal decimal(Order order, String path, JsonNode node, String field, BigDecimal absent) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isMissingNode() || v.isNull()) {
            return absent;
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw reject(order, path + "." + field, "the mapping gave " + field + " no number");
        }
    }

    private static long cents(Order order, String field, BigDecimal amount) {
        return Unscaled.cents(amount).orElseThrow(() -> reject(order, field, amount.toPlainString()
                + " has more than two decimals; MplusKASSA keeps amounts in cents"));
    }

    private static RecordRejectedException reject(Order order, String field, String reason) {
        return RecordRejectedException.builder(reason).record(order.sourceRef()).fieldPath(field).build();
    }

    private Ref ref(String id) {
        return new Ref(MplusKassa.SYSTEM, EntityType.ORDER, id);
    }
}

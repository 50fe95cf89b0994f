package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.MplusSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The till's sales: MplusKASSA receipts (FACTS.md §6) as a source of orders of kind
 * {@code INVOICE} — what a shop means by its POS sales, unlike {@link MplusOrders}, which are orders
 * entered for later delivery. Read by sync marker with their lines ({@code getReceipts}); sales and
 * credit receipts (returns, with negative quantities read as negative prices) are read, cash in- and
 * outflows and payment-method transfers are not. A receipt's number is its branch, workplace, year and
 * number ({@code 1-2-2026-1042}); its relation, when it has one, is read once per connection and becomes
 * the order's customer.
 *
 * <pre>{@code
 * Flow.orders("till-to-erp").from(mplus.receipts()).to(bc.salesInvoices()).kind(OrderKind.INVOICE)
 *         .customers(bc.customers()).products(bc.items()).defaultDebtor("CASH").build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusReceipts extends MplusCapability implements Source<Order> {

    private final MplusRelations relations;
    /** The receipt types of the WSDL (v67.1.3). */
    private static final java.util.Set<String> RECEIPT_TYPES = new java.util.TreeSet<>(List.of("RECEIPT-TYPE-RECEIPT",
            "RECEIPT-TYPE-CREDIT-RECEIPT", "RECEIPT-TYPE-CASH-INFLOW", "RECEIPT-TYPE-CASH-OUTFLOW", "RECEIPT-TYPE-PAYMENT-METHOD-TRANSFER"));

    private final SyncMarkerFeed<Order> feed;
    private final Map<String, Optional<Customer>> customers = new ConcurrentHashMap<>();

    MplusReceipts(MplusSession session, MplusRelations relations) {
        super(session);
        this.relations = relations;
        this.feed = new SyncMarkerFeed<>(EntityType.ORDER, (marker, limit) -> {
            Element answer = session.read(request(marker, limit, Optional.empty()));
            List<SyncMarkerFeed.Marked<Order>> rows = new ArrayList<>();
            for (Element list : Xml.children(answer, "receiptList")) {
                for (Element r : Xml.children(list, "receipt")) {
                    rows.add(new SyncMarkerFeed.Marked<>(SyncMarkerFeed.marker(r), Xml.text(r, "receiptId").orElse(""),
                            () -> convert(r)));
                }
            }
            return rows;
        });
    }

    private static Xml.El request(long marker, int limit, Optional<String> receiptId) {
        Xml.El r = Xml.el("request");
        if (receiptId.isEmpty()) {
            r.add("syncMarker", marker).add("syncMarkerLimit", limit);
        }
        r.add(Xml.el("articlePluNumbers")).add(Xml.el("articleBarcodes"));
        receiptId.ifPresent(id -> r.add("receiptIds", id));
        return Xml.el("getReceipts").add(r.add("includeLineList", true));
    }

    private Optional<Order> convert(Element receipt) {
        String type = Xml.text(receipt, "receiptType").orElse("");
        if (!RECEIPT_TYPES.contains(type)) {
            throw io.possync.api.internal.Unreadable.value("receiptType", type, "one of " + String.join(", ", RECEIPT_TYPES));
        }
        if (!type.equals("RECEIPT-TYPE-RECEIPT") && !type.equals("RECEIPT-TYPE-CREDIT-RECEIPT")) {
            return Optional.empty(); // cash in- and outflows and transfers are no sales
        }
        Optional<Customer> customer = Xml.text(receipt, "relationNumber").filter(n -> !n.equals("0"))
                .flatMap(n -> customers.computeIfAbsent(n, relations::fetch));
        return Optional.of(MplusConverters.receipt(receipt, customer, session.settings().currency(), session.settings().zone()));
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().connection().pageSize()));
    }

    @Override
    public Optional<Order> fetch(String receiptId) {
        Element answer = session.read(request(0, 1, Optional.of(receiptId)));
        for (Element list : Xml.children(answer, "receiptList")) {
            for (Element r : Xml.children(list, "receipt")) {
                if (Xml.text(r, "receiptId").orElse("").equals(receiptId)) {
                    return convert(r);
                }
            }
        }
        return Optional.empty();
    }

}

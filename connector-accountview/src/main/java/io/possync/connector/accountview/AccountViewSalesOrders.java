package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.FieldMode;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.Jsonata;
import io.possync.connector.accountview.internal.Tables;
import io.possync.connector.accountview.internal.WriteBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders as AccountView sales orders ({@code SO1}: {@code SO_HDR} with {@code SO_LINE}s): invoice and
 * delivery debtor the customer's link, the source's order number in {@code COMMENT1} — how the order is
 * found again (PROPOSAL P-9) — one line per order line on its article ({@code ART_CODE}, the SKU, which
 * must exist in AccountView: checked in one read per page), the unit price, the lines' discounts as
 * the order's discount ({@code PD_AMT}), and shipping costs as a line on the settings' shipping article (an order with shipping costs and no
 * such article is a rejection naming the setting). Order, delivery and invoice date: the order's date.
 * AccountView's own order number ({@code ORD_NR}, PROPOSAL P-10) is the ref when it answers one. As a
 * source, the sales orders with their status (PROPOSAL P-17), for status flows.
 *
 * <pre>{@code
 * Flow.orders("web-orders").from(lightspeed.sales()).to(accountView.salesOrders())
 *         .customers(accountView.debtors()).defaultDebtor("10000").build();
 * }</pre>
 * Thread-safe.
 */
public final class AccountViewSalesOrders extends AccountViewOrderSink implements io.possync.api.Source<Order> {

    private final MappingDefaults defaults;

    AccountViewSalesOrders(AccountViewSession session) {
        super(session, "SO1", "SO_HDR", "COMMENT1");
        AccountViewSettings s = session.settings();
        String shipping = s.shippingArticle().map(a -> ", shipping.cost > 0 ? [{'ART_CODE': " + Jsonata.quote(a)
                + ", 'ORD_QTY': 1, 'ART_PX': shipping.cost}] : []").orElse(", []");
        this.defaults = MappingDefaults.builder("accountview sales orders")
                .field(MappableField.text("COMMENT1").alwaysWritten().describe("the source's order number; how the order is found again"),
                        "number")
                .field(MappableField.text("RPL_INV").describe("invoice debtor: the customer's link"), "links.customerId")
                .field(MappableField.text("RPL_DEL").describe("delivery debtor: the customer's link"), "links.customerId")
                .field(MappableField.text("TO_EMAIL"), "customer.email")
                .field(MappableField.number("PD_AMT").describe("discount amount on the order: the lines' discounts"),
                        "$sum(lines.discount) > 0 ? $sum(lines.discount)")
                .mappable(MappableField.text("DEL_CODE").describe("a delivery address (DEL_ADDR.REC_ID)"))
                .field(MappableField.list("lines").asRequired().describe("SO_LINE rows: ART_CODE (the SKU), ORD_QTY, ART_PX (unit price;"
                                + " the discounts are PD_AMT); shipping costs a line on the settings' shippingArticle"),
                        "$append([lines.{'ART_CODE': sku, 'ORD_QTY': quantity, 'ART_PX': unitPrice}]" + shipping + ")",
                        FieldMode.CREATE_ONLY)
                .build();
    }

    /**
     * Sales orders changed since {@code CNG_DATE}, with their lines, as orders whose status the settings'
     * status field gives (PROPOSAL P-17) — for a status flow back to where the orders came from:
     * {@code Flow.orderStatus("erp-status").from(accountView.salesOrders()).to(lightspeed.sales())}.
     */
    @Override
    public io.possync.api.Page<Order> changesSince(io.possync.api.Cursor cursor, int limit) {
        io.possync.connector.accountview.internal.ChangedSincePages position = io.possync.connector.accountview.internal.ChangedSincePages.of(cursor);
        int size = session.settings().connection().pageSize();
        Tables t = session.read(position.query("SO1", "ORD_NR", size, session.settings().overlap()));
        List<ObjectNode> headers = t.of("SO_HDR");
        List<Order> orders = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (ObjectNode h : headers) {
            String id = h.path("ORD_NR").asText("");
            try {
                orders.add(io.possync.connector.accountview.internal.AccountViewConverters.salesOrder(h,
                        t.of("SO_LINE").stream().filter(l -> l.path("ORD_NR").asText("").equals(id)).toList(), session.settings()));
            } catch (RuntimeException e) {
                unreadable.add(io.possync.api.internal.Unreadable.record(ref(id.isEmpty() ? "(no ORD_NR)" : id), e));
            }
        }
        boolean full = headers.size() >= size;
        return new io.possync.api.Page<>(orders, unreadable, position.after(headers, full).cursor(), full);
    }

    @Override
    public Optional<Order> fetch(String ordNr) {
        Tables t = session.read(io.possync.connector.accountview.internal.DataQuery.of("SO1").equal("ORD_NR", ordNr).page(1, 1, "ORD_NR"));
        return t.of("SO_HDR").stream().findFirst().map(h -> io.possync.connector.accountview.internal.AccountViewConverters.salesOrder(h,
                t.of("SO_LINE").stream().filter(l -> l.path("ORD_NR").asText("").equals(ordNr)).toList(), session.settings()));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    Optional<String> idOf(ObjectNode headerRow) {
        return Optional.ofNullable(headerRow.path("ORD_NR").asText(null)).filter(n -> !n.isBlank());
    }

    @Override
    List<String> articles(MappedRecord<Order> record) {
        List<String> out = new ArrayList<>();
        record.fields().path("lines").forEach(l -> out.add(text(l, "ART_CODE")));
        return out;
    }

    @Override
    String articlePath(int index) {
        return "lines[" + index + "].ART_CODE";
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        Order order = record.record();
        JsonNode f = record.fields();
        Ref src = order.sourceRef();
        String number = text(f, "COMMENT1");
        if (number.isEmpty()) {
            throw RecordRejectedException.builder("COMMENT1 (the order number) is empty").record(src).fieldPath("COMMENT1").build();
        }
        if (order.shipping().map(sh -> sh.cost().signum() > 0).orElse(false) && session.settings().shippingArticle().isEmpty()) {
            throw RecordRejectedException.builder("the order has shipping costs of " + order.shipping().get().cost().toPlainString()
                    + " and the settings name no shippingArticle to put them on").record(src).fieldPath("shipping.cost").build();
        }
        String debtor = text(f, "RPL_INV");
        if (debtor.isEmpty()) {
            throw RecordRejectedException.builder("the order has no debtor (RPL_INV): add the customers flow's debtors or a default"
                    + " debtor").record(src).fieldPath("RPL_INV").build();
        }
        WriteBody.Row header = new WriteBody.Row().dateTime("INV_DATE", order.createdAt()).text("RPL_INV", debtor)
                .dateTime("DEL_DATE", order.createdAt()).text("COMMENT1", number).dateTime("ORD_DATE", order.createdAt())
                .text("RPL_DEL", text(f, "RPL_DEL").isEmpty() ? debtor : text(f, "RPL_DEL")).text("TO_EMAIL", text(f, "TO_EMAIL"));
        if (f.hasNonNull("PD_AMT") && decimal(order, "PD_AMT", f.get("PD_AMT")).signum() != 0) {
            header.number("PD_AMT", decimal(order, "PD_AMT", f.get("PD_AMT")));
        }
        if (!text(f, "DEL_CODE").isEmpty()) {
            header.text("DEL_CODE", text(f, "DEL_CODE"));
        }
        List<WriteBody.Row> lines = new ArrayList<>();
        JsonNode mapped = f.path("lines");
        for (int i = 0; i < mapped.size(); i++) {
            JsonNode l = mapped.get(i);
            String at = "lines[" + i + "].";
            lines.add(new WriteBody.Row().dateTime("DEL_DATE", order.createdAt()).text("ART_CODE", text(l, "ART_CODE"))
                    .number("ORD_QTY", decimal(order, at + "ORD_QTY", l.path("ORD_QTY")))
                    .number("ART_PX", decimal(order, at + "ART_PX", l.path("ART_PX")).setScale(4, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()));
        }
        if (lines.isEmpty()) {
            throw RecordRejectedException.builder("the order has no lines").record(src).fieldPath("lines").build();
        }
        Tables written = session.write("POST", WriteBody.of("SO1", order.createdAt(), "SO_HDR", header, "SO_LINE", lines));
        return ref(written.of("SO_HDR").stream().findFirst().flatMap(this::idOf).orElse(number));
    }
}

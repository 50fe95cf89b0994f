package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Ref;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.MplusSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders in MplusKASSA (FACTS.md §5). As a sink, {@code createOrder} with {@code extOrderId} = the
 * source's order number — MplusKASSA keeps it unique — on the settings' branch, workplace and
 * employee: lines by article number (the flow's product links, else a numeric SKU), quantities with
 * their decimal places, prices in cents (including or excluding VAT as the order has them), payments
 * by method; a flow's default debtor {@code "0"} enters anonymous orders without a relation. Before any
 * create the numbers are looked up ({@code getOrdersByExtOrderIds}, 100 per request), so an order
 * whose answer was lost is found instead of entered twice; an {@code EXT-ORDER-ID-ALREADY-EXISTS}
 * answer is read back the same way. Orders are not changed after entry. As a source,
 * {@code getOrders} by sync marker with their lines: the orders entered in MplusKASSA (for the
 * till's own sales, see {@link MplusReceipts}).
 *
 * <p>As an order-status sink, {@code SHIPPED} and {@code COMPLETED} deliver the order ({@code deliverOrder}) and
 * {@code CANCELLED} cancels it ({@code cancelOrder}); an order already delivered or cancelled is left as it is. A payment
 * is not a status in MplusKASSA ({@code payOrder} takes the amounts), so {@code PAID}, {@code OPEN} and {@code REFUNDED} are refused:
 * leave them out with the flow's {@code StatusMap}.
 *
 * <pre>{@code
 * Flow.orders("webshop-to-till").from(shop.orders()).to(mplus.orders())
 *         .customers(mplus.relations()).products(mplus.articles()).build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusOrders extends MplusDocumentSink implements Source<Order>, io.possync.api.OrderStatusSink {

    private final SyncMarkerFeed<Order> feed;

    MplusOrders(MplusSession session) {
        super(session, DocumentSink.Kind.ORDER, "order");
        this.feed = new SyncMarkerFeed<>(EntityType.ORDER, (marker, limit) -> {
            Element answer = session.read(Xml.el("getOrders").add(Xml.el("request").add("syncMarker", marker).add("syncMarkerLimit", limit)
                    .add(Xml.el("articlePluNumbers")).add(Xml.el("articleBarcodes")).add("includeLineList", true)));
            List<SyncMarkerFeed.Marked<Order>> rows = new ArrayList<>();
            for (Element list : Xml.children(answer, "orderList")) {
                for (Element o : Xml.children(list, "order")) {
                    rows.add(SyncMarkerFeed.Marked.of(SyncMarkerFeed.marker(o), Xml.text(o, "orderId").orElse(""),
                            () -> MplusConverters.order(o, session.settings().currency(), session.settings().zone())));
                }
            }
            return rows;
        });
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().connection().pageSize()));
    }

    @Override
    public Optional<Order> fetch(String id) {
        Element answer = session.read(Xml.el("getOrder").add("orderId", id));
        return Xml.child(answer, "order").filter(o -> MplusSession.result(answer).endsWith("-OK"))
                .map(o -> MplusConverters.order(o, session.settings().currency(), session.settings().zone()));
    }

    @Override
    public void writeStatus(Ref order, io.possync.api.OrderStatus status) {
        switch (status) {
            case SHIPPED, COMPLETED -> {
                Element answer = session.write(Xml.el("deliverOrder").add(Xml.el("request").add("orderId", order.id())));
                String result = MplusSession.result(answer);
                if (!result.equals("DELIVER-ORDER-RESULT-OK") && !result.equals("DELIVER-ORDER-RESULT-ALREADY-DELIVERED")) {
                    throw refused(order, status, result, Xml.text(answer, "errorMessage").orElse(""));
                }
            }
            case CANCELLED -> {
                Element answer = session.write(Xml.el("cancelOrder").add("orderId", order.id()));
                String result = MplusSession.result(answer);
                if (!result.equals("CANCEL-ORDER-RESULT-OK") && !result.equals("CANCEL-ORDER-RESULT-ALREADY-CANCELLED")) {
                    throw refused(order, status, result, Xml.text(answer, "message").orElse(""));
                }
            }
            case PAID, OPEN, REFUNDED -> throw io.possync.api.RecordRejectedException.builder("MplusKASSA has no order status " + status
                    + ": payments and refunds go through payOrder with their amounts; leave " + status + " out with the flow's StatusMap")
                    .record(order).fieldPath("status").build();
        }
    }

    private static io.possync.api.RecordRejectedException refused(Ref order, io.possync.api.OrderStatus status, String result, String message) {
        return io.possync.api.RecordRejectedException.builder("MplusKASSA refused " + status + " for order " + order.id() + ": " + result
                + (message.isBlank() ? "" : " (" + message + ")")).record(order).fieldPath("status").vendorCode(result).build();
    }
}

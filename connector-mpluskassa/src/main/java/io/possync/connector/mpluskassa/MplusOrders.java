package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Page;
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
 * <pre>{@code
 * Flow.orders("webshop-to-till").from(shop.orders()).to(mplus.orders())
 *         .customers(mplus.relations()).products(mplus.articles()).build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusOrders extends MplusDocumentSink implements Source<Order> {

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

}

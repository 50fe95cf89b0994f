package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.SoapSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orders in MplusKASSA (REFERENCE §5). As a sink, {@code createOrder} with {@code extOrderId} = the
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
public final class MplusOrders implements Source<Order>, Sink<Order>, Metered {

    private final SoapSession session;
    private final SyncMarkerFeed<Order> feed;
    private final DocumentSink documents;
    private final MappingDefaults defaults;

    MplusOrders(SoapSession session) {
        this.session = session;
        this.documents = new DocumentSink(session, DocumentSink.Kind.ORDER);
        this.defaults = documents.defaults();
        this.feed = new SyncMarkerFeed<>((marker, limit) -> {
            Element answer = session.read(Xml.el("getOrders").add(Xml.el("request").add("syncMarker", marker).add("syncMarkerLimit", limit)
                    .add(Xml.el("articlePluNumbers")).add(Xml.el("articleBarcodes")).add("includeLineList", true)));
            List<SyncMarkerFeed.Marked<Order>> rows = new ArrayList<>();
            for (Element list : Xml.children(answer, "orderList")) {
                for (Element o : Xml.children(list, "order")) {
                    rows.add(new SyncMarkerFeed.Marked<>(Xml.longValue(o, "syncMarker").orElse(0L), Xml.text(o, "orderId").orElse(""),
                            MplusConverters.order(o, session.settings().currency(), session.settings().zone())));
                }
            }
            return rows;
        });
    }

    @Override
    public String system() {
        return SoapSession.SYSTEM;
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().pageSize()));
    }

    @Override
    public Optional<Order> fetch(String id) {
        Element answer = session.read(Xml.el("getOrder").add("orderId", id));
        return Xml.child(answer, "order").filter(o -> SoapSession.result(answer).endsWith("-OK"))
                .map(o -> MplusConverters.order(o, session.settings().currency(), session.settings().zone()));
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    /** The orders with these numbers as {@code extOrderId}, 100 per request. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return documents.findAll(keys);
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        return documents.create(record);
    }

    /** An order in MplusKASSA is not changed after it was entered. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is order " + target.id()
                + " in MplusKASSA already; entered orders are not changed").record(record.sourceRef()).build();
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

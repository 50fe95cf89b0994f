package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Source;
import io.possync.api.internal.Unreadable;
import io.possync.connector.winstore.internal.ArticleIndex;
import io.possync.connector.winstore.internal.ChangedSince;
import io.possync.connector.winstore.internal.OrderRecords;
import io.possync.connector.winstore.internal.WinstoreNames;
import io.possync.connector.winstore.internal.WinstoreNames.Operation;
import io.possync.connector.winstore.internal.WinstoreNames.Query;
import io.possync.connector.winstore.internal.WinstoreSession;
import io.possync.connector.winstore.internal.WireRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Orders entered in Winstore (the till's sales, web orders) as a source — through
 * {@code GetOrderChangesByDate}, an operation no public source confirms (PROPOSAL, README
 * "UNCONFIRMED"); available only when the settings switch it on ({@code orderFeed}). Orders are read
 * from the latest change seen, in order of change, optionally only those in one status
 * ({@code orderFeedStatus}); each carries its customer (e-mail and invoice address) and positions whose
 * GTINs become the SKUs the article source reads them under.
 *
 * <pre>{@code
 * Winstore winstore = Winstore.connect(settings.toBuilder().orderFeed(true).build());
 * Flow.orders("winstore-sales").from(winstore.orderFeed()).to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).defaultDebtor("CASH").build();
 * }</pre>
 * Thread-safe.
 */
public final class WinstoreOrderFeed extends WinstoreCapability implements Source<Order> {

    private final ArticleIndex index;
    private final WinstoreArticles articles;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    WinstoreOrderFeed(WinstoreSession session, ArticleIndex index, WinstoreArticles articles) {
        super(session);
        this.index = index;
        this.articles = articles;
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        ChangedSince from = ChangedSince.of(cursor, ChangedSince.BEGINNING);
        List<WireRecord> rows = read(from.since());
        learnProducts(rows);
        ChangedSince.Taken taken = from.take(rows, WinstoreNames.Order.MODIFIED, r -> r.text(WinstoreNames.Order.NUMBER).orElse(""));
        List<Order> orders = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (WireRecord r : taken.fresh()) {
            ChangedSince.modified(r, WinstoreNames.Order.MODIFIED)
                    .ifPresent(t -> lastSeen.put(r.text(WinstoreNames.Order.NUMBER).orElse(""), t));
            convert(r, orders, unreadable);
        }
        return new Page<>(orders, unreadable, taken.next().cursor(),
                !taken.fresh().isEmpty() && rows.size() >= session.settings().connection().pageSize());
    }

    private List<WireRecord> read(Instant since) {
        String date = new ChangedSince(since, java.util.Set.of()).date(session.settings().zone());
        return session.settings().orderFeedStatus().isPresent()
                ? session.read(Operation.ORDERS_CHANGED, Query.DATE, date, Query.STATUS, session.settings().orderFeedStatus().get())
                : session.read(Operation.ORDERS_CHANGED, Query.DATE, date);
    }

    /** Reads every supplier's articles once when a position names a product this connection has not seen. */
    private void learnProducts(List<WireRecord> rows) {
        boolean unknown = rows.stream().flatMap(r -> r.list(WinstoreNames.Order.POSITIONS).stream())
                .map(p -> p.text(WinstoreNames.Order.PRODUCT_ID).orElse(""))
                .anyMatch(id -> !id.isEmpty() && index.sold(id).isEmpty());
        if (unknown) {
            articles.learnAll();
        }
    }

    private void convert(WireRecord r, List<Order> orders, List<RecordRejectedException> unreadable) {
        try {
            orders.add(OrderRecords.order(r, session.settings(), index));
        } catch (RuntimeException e) {
            unreadable.add(Unreadable.record(new Ref(Winstore.SYSTEM, EntityType.ORDER,
                    r.text(WinstoreNames.Order.NUMBER).orElse("(no ordernr)")), e));
        }
    }

    /** The order {@code ordernr} as Winstore has it now: read from its last known change (or from the beginning). */
    @Override
    public Optional<Order> fetch(String ordernr) {
        List<WireRecord> rows = read(lastSeen.getOrDefault(ordernr, ChangedSince.BEGINNING));
        learnProducts(rows);
        return rows.stream().filter(r -> r.text(WinstoreNames.Order.NUMBER).filter(ordernr::equals).isPresent())
                .reduce((first, second) -> second).map(r -> OrderRecords.order(r, session.settings(), index));
    }
}

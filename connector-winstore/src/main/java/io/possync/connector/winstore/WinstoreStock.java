package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.internal.Unreadable;
import io.possync.connector.winstore.internal.ArticleIndex;
import io.possync.connector.winstore.internal.ChangedSince;
import io.possync.connector.winstore.internal.WinstoreConverters;
import io.possync.connector.winstore.internal.WinstoreNames.Operation;
import io.possync.connector.winstore.internal.WinstoreNames.Query;
import io.possync.connector.winstore.internal.WinstoreNames.Stock;
import io.possync.connector.winstore.internal.WinstoreSession;
import io.possync.connector.winstore.internal.WireRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Winstore's stock as a source: one level per article, its SKU the article number, summed over its
 * GTINs (variants) and over all warehouses, or over the settings' {@code warehouses} only (read per
 * warehouse with {@code GetChangedStockWithWarehouse?outOfStock=1}) — what a target that keeps one stock per item (Business
 * Central's standard API) can take. Changes come from {@code GetChangedStock} from the latest change
 * seen; an article of which only some variants changed is read whole with
 * {@code GetStock?type=byArtikelKey} (a simple article, or one whose every variant changed, needs no
 * second read). Stock rows name articles by internal key only, so the article number comes from the
 * article answers this connection read; an article it has not seen makes it read every supplier's
 * articles once. There is no stock write in Winstore's API, so this is no sink.
 *
 * <pre>{@code
 * Flow.stock("winstore-stock").from(winstore.stock()).to(businessCentral.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class WinstoreStock extends WinstoreCapability implements StockSource {

    private final ArticleIndex index;
    private final WinstoreArticles articles;
    private final Set<String> notInAnySupplier = java.util.concurrent.ConcurrentHashMap.newKeySet();

    WinstoreStock(WinstoreSession session, ArticleIndex index, WinstoreArticles articles) {
        super(session);
        this.index = index;
        this.articles = articles;
    }

    /** Yes: Winstore's stock rows carry a reserved quantity. */
    @Override
    public boolean knowsReservations() {
        return true;
    }
    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        ChangedSince from = ChangedSince.of(cursor, ChangedSince.BEGINNING);
        List<WireRecord> rows = read(from);
        ChangedSince.Taken taken = from.take(rows, Stock.MODIFIED, WinstoreStock::rowKey);
        Map<String, List<WireRecord>> changed = new LinkedHashMap<>();
        taken.fresh().forEach(r -> changed.computeIfAbsent(r.text(Stock.ARTICLE_KEY).orElse(""), k -> new ArrayList<>()));
        ChangedSince position = taken.next();
        Map<String, List<WireRecord>> answered = rows.stream().collect(Collectors.groupingBy(r -> r.text(Stock.ARTICLE_KEY).orElse("")));
        learnUnknown(changed.keySet());
        List<StockLevel> levels = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (String key : changed.keySet()) {
            try {
                levels.addAll(levels(key, answered.getOrDefault(key, List.of())));
            } catch (RecordRejectedException e) {
                unreadable.add(e.withRecord(new Ref(Winstore.SYSTEM, EntityType.STOCK_LEVEL, key.isEmpty() ? "(no artkey)" : key)));
            }
        }
        boolean more = !changed.isEmpty() && rows.size() >= session.settings().connection().pageSize();
        return new Page<>(levels, unreadable, position.cursor(), more);
    }

    /** The changed rows since {@code from}: totals, or the selected warehouses' rows. */
    private List<WireRecord> read(ChangedSince from) {
        return read(from.date(session.settings().zone()));
    }

    private List<WireRecord> read(String date) {
        Set<Integer> warehouses = session.settings().warehouses();
        if (warehouses.isEmpty()) {
            return session.read(Operation.STOCK_CHANGED, Query.DATE, date);
        }
        return session.read(Operation.STOCK_CHANGED_PER_WAREHOUSE, Query.DATE, date, Query.OUT_OF_STOCK, "1").stream()
                .filter(r -> r.text(Stock.WAREHOUSE).map(w -> warehouses.contains(Integer.valueOf(w))).orElse(false)).toList();
    }

    /**
     * The article's level, or its variants' levels with {@code stockPerVariant}: from the answer's rows when they cover all
     * its GTINs (in every selected warehouse), else read whole.
     */
    private List<StockLevel> levels(String key, List<WireRecord> answered) {
        if (key.isEmpty()) {
            throw Unreadable.missing(Stock.ARTICLE_KEY);
        }
        ArticleIndex.Entry article = index.get(key).orElseThrow(() -> RecordRejectedException.builder("article " + key
                + " is in no article answer of Winstore, so its number is unknown").fieldPath(Stock.ARTICLE_KEY).build());
        Set<Integer> warehouses = session.settings().warehouses();
        if (warehouses.isEmpty()) {
            Set<String> answeredGtins = answered.stream().map(r -> r.text(Stock.GTIN).orElse("")).collect(Collectors.toSet());
            List<WireRecord> rows = !article.gtins().isEmpty() && answeredGtins.containsAll(article.gtins()) ? answered
                    : session.read(Operation.STOCK, Query.TYPE, Query.BY_ARTICLE_KEY, Query.ARTICLE_KEY, key);
            return levels(key, article, rows, "all");
        }
        Set<String> answeredCells = answered.stream().map(r -> r.text(Stock.GTIN).orElse("") + "@" + r.text(Stock.WAREHOUSE).orElse(""))
                .collect(Collectors.toSet());
        boolean covered = !article.gtins().isEmpty() && article.gtins().stream()
                .allMatch(g -> warehouses.stream().allMatch(w -> answeredCells.contains(g + "@" + w)));
        // A warehouse's rows of an article are only read whole from the first change on: there is no per-article read by warehouse.
        List<WireRecord> rows = covered ? answered : read(new ChangedSince(ChangedSince.BEGINNING, Set.of())).stream()
                .filter(r -> r.text(Stock.ARTICLE_KEY).filter(key::equals).isPresent()).toList();
        return levels(key, article, rows, warehouses.stream().sorted().map(String::valueOf).collect(Collectors.joining("+")));
    }

    private List<StockLevel> levels(String key, ArticleIndex.Entry article, List<WireRecord> rows, String location) {
        List<StockLevel> levels = session.settings().stockPerVariant()
                ? WinstoreConverters.stockPerVariant(key, rows, gtin -> index.sold(gtin).map(ArticleIndex.Sold::sku))
                : List.of(WinstoreConverters.stock(key, article.number(), rows));
        return levels.stream().map(l -> new StockLevel(l.sourceRef(), l.sku(), location, l.onHand(), l.reserved(), l.available(),
                l.modifiedAt(), l.raw())).toList();
    }

    /** Reads every supplier's articles once when a key is unknown, and not again for keys that read did not find. */
    private void learnUnknown(Set<String> keys) {
        List<String> unknown = keys.stream().filter(k -> !k.isEmpty() && index.get(k).isEmpty() && !notInAnySupplier.contains(k)).toList();
        if (!unknown.isEmpty()) {
            articles.learnAll();
            unknown.stream().filter(k -> index.get(k).isEmpty()).forEach(notInAnySupplier::add);
        }
    }

    @Override
    public Optional<StockLevel> fetch(String id) {
        // A variant's level is "<article key>/<GTIN>" (stockPerVariant), an article's its key.
        String articleKey = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        learnUnknown(Set.of(articleKey));
        Optional<ArticleIndex.Entry> article = index.get(articleKey);
        if (article.isEmpty()) {
            return Optional.empty();
        }
        List<StockLevel> levels;
        if (!session.settings().warehouses().isEmpty()) {
            levels = levels(articleKey, List.of());
        } else {
            List<WireRecord> rows = session.read(Operation.STOCK, Query.TYPE, Query.BY_ARTICLE_KEY, Query.ARTICLE_KEY, articleKey);
            levels = rows.isEmpty() ? List.of() : levels(articleKey, article.get(), rows, "all");
        }
        return levels.stream().filter(l -> l.sourceRef().id().equals(id)).findFirst();
    }

    private static String rowKey(WireRecord r) {
        return r.text(Stock.ARTICLE_KEY).orElse("") + ":" + r.text(Stock.GTIN).orElse("") + r.text(Stock.WAREHOUSE).map(w -> ":" + w).orElse("");
    }
}

package io.possync.connector.winstore.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the connector learned of each article from the article answers: its number and its GTINs.
 * Stock rows name an article by its internal key only (PROPOSAL shape), so a stock level finds its
 * article number (the SKU the target knows) here. Thread-safe.
 */
public final class ArticleIndex {

    /** One article: its number, its supplier (empty when it has none) and the GTINs it is sold under (one per variant, or its own). */
    public record Entry(String number, Optional<String> supplier, Set<String> gtins) {
        public Entry {
            gtins = Set.copyOf(gtins);
        }
    }

    /** What a GTIN is sold as: the SKU possync reads it under and the article's VAT rate (empty when not given). */
    public record Sold(String sku, Optional<String> vatRate) {
    }

    private final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Sold> byGtin = new ConcurrentHashMap<>();

    /** Remembers the article of {@code record} (an article answer's record); a record without key or number is left out. */
    public void learn(WireRecord record) {
        Optional<String> key = record.text(WinstoreNames.Article.KEY);
        Optional<String> number = record.text(WinstoreNames.Article.NUMBER);
        if (key.isEmpty() || number.isEmpty()) {
            return;
        }
        java.util.Set<String> gtins = new java.util.LinkedHashSet<>();
        record.text(WinstoreNames.Article.GTIN).ifPresent(gtins::add);
        record.list(WinstoreNames.Article.VARIANTS).forEach(v -> v.text(WinstoreNames.Article.GTIN).ifPresent(gtins::add));
        byKey.put(key.get(), new Entry(number.get(), record.text(WinstoreNames.Article.SUPPLIER_ID), gtins));
        Optional<String> rate = record.text(WinstoreNames.Article.VAT_RATE);
        record.text(WinstoreNames.Article.GTIN).ifPresent(g -> byGtin.put(g, new Sold(number.get(), rate)));
        byGtin.put(number.get(), new Sold(number.get(), rate));
        for (WireRecord v : record.list(WinstoreNames.Article.VARIANTS)) {
            v.text(WinstoreNames.Article.GTIN).ifPresent(g -> byGtin.put(g, new Sold(WinstoreConverters.variantSku(number.get(), v), rate)));
        }
    }

    /** The article with internal key {@code key}, if an answer has shown it. */
    public Optional<Entry> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** What a position's {@code product_id} (a GTIN or an article number) is sold as, if an article answer showed it. */
    public Optional<Sold> sold(String productId) {
        return Optional.ofNullable(byGtin.get(productId));
    }

    /** How many articles are known. */
    public int size() {
        return byKey.size();
    }
}

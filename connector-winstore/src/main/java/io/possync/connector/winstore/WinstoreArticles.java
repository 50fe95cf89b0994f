package io.possync.connector.winstore;

import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Source;
import io.possync.api.internal.Unreadable;
import io.possync.connector.winstore.internal.ArticleIndex;
import io.possync.connector.winstore.internal.ChangedSince;
import io.possync.connector.winstore.internal.WinstoreConverters;
import io.possync.connector.winstore.internal.WinstoreNames.Article;
import io.possync.connector.winstore.internal.WinstoreNames.Operation;
import io.possync.connector.winstore.internal.WinstoreNames.Query;
import io.possync.connector.winstore.internal.WinstoreNames.Supplier;
import io.possync.connector.winstore.internal.WinstoreSession;
import io.possync.connector.winstore.internal.WireRecord;
import io.possync.api.Ref;
import io.possync.api.EntityType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Winstore's articles as a source of products. The first read loads everything supplier by supplier
 * ({@code GetSuppliers}, then {@code GetArticleDataBySupplierId} per supplier: one page each), as an
 * integrator advises against one huge call; from then on {@code GetArticleDataChangesByDate} from the
 * latest change seen (see the README on how the cursor overlaps and drops what it delivered). An
 * article is a SIMPLE product, or a CONFIGURABLE one followed by its variants (at most 30, each a
 * VARIANT with its {@code size} and {@code colour}); its group is its category, its one image its
 * {@code imageUrls}, {@code active} says published or draft; supplier and brand are kept as custom
 * field and feature.
 *
 * <pre>{@code
 * Flow.products("winstore-articles").from(winstore.articles()).to(businessCentral.items()).build();
 * }</pre>
 *
 * <p>Articles without a supplier are not in the first load; they arrive when they next change.
 * Thread-safe.
 */
public final class WinstoreArticles extends WinstoreCapability implements Source<Product> {

    private static final String FULL = "full:";

    private final ArticleIndex index;

    WinstoreArticles(WinstoreSession session, ArticleIndex index) {
        super(session);
        this.index = index;
    }

    @Override
    public Page<Product> changesSince(Cursor cursor, int limit) {
        if (cursor.isInitial()) {
            Instant started = session.settings().connection().timeSource().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            List<String> suppliers = suppliers();
            return fullLoad(new ChangedSince(started, java.util.Set.of()), suppliers);
        }
        if (cursor.value().startsWith(FULL)) {
            String[] parts = cursor.value().substring(FULL.length()).split(";", 2);
            List<String> remaining = parts.length < 2 || parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(","));
            return fullLoad(ChangedSince.of(Cursor.of(parts[0]), ChangedSince.BEGINNING), remaining);
        }
        return changed(ChangedSince.of(cursor, ChangedSince.BEGINNING));
    }

    private List<String> suppliers() {
        return session.read(Operation.SUPPLIERS).stream().map(s -> s.text(Supplier.ID)).flatMap(Optional::stream).toList();
    }

    /**
     * One supplier's articles; then the next supplier's, and after the last the changes since the load
     * began. {@code position} starts at the second the load began and takes in the articles delivered
     * that changed since, so the first changed-since read does not deliver them again.
     */
    private Page<Product> fullLoad(ChangedSince position, List<String> suppliers) {
        if (suppliers.isEmpty()) {
            return new Page<>(List.of(), position.cursor(), false);
        }
        List<WireRecord> rows = session.read(Operation.ARTICLES_OF_SUPPLIER, Query.SUPPLIER_ID, suppliers.get(0));
        List<Product> products = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (WireRecord r : rows) {
            convert(r, products, unreadable);
            Optional<Instant> at = ChangedSince.modified(r, Article.MODIFIED);
            if (at.isPresent() && !at.get().isBefore(position.since())) {
                position = position.after(r.version(r.text(Article.KEY).orElse("")), at.get());
            }
        }
        List<String> rest = suppliers.subList(1, suppliers.size());
        Cursor next = rest.isEmpty() ? position.cursor() : Cursor.of(FULL + position.cursor().value() + ";" + String.join(",", rest));
        return new Page<>(products, unreadable, next, !rest.isEmpty());
    }

    private Page<Product> changed(ChangedSince from) {
        List<WireRecord> rows = session.read(Operation.ARTICLES_CHANGED, Query.DATE, from.date(session.settings().zone()));
        ChangedSince.Taken taken = from.take(rows, Article.MODIFIED, r -> r.text(Article.KEY).orElse(""));
        List<Product> products = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        taken.fresh().forEach(r -> convert(r, products, unreadable));
        // An answer as long as the page size may have been cut short by the server; one that brought nothing new was not.
        return new Page<>(products, unreadable, taken.next().cursor(),
                !taken.fresh().isEmpty() && rows.size() >= session.settings().connection().pageSize());
    }

    private void convert(WireRecord r, List<Product> products, List<RecordRejectedException> unreadable) {
        index.learn(r);
        try {
            products.addAll(WinstoreConverters.article(r, session.settings()));
        } catch (RuntimeException e) {
            // One article in a shape we cannot read; the rest of the answer goes on.
            unreadable.add(Unreadable.record(new Ref(Winstore.SYSTEM, EntityType.PRODUCT, r.text(Article.KEY).orElse("(no artkey)")), e));
        }
    }

    /** Reads every supplier's articles to learn their numbers and GTINs (for stock rows of articles not seen yet). */
    void learnAll() {
        for (String supplier : suppliers()) {
            session.read(Operation.ARTICLES_OF_SUPPLIER, Query.SUPPLIER_ID, supplier).forEach(index::learn);
        }
    }

    /**
     * The product {@code id} ({@code artkey}, or {@code artkey/gtin} for a variant) as Winstore has it now:
     * Winstore reads articles only per supplier, so this reads the article's supplier (known from an
     * earlier answer), or every supplier when the article was not seen yet.
     */
    @Override
    public Optional<Product> fetch(String id) {
        String key = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        List<String> suppliers = index.get(key).flatMap(ArticleIndex.Entry::supplier).map(List::of).orElseGet(this::suppliers);
        for (String supplier : suppliers) {
            for (WireRecord r : session.read(Operation.ARTICLES_OF_SUPPLIER, Query.SUPPLIER_ID, supplier)) {
                index.learn(r);
                if (r.text(Article.KEY).filter(key::equals).isPresent()) {
                    return WinstoreConverters.article(r, session.settings()).stream()
                            .filter(p -> p.sourceRef().id().equals(id)).findFirst();
                }
            }
        }
        return Optional.empty();
    }
}

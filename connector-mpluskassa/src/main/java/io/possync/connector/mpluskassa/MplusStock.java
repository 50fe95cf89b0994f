package io.possync.connector.mpluskassa;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.UpdateSink;
import io.possync.connector.mpluskassa.internal.MplusSession;
import io.possync.connector.mpluskassa.internal.Unscaled;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stock of the settings' branch and of the shops' branches ({@code branchOfShop}, FACTS.md §8). As a
 * source: the stock mutations after the last {@code stockId} seen in those branches
 * ({@code getStockHistoryV2}), then the current free and reserved amounts of the articles they touched
 * ({@code getStock}, one request per branch), one level per article and branch (location = the shop
 * mapped to the branch, else the branch number; SKU = the article number). As a sink, a level is set in
 * its location's branch. As an update-only sink: {@code setStock} sets an article's absolute amount
 * with the settings' employee and a reference, because {@code updateStock} takes a delta that a retry
 * after a lost answer would apply twice; an article MplusKASSA does not hold stock for is a rejection.
 *
 * <pre>{@code
 * Flow.stock("erp-stock-to-till").from(erp.stock()).to(mplus.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusStock extends MplusCapability implements StockSource, UpdateSink<StockLevel> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("mpluskassa stock")
            .field(MappableField.number("amount").alwaysWritten().describe("the branch's absolute stock (setStock)"), "quantity")
            .build();

    private final MplusArticles articles;

    MplusStock(MplusSession session, MplusArticles articles) {
        super(session);
        this.articles = articles;
    }


    /** Yes: getStock answers amountReserved beside amountFree. */
    @Override
    public boolean knowsReservations() {
        return true;
    }
    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        long since = cursor.isInitial() ? 0 : Long.parseLong(cursor.value());
        Xml.El request = Xml.el("request");
        session.settings().stockBranches().forEach(b -> request.add("branchNumbers", b));
        Element history = session.read(Xml.el("getStockHistoryV2").add(request.add("sinceStockId", since).add("sinceStockIdLimit", limit)));
        Map<Integer, Set<String>> touched = new java.util.TreeMap<>();
        long max = since;
        int rows = 0;
        for (Element h : Xml.children(history, "articleStockHistory")) {
            int branch = (int) (long) Xml.longValue(h, "branchNumber").orElse((long) session.settings().branchNumber());
            touched.computeIfAbsent(branch, b -> new LinkedHashSet<>()).add(Xml.text(h, "articleNumber").orElse(""));
            max = Math.max(max, Xml.longValue(h, "stockId").orElse(0L));
            rows++;
        }
        List<StockLevel> levels = new ArrayList<>();
        touched.forEach((branch, articles) -> levels.addAll(levels(branch, articles)));
        return new Page<>(levels, Cursor.of(String.valueOf(max)), rows >= limit);
    }

    private List<StockLevel> levels(int branch, Collection<String> articleNumbers) {
        Xml.El numbers = Xml.el("articleNumbers");
        articleNumbers.forEach(n -> numbers.add("articleNumbers", n));
        Element stock = session.read(Xml.el("getStock").add(Xml.el("request").add("branchNumber", branch).add(numbers)));
        List<StockLevel> out = new ArrayList<>();
        for (Element s : Xml.children(stock, "articleStocks")) {
            String article = Xml.text(s, "articleNumber").orElse("");
            BigDecimal free = Unscaled.toDecimal(Xml.longValue(s, "amountFree").orElse(0L),
                    Xml.text(s, "decimalPlacesFree").map(Integer::parseInt).orElse(0));
            BigDecimal reserved = Unscaled.toDecimal(Xml.longValue(s, "amountReserved").orElse(0L),
                    Xml.text(s, "decimalPlacesReserved").map(Integer::parseInt).orElse(0));
            // UNCONFIRMED: whether amountFree already excludes reservations; read here as on hand.
            out.add(new StockLevel(new Ref(MplusKassa.SYSTEM, EntityType.STOCK_LEVEL, article + "@" + branch), article,
                    session.settings().locationOf(branch), free, reserved.max(BigDecimal.ZERO), free.subtract(reserved.max(BigDecimal.ZERO)),
                    session.settings().connection().timeSource().now(), Optional.empty()));
        }
        return out;
    }

    @Override
    public Optional<StockLevel> fetch(String id) {
        String article = id.contains("@") ? id.substring(0, id.indexOf('@')) : id;
        int branch = id.contains("@") ? Integer.parseInt(id.substring(id.indexOf('@') + 1)) : session.settings().branchNumber();
        return levels(branch, List.of(article)).stream().findFirst();
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        return articles.find(key).map(r -> new Ref(MplusKassa.SYSTEM, EntityType.STOCK_LEVEL, r.id()));
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> out = new LinkedHashMap<>();
        articles.findAll(keys).forEach((k, r) -> out.put(k, new Ref(MplusKassa.SYSTEM, EntityType.STOCK_LEVEL, r.id())));
        return out;
    }

    @Override
    public Ref update(Ref target, MappedRecord<StockLevel> record) {
        BigDecimal amount = record.fields().path("amount").decimalValue();
        long[] q = Unscaled.quantity(amount);
        MplusSettings s = session.settings();
        int branch = s.branchOf(Optional.of(record.record().location()));
        Element answer = session.write(Xml.el("setStock").add(Xml.el("request").add("branchNumber", branch)
                .add("articleNumber", target.id()).add("amount", q[0]).add("decimalPlaces", q[1]).add("employeeNumber", s.employeeNumber())
                .add("reference", "possync " + record.record().sourceRef().id())));
        String result = MplusSession.result(answer);
        if (!result.equals("SET-STOCK-RESULT-OK")) {
            throw RecordRejectedException.builder("MplusKASSA refused the stock (" + result + ")").record(record.sourceRef())
                    .fieldPath(result.contains("NO-STOCK-ARTICLE") || result.contains("ARTICLE-NOT-FOUND") ? "sku" : null)
                    .vendorCode(result).build();
        }
        return target;
    }

}

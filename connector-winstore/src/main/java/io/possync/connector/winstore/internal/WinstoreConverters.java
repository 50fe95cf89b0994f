package io.possync.connector.winstore.internal;

import io.possync.api.CategoryPath;
import io.possync.api.EntityType;
import io.possync.api.Price;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.internal.Unreadable;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.internal.WinstoreNames.Article;
import io.possync.connector.winstore.internal.WinstoreNames.Stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Winstore's records as canonical ones; every value parsed from text here (codes stay text).
 *
 * <p>An article becomes one product, SIMPLE, or CONFIGURABLE followed by one VARIANT per variant
 * record. A variant has no number of its own in Winstore, only its GTIN: its SKU is the article
 * number with its size and colour ({@code 1001-42-black}), or with its GTIN when it has neither, so it
 * reads well as an item variant code.
 */
public final class WinstoreConverters {

    private WinstoreConverters() {
    }

    /**
     * The article's products: itself, then its variants. Its category is the article's {@code categoryField}
     * (Winstore has no category field; the group by default), else {@code defaultCategory} when given.
     */
    public static List<Product> article(WireRecord a, io.possync.connector.winstore.WinstoreSettings settings) {
        String currency = settings.currency();
        String key = required(a, Article.KEY);
        String number = required(a, Article.NUMBER);
        String name = required(a, Article.DESCRIPTION);
        Instant modified = instant(a, Article.MODIFIED).orElseThrow(() -> Unreadable.missing(Article.MODIFIED));
        List<WireRecord> variants = a.list(Article.VARIANTS);
        Optional<Price> price = price(a, currency);
        Map<String, String> features = new LinkedHashMap<>();
        a.text(Article.BRAND).ifPresent(b -> features.put("brand", b));
        for (WireRecord attribute : a.list(Article.ATTRIBUTES)) {
            attribute.text(Article.ATTRIBUTE_NAME).ifPresent(n -> features.put(n, attribute.text(Article.ATTRIBUTE_VALUE).orElse("")));
        }
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("artkey", key);
        a.text(Article.SUPPLIER_ID).ifPresent(v -> custom.put("supplierId", v));
        a.text(Article.SUPPLIER_NAME).ifPresent(v -> custom.put("supplierName", v));
        boolean active = bool(a, Article.ACTIVE).orElse(true);
        Product.Builder parent = Product.builder(new Ref(Winstore.SYSTEM, EntityType.PRODUCT, key), number, modified)
                .name(name).description(a.text(Article.LONG_DESCRIPTION).orElse(null))
                .type(variants.isEmpty() ? ProductType.SIMPLE : ProductType.CONFIGURABLE)
                .ean(variants.isEmpty() ? a.text(Article.GTIN).orElse(null) : null)
                .price(price.orElse(null)).taxClass(a.text(Article.VAT_RATE).map(WinstoreConverters::rate).orElse(null))
                .categories(a.text(settings.categoryField()).or(settings::defaultCategory).map(g -> List.of(CategoryPath.of(g)))
                        .orElse(List.of()))
                .imageUrls(a.text(Article.IMAGE_URL).map(List::of).orElse(List.of()))
                .features(features).published(active).customFields(custom);
        List<Product> out = new ArrayList<>();
        out.add(parent.build());
        for (int i = 0; i < variants.size(); i++) {
            out.add(variant(a, variants.get(i), i, number, name, modified, price, active, currency));
        }
        return out;
    }

    private static Product variant(WireRecord article, WireRecord v, int index, String number, String name, Instant modified,
                                   Optional<Price> articlePrice, boolean articleActive, String currency) {
        String field = Article.VARIANTS + "[" + index + "]";
        Map<String, String> axes = new LinkedHashMap<>();
        v.text(Article.VARIANT_SIZE).ifPresent(s -> axes.put("size", s));
        v.text(Article.VARIANT_COLOUR).ifPresent(c -> axes.put("colour", c));
        Optional<String> gtin = v.text(Article.GTIN);
        if (axes.isEmpty() && gtin.isEmpty()) {
            throw Unreadable.missing(field + "." + Article.GTIN);
        }
        String suffix = suffix(v);
        Optional<Price> price = decimal(v, Article.PRICE_INCL, field + "." + Article.PRICE_INCL)
                .map(p -> new Price(p, currency, true)).or(() -> articlePrice);
        String key = article.text(Article.KEY).orElseThrow();
        return Product.builder(new Ref(Winstore.SYSTEM, EntityType.PRODUCT, key + "/" + gtin.orElse(suffix)), number + "-" + suffix, modified)
                .name(name + " " + String.join(" ", axes.values())).type(ProductType.VARIANT).parentSku(number)
                .ean(gtin.orElse(null)).price(price.orElse(null))
                .taxClass(article.text(Article.VAT_RATE).map(WinstoreConverters::rate).orElse(null))
                .attributes(axes).published(articleActive && bool(v, Article.ACTIVE).orElse(true))
                .customFields(Map.of("artkey", key)).build();
    }

    /** The SKU of a variant of article {@code number}: the number with its size and colour, or with its GTIN when it has neither. */
    public static String variantSku(String number, WireRecord v) {
        return number + "-" + suffix(v);
    }

    private static String suffix(WireRecord v) {
        List<String> axes = new ArrayList<>();
        v.text(Article.VARIANT_SIZE).ifPresent(axes::add);
        v.text(Article.VARIANT_COLOUR).ifPresent(axes::add);
        return axes.isEmpty() ? v.text(Article.GTIN).orElse("") : String.join("-", axes);
    }

    /**
     * One article's stock: the sum of its rows ({@code rows}: one per GTIN, and per warehouse when the
     * answer has them), under the article number.
     */
    public static StockLevel stock(String articleKey, String articleNumber, List<WireRecord> rows) {
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        Instant modified = Instant.EPOCH;
        for (int i = 0; i < rows.size(); i++) {
            WireRecord r = rows.get(i);
            String at = "stock[" + i + "].";
            BigDecimal q = decimal(r, Stock.QUANTITY, at + Stock.QUANTITY).orElse(BigDecimal.ZERO);
            BigDecimal res = decimal(r, Stock.RESERVED, at + Stock.RESERVED).orElse(BigDecimal.ZERO);
            onHand = onHand.add(q);
            reserved = reserved.add(res.max(BigDecimal.ZERO));
            available = available.add(decimal(r, Stock.AVAILABLE, at + Stock.AVAILABLE).orElse(q.subtract(res)));
            Instant m = instant(r, Stock.MODIFIED).orElse(Instant.EPOCH);
            modified = m.isAfter(modified) ? m : modified;
        }
        return new StockLevel(new Ref(Winstore.SYSTEM, EntityType.STOCK_LEVEL, articleKey), articleNumber, "all", onHand, reserved,
                available, modified, Optional.empty());
    }

    /**
     * One article's stock per variant: a level per GTIN of {@code rows} (summed over warehouses), under the SKU {@code skuOf}
     * gives the GTIN (the variant's, or the article number for its own GTIN); a GTIN no article answer showed is unreadable.
     */
    public static List<StockLevel> stockPerVariant(String articleKey, List<WireRecord> rows,
                                                   java.util.function.Function<String, Optional<String>> skuOf) {
        Map<String, List<WireRecord>> byGtin = new LinkedHashMap<>();
        for (WireRecord r : rows) {
            byGtin.computeIfAbsent(r.text(Stock.GTIN).orElseThrow(() -> Unreadable.missing(Stock.GTIN)), g -> new ArrayList<>()).add(r);
        }
        List<StockLevel> levels = new ArrayList<>();
        byGtin.forEach((gtin, ofGtin) -> {
            String sku = skuOf.apply(gtin).orElseThrow(() -> Unreadable.value(Stock.GTIN, gtin, "a GTIN of the article's variants"));
            StockLevel sum = stock(articleKey + "/" + gtin, sku, ofGtin);
            levels.add(sum);
        });
        return levels;
    }

    /** The field's time stamp (ATOM, with offset). */
    public static Optional<Instant> instant(WireRecord r, String field) {
        Optional<String> text = r.text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw Unreadable.value(field, text.get(), "a time stamp with offset (2026-03-01T10:15:00+01:00)");
        }
    }

    private static Optional<Price> price(WireRecord a, String currency) {
        Optional<BigDecimal> incl = decimal(a, Article.PRICE_INCL, Article.PRICE_INCL);
        if (incl.isPresent()) {
            return Optional.of(new Price(incl.get(), currency, true));
        }
        return decimal(a, Article.PRICE_EXCL, Article.PRICE_EXCL).map(p -> new Price(p, currency, false));
    }

    private static Optional<BigDecimal> decimal(WireRecord r, String name, String field) {
        Optional<String> text = r.text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.get()));
        } catch (NumberFormatException e) {
            throw Unreadable.value(field, text.get(), "a decimal number with '.'");
        }
    }

    private static Optional<Boolean> bool(WireRecord r, String field) {
        Optional<String> text = r.text(field).map(t -> t.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> throw Unreadable.value(field, text.get(), "true or false");
        };
    }

    private static String rate(String vat) {
        try {
            return new BigDecimal(vat).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw Unreadable.value(Article.VAT_RATE, vat, "a VAT percentage");
        }
    }

    private static String required(WireRecord r, String field) {
        return r.text(field).orElseThrow(() -> Unreadable.missing(field));
    }
}

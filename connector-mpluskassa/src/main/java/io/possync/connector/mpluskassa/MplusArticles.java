package io.possync.connector.mpluskassa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.mpluskassa.internal.ArticleGroups;
import io.possync.connector.mpluskassa.internal.MplusConverters;
import io.possync.connector.mpluskassa.internal.MplusSession;
import io.possync.connector.mpluskassa.internal.SyncMarkerFeed;
import io.possync.connector.mpluskassa.internal.Unscaled;
import io.possync.connector.mpluskassa.internal.Xml;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Articles (the sellable SKUs of MplusKASSA's products, FACTS.md §3) as a source of products, by
 * sync marker, and as a sink: {@code createProduct} with one article, {@code updateProduct} for a
 * known one. An article number is digits only ({@code xsd:long}): the mapping's {@code articleNumber}
 * (default: the SKU) must be numeric, else the product is rejected naming the field — unless a value
 * map supplies the number:
 *
 * <pre>{@code
 * Flow.products("erp-to-till").from(erp.items()).to(mplus.articles())
 *         .mapping(m -> m.withValueMap(ValueMap.builder("articleNumbers").row("TEE-RED-M", "100231").build())
 *                 .override("articleNumber", "$contains(sku, /^[0-9]+$/) ? sku : $valueMap('articleNumbers', sku)"))
 *         .build();
 * }</pre>
 *
 * <p>The source's SKU is kept as {@code extArticleId}, and as the PLU number when it is not numeric, so
 * the article is found again by either. A variant ({@code VARIANT} with a parent SKU) becomes one more
 * article of its parent's product, with {@code colour} and {@code size} from its attributes
 * ({@code colour}/{@code color}/{@code kleur}, {@code size}/{@code maat}); its parent, the configurable
 * product, is written first as the product's first article. Categories become article groups (found by
 * name under their parent, created when missing) that the product is put in. Prices go in cents ({@code priceIncl} or {@code priceExcl} as
 * the product's price says); a price with more than two decimals is a rejection, not a rounding. New
 * articles get the settings' turnover group. Thread-safe.
 */
public final class MplusArticles extends MplusCapability implements Source<Product>, Sink<Product>, BatchLookupSink<Product> {

    private final SyncMarkerFeed<Product> feed;
    private final ArticleGroups groups;

    MplusArticles(MplusSession session) {
        super(session);
        this.groups = new ArticleGroups(session);
        this.feed = new SyncMarkerFeed<>(EntityType.PRODUCT, (marker, limit) -> {
            Element answer = session.read(Xml.el("getProducts").add(Xml.el("request").add(Xml.el("pluNumbers"))
                    .add("syncMarker", marker).add("syncMarkerLimit", limit)));
            List<SyncMarkerFeed.Marked<Product>> rows = new ArrayList<>();
            for (Element[] pa : articles(answer)) {
                rows.add(SyncMarkerFeed.Marked.of(SyncMarkerFeed.marker(pa[1]), Xml.text(pa[1], "articleNumber").orElse(""),
                        () -> convert(pa)));
            }
            rows.sort(java.util.Comparator.comparingLong(SyncMarkerFeed.Marked::marker));
            return rows;
        });
    }

    private Product convert(Element[] productAndArticle) {
        return MplusConverters.article(productAndArticle[0], productAndArticle[1], session.settings().currency(), session.settings().zone());
    }

    private static List<Element[]> articles(Element answer) {
        List<Element[]> out = new ArrayList<>();
        for (Element list : Xml.children(answer, "productList")) {
            for (Element product : Xml.children(list, "product")) {
                for (Element articles : Xml.children(product, "articleList")) {
                    for (Element article : Xml.children(articles, "article")) {
                        out.add(new Element[] {product, article});
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Page<Product> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, Math.min(limit, session.settings().connection().pageSize()));
    }

    @Override
    public Optional<Product> fetch(String articleNumber) {
        if (!articleNumber.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Element answer = session.read(Xml.el("getProducts").add(Xml.el("request").add("articleNumbers", articleNumber)
                .add(Xml.el("pluNumbers"))));
        return articles(answer).stream().filter(pa -> Xml.text(pa[1], "articleNumber").orElse("").equals(articleNumber))
                .findFirst().map(this::convert);
    }

    /**
     * The declared article fields; the turnover group of new articles defaults to the settings' one and
     * follows whatever the mapping says, e.g. the product's tax class through a value map:
     * {@code override("turnoverGroup", "$valueMap('turnoverGroups', taxClass)")}.
     */
    @Override
    public MappingDefaults defaultMapping() {
        MappingDefaults.Builder b = MappingDefaults.builder("mpluskassa articles")
                .field(MappableField.text("articleNumber").onCreateOnly().describe("digits only; default: the SKU"), "sku",
                        FieldMode.CREATE_ONLY)
                .field(MappableField.text("description").maxLength(100).asRequired(), "$substring(name, 0, 100)")
                .field(MappableField.text("barcode"), "ean")
                .mappable(MappableField.object("customFields").describe("the article's free fields, name → text (customFieldList),"
                        + " e.g. {'origin': features.origin}"))
                .field(MappableField.bool("stockArticle").describe("whether the till keeps stock of it"),
                        "$not(type = 'VIRTUAL' or stockManaged = false)")
                .field(MappableField.bool("active").describe("inactive while a draft; on create only, unless the mapping writes it on update"), "published", FieldMode.CREATE_ONLY)
                .field(MappableField.text("colour").describe("default: the product's colour attribute"), axis("colour", "Colour", "color",
                        "Color", "kleur", "Kleur", "farbe", "Farbe"))
                .field(MappableField.text("size").describe("default: the product's size attribute"), axis("size", "Size", "maat", "Maat",
                        "groesse", "Groesse"))
                .field(MappableField.number("priceIncl").describe("price including VAT (sent in cents)"),
                        "price.includesTax = true ? price.amount")
                .field(MappableField.number("priceExcl").describe("price excluding VAT (sent in cents), when the price excludes it"),
                        "price.includesTax = false ? price.amount");
        MappableField turnoverGroup = MappableField.number("turnoverGroup").onCreateOnly().describe("the turnover group of a new"
                + " article; default: the settings' turnoverGroup");
        session.settings().turnoverGroup().ifPresentOrElse(g -> b.field(turnoverGroup, String.valueOf(g), FieldMode.CREATE_ONLY),
                () -> b.mappable(turnoverGroup));
        return b.build();
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU);
    }

    /** Numeric SKUs by article number, the others by PLU number; one request each kind. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        List<NaturalKey> skus = keys.stream().filter(k -> k.type() == KeyType.SKU).toList();
        if (skus.isEmpty()) {
            return found;
        }
        Xml.El request = Xml.el("request");
        skus.stream().filter(k -> k.value().matches("\\d{1,18}")).forEach(k -> request.add("articleNumbers", k.value()));
        Xml.El plus = Xml.el("pluNumbers");
        skus.stream().filter(k -> !k.value().matches("\\d{1,18}")).forEach(k -> plus.add(Xml.el("text").add("text", k.value())));
        request.add(plus);
        Element answer = session.read(Xml.el("getProducts").add(request));
        for (Element[] pa : articles(answer)) {
            String number = Xml.text(pa[1], "articleNumber").orElse("");
            for (NaturalKey k : skus) {
                if (k.value().equals(number) || Xml.text(pa[1], "pluNumber").filter(k.value()::equals).isPresent()
                        || Xml.text(pa[1], "extArticleId").filter(k.value()::equals).isPresent()) {
                    found.putIfAbsent(k, ref(number));
                }
            }
        }
        return found;
    }

    @Override
    public Ref create(MappedRecord<Product> record) {
        Product p = record.record();
        String number = record.fields().path("articleNumber").asText(p.sku());
        if (!number.matches("\\d{1,18}")) {
            throw RecordRejectedException.builder("'" + number + "' is no MplusKASSA article number (digits only); map the SKU to a"
                            + " number with a value map and override articleNumber").record(p.sourceRef()).fieldPath("sku").build();
        }
        if (p.type() == ProductType.VARIANT && p.parentSku().isPresent()) {
            return addVariant(record, Long.parseLong(number));
        }
        Xml.El article = article(p, record.fields(), Long.parseLong(number), true);
        Xml.El product = Xml.el("product").add("description", record.fields().path("description").asText(p.name()))
                .add(Xml.el("articleList").add(article));
        groups.ensureAll(p.categories()).forEach(g -> product.add("groupNumbers", g));
        Element answer = session.write(Xml.el("createProduct").add(product));
        String result = MplusSession.result(answer);
        if (!result.equals("CREATE-PRODUCT-RESULT-OK")) {
            throw RecordRejectedException.builder("MplusKASSA refused the article (" + result + "): "
                            + Xml.text(answer, "errorMessage").orElse("no message"))
                    .record(p.sourceRef()).fieldPath(result.contains("ARTICLE-NUMBER") ? "sku" : null).vendorCode(result).build();
        }
        return ref(number);
    }

    @Override
    public Ref update(Ref target, MappedRecord<Product> record) {
        Product p = record.record();
        Element current = session.read(Xml.el("getProducts").add(Xml.el("request").add("articleNumbers", target.id())
                .add(Xml.el("pluNumbers"))));
        Element[] pa = articles(current).stream().filter(x -> Xml.text(x[1], "articleNumber").orElse("").equals(target.id()))
                .findFirst().orElseThrow(() -> RecordRejectedException.builder("article " + target.id() + " is no longer in MplusKASSA")
                        .record(p.sourceRef()).build());
        Xml.El product = Xml.el("product").add("productNumber", Xml.text(pa[0], "productNumber").orElse(null))
                .add("description", record.fields().path("description").asText(p.name()))
                .add(Xml.el("articleList").add(article(p, record.fields(), Long.parseLong(target.id()), false)));
        if (p.type() != ProductType.VARIANT) {
            groups.ensureAll(p.categories()).forEach(g -> product.add("groupNumbers", g));
        }
        Element answer = session.write(Xml.el("updateProduct").add(product));
        String result = MplusSession.result(answer);
        if (!result.equals("UPDATE-PRODUCT-RESULT-OK")) {
            throw RecordRejectedException.builder("MplusKASSA refused the change (" + result + "): "
                    + Xml.text(answer, "errorMessage").orElse("no message")).record(p.sourceRef()).vendorCode(result).build();
        }
        return target;
    }

    /**
     * A variant (size/colour) is one more article of its parent's product (FACTS.md §3: a product
     * groups the articles that differ by {@code colour} and {@code size}); MplusKASSA's "article
     * variants" are packaging variants, not these. The parent must be in MplusKASSA first, else the
     * variant waits in the retry queue.
     */
    private Ref addVariant(MappedRecord<Product> record, long number) {
        Product p = record.record();
        String parentSku = p.parentSku().get();
        Ref parent = find(NaturalKey.sku(parentSku)).orElseThrow(() -> RecordRejectedException.builder("the variant's parent '"
                + parentSku + "' is not in MplusKASSA yet").record(p.sourceRef()).fieldPath("parentSku").build());
        Element current = session.read(Xml.el("getProducts").add(Xml.el("request").add("articleNumbers", parent.id())
                .add(Xml.el("pluNumbers"))));
        String productNumber = articles(current).stream().map(pa -> pa[0]).findFirst().flatMap(e -> Xml.text(e, "productNumber"))
                .orElseThrow(() -> RecordRejectedException.builder("the parent article " + parent.id() + " has no product")
                        .record(p.sourceRef()).fieldPath("parentSku").build());
        Xml.El product = Xml.el("product").add("productNumber", productNumber)
                .add(Xml.el("articleList").add(article(p, record.fields(), number, true)));
        Element answer = session.write(Xml.el("updateProduct").add(product));
        String result = MplusSession.result(answer);
        if (!result.equals("UPDATE-PRODUCT-RESULT-OK")) {
            throw RecordRejectedException.builder("MplusKASSA refused the variant (" + result + "): "
                    + Xml.text(answer, "errorMessage").orElse("no message")).record(p.sourceRef())
                    .fieldPath(result.contains("ARTICLE-NUMBER") ? "sku" : null).vendorCode(result).build();
        }
        return ref(String.valueOf(number));
    }

    /** An {@code Article} element, its children in the schema's order. */
    private Xml.El article(Product p, ObjectNode f, long number, boolean create) {
        Xml.El a = Xml.el("article").add("articleNumber", number).add("extArticleId", p.sku());
        if (!p.sku().matches("\\d{1,18}")) {
            a.add("pluNumber", p.sku());
        }
        // On update "active" goes only when mapped: whether a product is published is not changed by an update.
        // UNCONFIRMED (README): that updateProduct leaves an absent optional element as it was.
        if (create || f.has("active")) {
            a.add("active", f.path("active").asBoolean(p.published()));
        }
        a.add("description", f.path("description").asText(p.name()));
        a.add("colour", f.hasNonNull("colour") ? Optional.of(f.get("colour").asText()) : Optional.empty());
        a.add("size", f.hasNonNull("size") ? Optional.of(f.get("size").asText()) : Optional.empty());
        if (f.hasNonNull("barcode")) {
            a.add("barcode", f.get("barcode").asText());
        }
        if (create && f.hasNonNull("turnoverGroup")) {
            a.add("turnoverGroup", turnoverGroup(p, f.get("turnoverGroup")));
        }
        if (f.hasNonNull("priceIncl")) {
            a.add("priceIncl", cents(p, f.get("priceIncl").decimalValue()));
        } else if (f.hasNonNull("priceExcl")) {
            a.add("priceExcl", cents(p, f.get("priceExcl").decimalValue()));
        }
        if (f.hasNonNull("stockArticle")) {
            a.add("stockArticle", f.get("stockArticle").asBoolean());
        }
        MplusRelations.customFieldList(f.path("customFields")).ifPresent(a::add);
        return a;
    }

    /** The default of a variant axis: the product's attribute under the first of {@code names} it has. */
    private static String axis(String... names) {
        StringBuilder e = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            e.append(i == 0 ? "" : " : ").append("attributes.").append(names[i]).append(" ? attributes.").append(names[i]);
        }
        return e.toString();
    }

    private static long turnoverGroup(Product p, com.fasterxml.jackson.databind.JsonNode value) {
        String text = value.asText();
        if (!text.matches("\\d{1,9}")) {
            throw RecordRejectedException.builder("the turnover group must be a whole number, was '" + text + "'")
                    .record(p.sourceRef()).fieldPath("turnoverGroup").build();
        }
        return Long.parseLong(text);
    }

    private static long cents(Product p, BigDecimal amount) {
        return Unscaled.cents(amount).orElseThrow(() -> RecordRejectedException.builder(amount.toPlainString()
                + " has more than two decimals; MplusKASSA keeps prices in cents").record(p.sourceRef()).fieldPath("price.amount").build());
    }

    private static Ref ref(String articleNumber) {
        return new Ref(MplusKassa.SYSTEM, EntityType.PRODUCT, articleNumber);
    }

}

package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.lightspeed.xseries.internal.VariantFamilies;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * X-Series products as a source: SKU, EAN, name (the variant name for variants), price including or
 * excluding tax as the settings say, supply price as cost, category, variant options as attributes,
 * and a variant's parent SKU from its family's parent product.
 *
 * <p>As a sink it finds products by SKU first. A standard product is created through API 2.0's
 * {@code POST /products} (name, description, SKU, price including or excluding tax as the product's
 * price says, supply price, active, the EAN as a product code, the category — its missing levels
 * created first) and updated through API 2.1 ({@code common}: name, description; {@code details}: SKU,
 * price, supply price, active, EAN). A configurable product and its new variants of one write batch
 * become one variant family in one {@code POST /products} (each variant's SKU, price, supply price,
 * EAN and attribute values as {@code variant_definitions}), read back once by name to pair ids with
 * SKUs; a variant added later joins its family, found by the configurable product's SKU. An update of
 * a configurable product writes the family's {@code common} part (every member takes it), of a variant
 * its own {@code details} (a variant's name is its family's). See {@code internal/VariantFamilies} for
 * what is UNCONFIRMED.
 *
 * <pre>{@code
 * Flow.products("pos-products").from(xseries.products()).to(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesProducts extends XSeriesCapability<Product> implements Source<Product>, Sink<Product> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed x-series products")
            .field(MappableField.text("name").asRequired(), "name")
            .field(MappableField.text("description"), "description")
            .field(MappableField.text("sku"), "sku", FieldMode.CREATE_ONLY)
            .field(MappableField.number("price").describe("written as price_including_tax or price_excluding_tax"), "price.amount")
            .field(MappableField.bool("price_includes_tax").describe("whether price includes tax"), "price.includesTax")
            .field(MappableField.text("ean").describe("written as the product's EAN product code (product_codes, type EAN)"), "ean")
            .field(MappableField.number("supply_price"), "cost.amount", FieldMode.CREATE_ONLY)
            .field(MappableField.text("category").describe("category path, levels separated by '|'; created when missing; on"
                    + " create (API 2.0's product_category_id)"), "categories[0] ? $join(categories[0].segments, '|')", FieldMode.CREATE_ONLY)
            .field(MappableField.bool("active").describe("inactive while a draft; on create only, unless the mapping writes it on update"), "published", FieldMode.CREATE_ONLY)
            .field(MappableField.object("variant_definitions").describe("a variant's attribute values, name → value (size, colour);"
                    + " the attribute ids come from /variant_attributes, created when missing; written when the variant is created"),
                    "attributes", FieldMode.CREATE_ONLY)
            .build();


    private final VariantFamilies families;

    XSeriesProducts(XSeriesSession session) {
        super(session, "products", EntityType.PRODUCT, (c, row) -> {
            session.remember(row);
            return List.of(c.product(row));
        }, XSeriesConverters::product);
        this.families = new VariantFamilies(session);
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
        if (key.type() != KeyType.SKU) {
            return Optional.empty();
        }
        return session.productBySku(key.value()).map(p -> new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT, p.path("id").asText()));
    }

    @Override
    public Ref create(MappedRecord<Product> record) {
        return single(writeAll(List.of(new Write.Create<>(record))).get(0));
    }

    @Override
    public Ref update(Ref target, MappedRecord<Product> record) {
        return single(writeAll(List.of(new Write.Update<>(target, record))).get(0));
    }

    /**
     * Writes in order; a configurable product's new variants in this batch go with it (one request for the family), a
     * variant whose configurable product is not in the batch joins the family X-Series has under the parent SKU.
     */
    @Override
    public List<WriteResult> writeAll(List<Write<Product>> writes) {
        WriteResult[] results = new WriteResult[writes.size()];
        Map<String, List<Integer>> newVariants = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            Product p = writes.get(i).record().record();
            if (writes.get(i) instanceof Write.Create<Product> && p.type() == ProductType.VARIANT && p.parentSku().isPresent()) {
                newVariants.computeIfAbsent(p.parentSku().get().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < writes.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            Write<Product> w = writes.get(i);
            Product product = w.record().record();
            try {
                if (w instanceof Write.Create<Product> c && product.type() == ProductType.CONFIGURABLE) {
                    List<Integer> variants = newVariants.getOrDefault(product.sku().toLowerCase(Locale.ROOT), List.of());
                    newVariants.remove(product.sku().toLowerCase(Locale.ROOT));
                    List<Integer> group = new ArrayList<>(variants);
                    int configurable = i;
                    group.add(0, configurable);
                    inGroup(writes, results, group, () -> createFamily(writes, results, Optional.of(configurable), familyBody(c.record()),
                            variants));
                } else if (w instanceof Write.Create<Product> && product.type() == ProductType.VARIANT) {
                    String parent = product.parentSku().orElseThrow();
                    List<Integer> siblings = newVariants.remove(parent.toLowerCase(Locale.ROOT));
                    List<Integer> group = siblings == null ? List.of(i) : siblings;
                    inGroup(writes, results, group, () -> joinFamily(writes, results, parent, group));
                } else if (w instanceof Write.Update<Product> u) {
                    session.updateProduct(u.target().id(), body(u.record()));
                    results[i] = new WriteResult.Written(product.sourceRef(), u.target(), false);
                } else {
                    JsonNode ids = session.createProducts(createBody(w.record()));
                    if (ids.size() != 1 || ids.get(0).asText("").isEmpty()) {
                        throw new IllegalStateException("X-Series answered a product create with " + ids + " instead of one id");
                    }
                    results[i] = new WriteResult.Written(product.sourceRef(), new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT,
                            ids.get(0).asText()), true);
                }
            } catch (RecordRejectedException | TransientException e) {
                results[i] = new WriteResult.Failed(product.sourceRef(), e);
            }
        }
        return java.util.Arrays.asList(results);
    }

    /** Runs {@code write}; a failure it throws becomes the result of every write of {@code group} that has none yet. */
    private static void inGroup(List<Write<Product>> writes, WriteResult[] results, List<Integer> group, Runnable write) {
        try {
            write.run();
        } catch (RecordRejectedException | TransientException e) {
            for (int g : group) {
                if (results[g] == null) {
                    results[g] = new WriteResult.Failed(writes.get(g).record().record().sourceRef(), e);
                }
            }
        }
    }

    /**
     * Creates a family from {@code common} with the variants at {@code variantIndexes}; the configurable product at
     * {@code configurable} (when in the batch) is written as the family's parent. Without variants the configurable
     * product waits for its first variant.
     */
    private void createFamily(List<Write<Product>> writes, WriteResult[] results, Optional<Integer> configurable, ObjectNode common,
                              List<Integer> variantIndexes) {
        ObjectNode body = common.deepCopy();
        ArrayNode variants = body.putArray("variants");
        List<Integer> sent = new ArrayList<>();
        for (int v : variantIndexes) {
            try {
                variants.add(variantBody(writes.get(v).record()));
                sent.add(v);
            } catch (RecordRejectedException | TransientException e) {
                results[v] = new WriteResult.Failed(writes.get(v).record().record().sourceRef(), e);
            }
        }
        if (sent.isEmpty()) {
            configurable.ifPresent(i -> {
                Product p = writes.get(i).record().record();
                families.waitForVariants(p.sku(), common);
                throw RecordRejectedException.builder("X-Series creates a variant family with its first variant; configurable product "
                        + p.sku() + " waits for one").record(p.sourceRef()).fieldPath("variants").build();
            });
            return;
        }
        Map<String, JsonNode> bySku = families.create(body);
        configurable.ifPresent(i -> results[i] = created(writes.get(i), bySku));
        sent.forEach(v -> results[v] = created(writes.get(v), bySku));
    }

    /** Adds the new variants at {@code indexes} to the family of {@code parentSku}: in X-Series, or waiting for them. */
    private void joinFamily(List<Write<Product>> writes, WriteResult[] results, String parentSku, List<Integer> indexes) {
        Optional<ObjectNode> inXSeries = families.parent(parentSku)
                .map(parent -> JsonNodeFactory.instance.objectNode().put("name", parent.path("name").asText()));
        Optional<ObjectNode> waiting = inXSeries.isPresent() ? Optional.empty() : families.takeWaiting(parentSku);
        Optional<ObjectNode> common = inXSeries.or(() -> waiting);
        if (common.isEmpty()) {
            for (int i : indexes) {
                Product p = writes.get(i).record().record();
                results[i] = new WriteResult.Failed(p.sourceRef(), RecordRejectedException.builder("the family of variant " + p.sku()
                        + " is not in X-Series: it is created with its configurable product " + parentSku).record(p.sourceRef())
                        .fieldPath("parentSku").build());
            }
            return;
        }
        try {
            createFamily(writes, results, Optional.empty(), common.get(), indexes);
        } catch (RecordRejectedException | TransientException e) {
            waiting.ifPresent(w -> families.waitForVariants(parentSku, w));
            throw e;
        }
    }

    /** The result of a product the family create sent: written when the family read back lists its SKU. */
    private static WriteResult created(Write<Product> write, Map<String, JsonNode> bySku) {
        Product p = write.record().record();
        JsonNode product = bySku.get(p.sku().toLowerCase(Locale.ROOT));
        if (product == null) {
            return new WriteResult.Failed(p.sourceRef(), RecordRejectedException.builder("X-Series created the family but lists no"
                    + " product with SKU " + p.sku() + " in it").record(p.sourceRef()).fieldPath("sku").build());
        }
        return new WriteResult.Written(p.sourceRef(), new Ref(LightspeedXSeries.SYSTEM, EntityType.PRODUCT, product.path("id").asText()),
                true);
    }

    private static Ref single(WriteResult result) {
        if (result instanceof WriteResult.Written w) {
            return w.target();
        }
        throw ((WriteResult.Failed) result).error();
    }

    /**
     * What one product has of its own, into {@code target}: SKU, price (including or excluding tax, as the product's
     * price says), supply price and the EAN as {@code product_codes} ({@code [{"type": "EAN", "code": …}]}; X-Series adds
     * the SKU's code itself). The same names in API 2.0's create body, its variants and API 2.1's {@code details}.
     */
    private static void putOwnFields(ObjectNode f, ObjectNode target) {
        if (f.hasNonNull("sku")) {
            target.put("sku", f.get("sku").asText());
        }
        if (f.hasNonNull("price")) {
            target.put(f.path("price_includes_tax").asBoolean(false) ? "price_including_tax" : "price_excluding_tax",
                    f.get("price").decimalValue());
        }
        if (f.hasNonNull("supply_price")) {
            target.put("supply_price", f.get("supply_price").decimalValue());
        }
        if (f.hasNonNull("ean") && !f.get("ean").asText().isBlank()) {
            target.putArray("product_codes").addObject().put("type", "EAN").put("code", f.get("ean").asText());
        }
    }

    /** A family's own part of the create body: name, description, SKU (the configurable product's), active and category. */
    private ObjectNode familyBody(MappedRecord<Product> record) {
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (!f.hasNonNull("name") || f.get("name").asText().isBlank()) {
            throw RecordRejectedException.builder("an X-Series product needs a name; product " + record.record().sku()
                    + " has none").record(record.record().sourceRef()).fieldPath("name").build();
        }
        body.put("name", f.get("name").asText());
        if (f.hasNonNull("description")) {
            body.put("description", f.get("description").asText());
        }
        if (f.hasNonNull("sku")) {
            body.put("sku", f.get("sku").asText());
        }
        if (f.hasNonNull("active")) {
            body.put("is_active", f.get("active").asBoolean());
        }
        if (f.hasNonNull("category") && !f.get("category").asText().isBlank()) {
            body.put("product_category_id", session.categories().ensure(f.get("category").asText()));
        }
        return body;
    }

    /**
     * API 2.0's create body of a standard product: the family part (name, description, SKU, active, category) with the
     * product's own price, supply price and EAN.
     */
    private ObjectNode createBody(MappedRecord<Product> record) {
        ObjectNode body = familyBody(record);
        putOwnFields(record.fields(), body);
        return body;
    }

    /** One entry of a family's {@code variants}: SKU, price, supply price and {@code variant_definitions}. */
    private ObjectNode variantBody(MappedRecord<Product> record) {
        ObjectNode f = record.fields();
        Product product = record.record();
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        putOwnFields(f, v);
        Map<String, String> values = new LinkedHashMap<>();
        f.path("variant_definitions").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        v.set("variant_definitions", families.definitions(values, product.sourceRef(), product.sku()));
        return v;
    }

    /**
     * The API 2.1 body: {@code common} (name, description) and {@code details} (SKU, price, supply price, active). A
     * configurable product writes its family's {@code common} only, a variant its {@code details} only.
     */
    private static ObjectNode body(MappedRecord<Product> record) {
        Product product = record.record();
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode common = body.putObject("common");
        ObjectNode details = body.putObject("details");
        if (f.hasNonNull("name")) {
            common.put("name", f.get("name").asText());
        }
        if (f.hasNonNull("description")) {
            common.put("description", f.get("description").asText());
        }
        putOwnFields(f, details);
        if (f.hasNonNull("active")) {
            details.put("active", f.get("active").asBoolean());
        }
        if (product.type() == ProductType.CONFIGURABLE) {
            body.remove("details");
        }
        if (common.isEmpty() || product.type() == ProductType.VARIANT) {
            body.remove("common");
        }
        return body;
    }

}

package io.possync.api;

import static io.possync.api.internal.Nulls.list;
import static io.possync.api.internal.Nulls.map;
import static io.possync.api.internal.Nulls.json;
import static io.possync.api.internal.Nulls.opt;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A product as possync understands it: simple, virtual, configurable or a variant.
 *
 * <pre>{@code
 * Product tee = Product.builder(new Ref("lightspeed", EntityType.PRODUCT, "210"), "TEE-RED-M", Instant.now())
 *         .name("T-shirt red M").type(ProductType.VARIANT).parentSku("TEE")
 *         .price(new Price(new BigDecimal("19.95"), "EUR", true))
 *         .attributes(Map.of("colour", "red", "size", "M"))
 *         .build();
 * }</pre>
 *
 * @param sourceRef        the product in its source system
 * @param sku              stock keeping unit, the default match key
 * @param ean              EAN/GTIN barcode
 * @param name             display name
 * @param shortDescription short description
 * @param description      long description
 * @param type             simple, virtual, configurable or variant
 * @param price            selling price, with its tax flag
 * @param cost             purchase cost
 * @param taxClass         the source's tax class or rate name
 * @param categories       category paths
 * @param imageUrls        image URLs, main image first
 * @param attributes       variant axes and their values (size, colour)
 * @param features         informational properties (origin, delivery time)
 * @param parentSku        the configurable parent (variants)
 * @param variants         the variants (configurable products)
 * @param published        whether the product is visible/sellable; false is a draft
 * @param stockManaged     whether the system keeps stock of it, where the source says; empty: as its type says
 *                         ({@link #managesStock()})
 * @param customFields     named extra values
 * @param modifiedAt       last change in the source
 * @param raw              the vendor's JSON, when kept
 */
public record Product(
        @NotNull @Valid Ref sourceRef,
        @NotBlank @Size(max = 64) String sku,
        Optional<@Pattern(regexp = "\\d{8}|\\d{12,14}", message = "must be an EAN/GTIN of 8, 12, 13 or 14 digits") String> ean,
        @NotBlank String name,
        Optional<String> shortDescription,
        Optional<String> description,
        @NotNull ProductType type,
        Optional<@Valid Price> price,
        Optional<@Valid Money> cost,
        Optional<String> taxClass,
        List<@Valid CategoryPath> categories,
        List<String> imageUrls,
        Map<String, String> attributes,
        Map<String, String> features,
        Optional<String> parentSku,
        List<@Valid Product> variants,
        boolean published,
        Optional<Boolean> stockManaged,
        Map<String, String> customFields,
        @NotNull Instant modifiedAt,
        Optional<JsonNode> raw) implements CanonicalRecord {

    /** Replaces nulls with empty values and copies collections. */
    public Product {
        Objects.requireNonNull(sourceRef, "sourceRef");
        ean = opt(ean);
        shortDescription = opt(shortDescription);
        description = opt(description);
        type = type == null ? ProductType.SIMPLE : type;
        price = opt(price);
        cost = opt(cost);
        taxClass = opt(taxClass);
        categories = list(categories);
        imageUrls = list(imageUrls);
        attributes = map(attributes);
        features = map(features);
        parentSku = opt(parentSku);
        variants = list(variants);
        stockManaged = opt(stockManaged);
        customFields = map(customFields);
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        raw = json(raw);
    }

    /** Whether stock is kept of it: as the source says, else for every type but {@link ProductType#VIRTUAL}. */
    public boolean managesStock() {
        return stockManaged.orElse(type != ProductType.VIRTUAL);
    }

    /** A builder for the product {@code sku} from {@code sourceRef}, last changed at {@code modifiedAt}. */
    public static Builder builder(Ref sourceRef, String sku, Instant modifiedAt) {
        return new Builder(sourceRef, sku, modifiedAt);
    }

    /** A builder preset with this product. */
    public Builder toBuilder() {
        Builder b = new Builder(sourceRef, sku, modifiedAt);
        b.ean = ean.orElse(null);
        b.name = name;
        b.shortDescription = shortDescription.orElse(null);
        b.description = description.orElse(null);
        b.type = type;
        b.price = price.orElse(null);
        b.cost = cost.orElse(null);
        b.taxClass = taxClass.orElse(null);
        b.categories = categories;
        b.imageUrls = imageUrls;
        b.attributes = attributes;
        b.features = features;
        b.parentSku = parentSku.orElse(null);
        b.variants = variants;
        b.published = published;
        b.stockManaged = stockManaged.orElse(null);
        b.customFields = customFields;
        b.raw = raw.orElse(null);
        return b;
    }

    /** Builds a {@link Product}; a new product is SIMPLE and published unless told otherwise. */
    public static final class Builder {
        private Ref sourceRef;
        private String sku;
        private Instant modifiedAt;
        private String ean;
        private String name;
        private String shortDescription;
        private String description;
        private ProductType type = ProductType.SIMPLE;
        private Price price;
        private Money cost;
        private String taxClass;
        private List<CategoryPath> categories = List.of();
        private List<String> imageUrls = List.of();
        private Map<String, String> attributes = Map.of();
        private Map<String, String> features = Map.of();
        private String parentSku;
        private List<Product> variants = List.of();
        private boolean published = true;
        private Boolean stockManaged;
        private Map<String, String> customFields = Map.of();
        private JsonNode raw;

        private Builder(Ref sourceRef, String sku, Instant modifiedAt) {
            this.sourceRef = sourceRef;
            this.sku = sku;
            this.modifiedAt = modifiedAt;
        }

        /** The source record. */
        public Builder sourceRef(Ref v) {
            sourceRef = v;
            return this;
        }

        /** SKU. */
        public Builder sku(String v) {
            sku = v;
            return this;
        }

        /** Last change in the source. */
        public Builder modifiedAt(Instant v) {
            modifiedAt = v;
            return this;
        }

        /** EAN/GTIN. */
        public Builder ean(String v) {
            ean = v;
            return this;
        }

        /** Display name. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Short description. */
        public Builder shortDescription(String v) {
            shortDescription = v;
            return this;
        }

        /** Long description. */
        public Builder description(String v) {
            description = v;
            return this;
        }

        /** Product type (default SIMPLE). */
        public Builder type(ProductType v) {
            type = v;
            return this;
        }

        /** Selling price. */
        public Builder price(Price v) {
            price = v;
            return this;
        }

        /** Purchase cost. */
        public Builder cost(Money v) {
            cost = v;
            return this;
        }

        /** Tax class. */
        public Builder taxClass(String v) {
            taxClass = v;
            return this;
        }

        /** Category paths. */
        public Builder categories(List<CategoryPath> v) {
            categories = v;
            return this;
        }

        /** Image URLs, main image first. */
        public Builder imageUrls(List<String> v) {
            imageUrls = v;
            return this;
        }

        /** Variant axes and values. */
        public Builder attributes(Map<String, String> v) {
            attributes = v;
            return this;
        }

        /** Informational properties. */
        public Builder features(Map<String, String> v) {
            features = v;
            return this;
        }

        /** Configurable parent's SKU. */
        public Builder parentSku(String v) {
            parentSku = v;
            return this;
        }

        /** Variants of a configurable product. */
        public Builder variants(List<Product> v) {
            variants = v;
            return this;
        }

        /** Published (true, default) or draft (false). */
        public Builder published(boolean v) {
            published = v;
            return this;
        }

        /** Whether the system keeps stock of it (unset: as its type says). */
        public Builder stockManaged(boolean v) {
            stockManaged = v;
            return this;
        }

        /** Named extra values. */
        public Builder customFields(Map<String, String> v) {
            customFields = v;
            return this;
        }

        /** The vendor's JSON. */
        public Builder raw(JsonNode v) {
            raw = v;
            return this;
        }

        /** The product. */
        public Product build() {
            return new Product(sourceRef, sku, Optional.ofNullable(ean), name, Optional.ofNullable(shortDescription),
                    Optional.ofNullable(description), type, Optional.ofNullable(price), Optional.ofNullable(cost),
                    Optional.ofNullable(taxClass), categories, imageUrls, attributes, features,
                    Optional.ofNullable(parentSku), variants, published, Optional.ofNullable(stockManaged), customFields, modifiedAt,
                    Optional.ofNullable(raw));
        }
    }
}

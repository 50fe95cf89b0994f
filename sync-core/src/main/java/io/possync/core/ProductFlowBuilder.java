package io.possync.core;

import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Product;
import io.possync.api.Sink;
import java.util.Objects;

/**
 * Builds a product {@link Flow}: products created or updated by SKU (or another key), new ones published or created
 * as drafts as {@link #newProducts} says.
 *
 * <pre>{@code
 * Flow<Product> products = Flow.products("pos-items").from(lightspeed.items()).to(bc.items())
 *         .matchKey(KeyType.EAN).newProducts(Publication.DRAFT).build();
 * }</pre>
 */
public final class ProductFlowBuilder extends FlowBuilder<Product, ProductFlowBuilder> {

    private Boolean stockManaged;

    ProductFlowBuilder(String name) {
        super(name, EntityType.PRODUCT, KeyType.SKU);
    }

    /** Where products are found, created and updated. */
    public ProductFlowBuilder to(Sink<Product> sink) {
        sink((io.possync.api.UpdateSink<Product>) sink);
        return this;
    }

    /** The natural key for finding products the target has but no link names (default SKU). */
    public ProductFlowBuilder matchKey(KeyType key) {
        this.matchKey = Objects.requireNonNull(key, "matchKey");
        return this;
    }

    /** Whether new products are published at once or created as drafts (default: as the source has them). */
    public ProductFlowBuilder newProducts(Publication publication) {
        this.publication = Objects.requireNonNull(publication, "publication");
        return this;
    }

    /**
     * Every product as managing stock or not, whatever the source says (by default each is as its source says, and
     * a virtual product manages none). Per product, override the target's field in the mapping instead.
     */
    public ProductFlowBuilder stockManaged(boolean managed) {
        this.stockManaged = managed;
        return this;
    }

    /** The flow. */
    public Flow<Product> build() {
        validateCommon();
        if (stockManaged != null) {
            java.util.function.UnaryOperator<Product> own = enricher;
            boolean managed = stockManaged;
            enricher = p -> own.apply(p).toBuilder().stockManaged(managed).build();
        }
        return new Flow<>(this, null, null, KeyType.EMAIL, null, null, ExistingOrderPolicy.SKIP, null,
                StockCalculation.ON_HAND_MINUS_RESERVED, 0);
    }
}

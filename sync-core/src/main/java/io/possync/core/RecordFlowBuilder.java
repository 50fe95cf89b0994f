package io.possync.core;

import io.possync.api.CanonicalRecord;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Sink;
import java.util.Objects;

/**
 * Builds a customer or product {@link Flow}. A customer with a company name becomes a company
 * debtor, one without a person debtor (the host's {@code enrich} may decide otherwise).
 *
 * <pre>{@code
 * Flow<Product> products = Flow.products("pos-items").from(lightspeed.products()).to(bc.items())
 *         .matchKey(KeyType.EAN).build();
 * }</pre>
 *
 * @param <T> {@code Customer} or {@code Product}
 */
public final class RecordFlowBuilder<T extends CanonicalRecord> extends FlowBuilder<T, RecordFlowBuilder<T>> {

    RecordFlowBuilder(String name, EntityType type, KeyType matchKey) {
        super(name, type, matchKey);
    }

    /** Where records are found, created and updated. */
    public RecordFlowBuilder<T> to(Sink<T> sink) {
        sink((io.possync.api.UpdateSink<T>) sink);
        return this;
    }

    /** The natural key for finding records the target has but no link names (default e-mail / SKU). */
    public RecordFlowBuilder<T> matchKey(KeyType key) {
        this.matchKey = Objects.requireNonNull(key, "matchKey");
        return this;
    }

    /** The flow. */
    public Flow<T> build() {
        validateCommon();
        return new Flow<>(this, null, null, KeyType.EMAIL, null, null, ExistingOrderPolicy.SKIP, null,
                StockCalculation.ON_HAND_MINUS_RESERVED, 0);
    }
}

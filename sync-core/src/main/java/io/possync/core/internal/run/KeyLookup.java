package io.possync.core.internal.run;

import io.possync.api.CanonicalRecord;
import io.possync.api.Customer;
import io.possync.api.KeyType;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.UpdateSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Found refs, and keys the target refused to look up (a malformed key), from one batch lookup. */
record KeyLookup(Map<NaturalKey, Ref> found, Map<NaturalKey, RecordRejectedException> refused) {

    /**
     * Looks {@code keys} up in one batch; when the target refuses the batch, looks each key up alone so
     * one malformed key cannot block the page.
     */
    static KeyLookup in(UpdateSink<?> sink, Set<NaturalKey> keys) {
        try {
            return new KeyLookup(sink.findAll(keys), Map.of());
        } catch (RecordRejectedException batchRefused) {
            Map<NaturalKey, Ref> found = new LinkedHashMap<>();
            Map<NaturalKey, RecordRejectedException> refused = new LinkedHashMap<>();
            for (NaturalKey key : keys) {
                try {
                    sink.find(key).ifPresent(ref -> found.put(key, ref));
                } catch (RecordRejectedException e) {
                    refused.put(key, e);
                }
            }
            return new KeyLookup(found, refused);
        }
    }

    /** {@code record}'s key of {@code type}; empty when the record has none or it is blank. */
    static Optional<NaturalKey> keyOf(CanonicalRecord record, KeyType type) {
        Optional<String> value = switch (type) {
            case EMAIL -> record instanceof Customer c ? c.email() : Optional.empty();
            case CUSTOMER_NUMBER -> Optional.of(record.sourceRef().id());
            case SKU -> record instanceof Product p ? Optional.of(p.sku())
                    : record instanceof StockLevel s ? Optional.of(s.sku()) : Optional.empty();
            case EAN -> record instanceof Product p ? p.ean() : Optional.empty();
            case ORDER_NUMBER -> record instanceof Order o ? Optional.of(o.number()) : Optional.empty();
        };
        return value.filter(v -> !v.isBlank()).map(v -> new NaturalKey(type, v));
    }
}

package io.possync.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link UpdateSink} whose API finds many natural keys in one request: it implements {@link #findAll}, and a single
 * {@link #find} is a lookup of one key.
 *
 * <pre>{@code
 * final class ShopOrders implements Sink<Order>, BatchLookupSink<Order> {
 *     public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) { ... one request per 50 numbers ... }
 * }
 * }</pre>
 *
 * @param <T> the canonical record type written
 */
public interface BatchLookupSink<T extends CanonicalRecord> extends UpdateSink<T> {

    /** The records of {@code keys} that exist, in as few requests as the API allows; a key not found is absent. */
    @Override
    Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys);

    /** {@link #findAll} of the one key. */
    @Override
    default Optional<Ref> find(NaturalKey key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }
}

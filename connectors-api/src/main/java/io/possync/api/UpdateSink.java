package io.possync.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connector capability that finds records of one type in its system and updates them, but
 * cannot create them. Stock is the usual case: a stock level is written onto an existing product.
 * {@link Sink} adds creation.
 *
 * <pre>{@code
 * UpdateSink<StockLevel> stock = businessCentral.stock();
 * stock.find(NaturalKey.sku("TEE-RED-M")).ifPresent(item -> stock.update(item, mapped));
 * }</pre>
 *
 * <p>Batch forms loop by default; a connector whose API batches (OData {@code in} filters,
 * {@code $batch}) overrides them.
 *
 * @param <T> the canonical record type
 */
public interface UpdateSink<T extends CanonicalRecord> extends Capability {

    /** The target fields and how each is computed, used unless the host overrides them. */
    MappingDefaults defaultMapping();

    /** The natural keys this system can search by; the engine refuses a flow that needs another. */
    Set<KeyType> supportedKeys();

    /** The target record with {@code key}, if there is one. */
    Optional<Ref> find(NaturalKey key);

    /**
     * The target records for each key found; keys not found are absent from the map.
     * The default calls {@link #find} once per key.
     */
    default Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> found = new LinkedHashMap<>();
        for (NaturalKey key : keys) {
            find(key).ifPresent(ref -> found.put(key, ref));
        }
        return found;
    }

    /**
     * A hint that {@link #findAll} will soon be asked for {@code keys}, after requests this sink's
     * connection makes for other records of the same page (an order's customers). A connector that can
     * send a lookup along with another request (Business Central's {@code $batch}) fetches them then and
     * answers {@code findAll} without a request of its own; the answer is as fresh as a lookup made when
     * that request went out. The default ignores the hint; {@code findAll} must work without it.
     */
    default void expectLookups(Collection<NaturalKey> keys) {
    }

    /**
     * Updates {@code target} with {@code record}'s fields and returns the target ref (the same
     * ref unless the system re-keys records on update).
     *
     * @throws RecordRejectedException when the system refuses this record
     * @throws TransientException      when the system is unreachable or busy
     */
    Ref update(Ref target, MappedRecord<T> record);

    /**
     * Performs the updates, one result per update in the same order. The default calls
     * {@link #update} in a loop and turns record-level failures into {@link WriteResult.Failed}.
     */
    default List<WriteResult> updateAll(List<Write.Update<T>> updates) {
        List<WriteResult> results = new ArrayList<>(updates.size());
        for (Write.Update<T> u : updates) {
            try {
                results.add(new WriteResult.Written(u.record().sourceRef(), update(u.target(), u.record()), false));
            } catch (RecordRejectedException | TransientException e) {
                results.add(new WriteResult.Failed(u.record().sourceRef(), e));
            }
        }
        return results;
    }
}

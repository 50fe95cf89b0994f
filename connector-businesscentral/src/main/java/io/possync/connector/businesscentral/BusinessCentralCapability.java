package io.possync.connector.businesscentral;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.MappedRecord;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.PossyncException;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the entity capabilities share: reading, lookups and batched writes through one endpoint. */
abstract class BusinessCentralCapability<T extends CanonicalRecord> implements Metered {

    final BusinessCentralSession session;
    final EntityEndpoint<T> endpoint;

    BusinessCentralCapability(BusinessCentralSession session, EntityEndpoint.Shape<T> shape) {
        this.session = session;
        this.endpoint = new EntityEndpoint<>(session, shape);
    }

    public String system() {
        return BusinessCentral.SYSTEM;
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }

    public Page<T> changesSince(Cursor cursor, int limit) {
        return withRouteFields(endpoint.changesSince(cursor, limit));
    }

    public Optional<T> fetch(String id) {
        return endpoint.fetch(id).map(r -> withRouteFields(new Page<>(List.of(r), List.of(), Cursor.initial(), false)).records().get(0));
    }

    /** {@code page} with what the custom route adds to its records (customers' and items' extension fields); as it is by default. */
    Page<T> withRouteFields(Page<T> page) {
        return page;
    }

    public abstract Set<io.possync.api.KeyType> supportedKeys();

    public Optional<Ref> find(NaturalKey key) {
        return Optional.ofNullable(endpoint.findAll(List.of(key)).get(key));
    }

    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return endpoint.findAll(keys);
    }

    /** The lookups travel with the next {@code $batch} of this connection (API v2.0). */
    public void expectLookups(Collection<NaturalKey> keys) {
        endpoint.expectLookups(keys, Optional.empty());
    }

    public Ref create(MappedRecord<T> record) {
        return single(writeAll(List.of(new Write.Create<>(record))).get(0));
    }

    public Ref update(Ref target, MappedRecord<T> record) {
        return single(writeAll(List.of(new Write.Update<>(target, record))).get(0));
    }

    public List<WriteResult> writeAll(List<Write<T>> writes) {
        beforeWrites(writes);
        return endpoint.writeAll(writes);
    }

    public List<WriteResult> updateAll(List<Write.Update<T>> updates) {
        return writeAll(new java.util.ArrayList<>(updates));
    }

    /** What a capability must make sure of before its writes go out (default: nothing). */
    void beforeWrites(List<Write<T>> writes) {
    }

    private static Ref single(WriteResult result) {
        if (result instanceof WriteResult.Written w) {
            return w.target();
        }
        PossyncException error = ((WriteResult.Failed) result).error();
        throw error;
    }
}

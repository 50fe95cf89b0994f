package io.possync.connector.mpluskassa;

import io.possync.api.BatchLookupSink;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.MplusSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the order, invoice and offer sinks share: orders written as one MplusKASSA document kind,
 * found by its external id, and not changed once written.
 */
abstract class MplusDocumentSink extends MplusCapability implements Sink<Order>, BatchLookupSink<Order> {

    private final DocumentSink documents;
    private final MappingDefaults defaults;
    private final String noun;

    MplusDocumentSink(MplusSession session, DocumentSink.Kind kind, String noun) {
        super(session);
        this.documents = new DocumentSink(session, kind);
        this.defaults = documents.defaults();
        this.noun = noun;
    }

    @Override
    public MappingDefaults defaultMapping() {
        return defaults;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return documents.findAll(keys);
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        return documents.create(record);
    }

    /** A document in MplusKASSA is not changed by the sync once it was written. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is " + noun + " " + target.id()
                + " in MplusKASSA already; it is not changed").record(record.sourceRef()).build();
    }

}

package io.possync.connector.mpluskassa;

import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.Metered;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.RequestCounter;
import io.possync.api.Sink;
import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.SoapSession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invoices in MplusKASSA (REFERENCE §6): {@code saveInvoice} with {@code extInvoiceId} = the source's order
 * number, looked up with {@code findInvoice} before any write, lines and payments as {@link MplusOrders}
 * writes them. For flows that hand MplusKASSA finished sales to invoice (the flow's {@code kind(INVOICE)}).
 * Invoices are not changed after they were saved.
 *
 * <pre>{@code
 * Flow.orders("erp-invoices-to-till").from(erp.salesInvoices()).to(mplus.invoices()).kind(OrderKind.INVOICE)
 *         .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0").build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusInvoices implements Sink<Order>, Metered {

    private final SoapSession session;
    private final DocumentSink documents;
    private final MappingDefaults defaults;

    MplusInvoices(SoapSession session) {
        this.session = session;
        this.documents = new DocumentSink(session, DocumentSink.Kind.INVOICE);
        this.defaults = documents.defaults();
    }

    @Override
    public String system() {
        return SoapSession.SYSTEM;
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
    public Optional<Ref> find(NaturalKey key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        return documents.findAll(keys);
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        return documents.create(record);
    }

    /** A saved invoice is not changed by the sync. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is invoice " + target.id()
                + " in MplusKASSA already; it is not changed").record(record.sourceRef()).build();
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

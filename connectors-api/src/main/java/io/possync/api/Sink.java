package io.possync.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A connector capability that finds, creates and updates records of one type in its system.
 *
 * <pre>{@code
 * Sink<Customer> debtors = businessCentral.customers();
 * Ref created = debtors.create(mappedCustomer);
 * }</pre>
 *
 * <p>Creates are not idempotent in most vendor APIs. A sink must let a lost answer surface as
 * {@link WriteOutcomeUnknownException} rather than re-sending; the engine then looks the record
 * up by natural key before any retry.
 *
 * @param <T> the canonical record type
 */
public interface Sink<T extends CanonicalRecord> extends UpdateSink<T> {

    /**
     * Creates {@code record} and returns its ref in the target.
     *
     * @throws RecordRejectedException when the system refuses this record
     * @throws TransientException      when the system is unreachable or busy
     */
    Ref create(MappedRecord<T> record);

    /**
     * Performs the writes, one result per write in the same order. The default calls
     * {@link #create} and {@link #update} in a loop and turns record-level failures into
     * {@link WriteResult.Failed}; authentication and configuration errors propagate.
     */
    default List<WriteResult> writeAll(List<Write<T>> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write<T> w : writes) {
            Ref source = w.record().sourceRef();
            try {
                if (w instanceof Write.Create<T> c) {
                    results.add(new WriteResult.Written(source, create(c.record()), true));
                } else if (w instanceof Write.Update<T> u) {
                    results.add(new WriteResult.Written(source, update(u.target(), u.record()), false));
                }
            } catch (RecordRejectedException | TransientException e) {
                results.add(new WriteResult.Failed(source, e));
            }
        }
        return results;
    }
}

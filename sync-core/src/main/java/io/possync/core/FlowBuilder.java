package io.possync.core;

import io.possync.api.CanonicalRecord;
import io.possync.api.ConfigurationException;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Source;
import io.possync.api.UpdateSink;
import io.possync.core.mapping.Mapping;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What every flow builder has: source, sink, mapping, filter, enrichment, page size, retry
 * schedule. Obtain one from {@link Flow#customers}, {@link Flow#products}, {@link Flow#orders} or
 * {@link Flow#stock}.
 *
 * <pre>{@code
 * Flow<Customer> customers = Flow.customers("shop-customers")
 *         .from(lightspeed.customers())
 *         .to(businessCentral.customers())
 *         .mapping(m -> m.override("displayName", "$uppercase(companyName)"))
 *         .pageSize(200)
 *         .build();
 * }</pre>
 *
 * @param <T> the record type
 * @param <B> the concrete builder
 */
public abstract class FlowBuilder<T extends CanonicalRecord, B extends FlowBuilder<T, B>> {

    final String name;
    final EntityType entityType;
    Source<T> source;
    UpdateSink<T> sink;
    io.possync.api.OrderStatusSink statusSink;
    Mapping mapping;
    UnaryOperator<Mapping> mappingChange = UnaryOperator.identity();
    Predicate<? super T> filter = r -> true;
    UnaryOperator<T> enricher = UnaryOperator.identity();
    Publication publication = Publication.AS_SOURCE;
    io.possync.core.mapping.StatusMap statusMap = io.possync.core.mapping.StatusMap.identity();
    int pageSize = 100;
    RetrySchedule retrySchedule = RetrySchedule.ofDefaults();
    KeyType matchKey;

    FlowBuilder(String name, EntityType entityType, KeyType matchKey) {
        if (name == null || name.isBlank()) {
            throw new ConfigurationException("flow.name", "a flow needs a non-blank name");
        }
        this.name = name;
        this.entityType = entityType;
        this.matchKey = matchKey;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Where changes are read. */
    public B from(Source<T> source) {
        this.source = Objects.requireNonNull(source, "source");
        return self();
    }

    /** A mapping to use instead of the sink's defaults (e.g. one restored with {@link Mapping#fromJson}). */
    public B mapping(Mapping mapping) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        return self();
    }

    /** Changes to the sink's default mapping: {@code m -> m.override("email", "$lowercase(email)")}. */
    public B mapping(UnaryOperator<Mapping> change) {
        this.mappingChange = Objects.requireNonNull(change, "mapping change");
        return self();
    }

    /** Only records that pass are synced (e.g. only paid orders); others are reported as filtered. */
    public B filter(Predicate<? super T> filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
        return self();
    }

    /** Adds data the target requires before hashing and mapping (store id, posting groups...). */
    public B enrich(UnaryOperator<T> enricher) {
        this.enricher = Objects.requireNonNull(enricher, "enricher");
        return self();
    }

    /**
     * Records per engine page (default 100; 1 to 10,000): what is looked up, written and committed
     * together. A source that answers fewer records per request (Lightspeed: 100) is read until the
     * page is full, so a larger page means fewer lookups and fuller write batches in the target.
     */
    public B pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new ConfigurationException("flow." + name + ".pageSize", "must be between 1 and 10000, was " + pageSize);
        }
        this.pageSize = pageSize;
        return self();
    }

    /** When failed records are retried (default: 1 minute doubling to 6 hours). */
    public B retrySchedule(RetrySchedule schedule) {
        this.retrySchedule = Objects.requireNonNull(schedule, "retrySchedule");
        return self();
    }

    /** Sets the sink; subclasses decide which sink type they accept. */
    void sink(UpdateSink<T> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Checks what every flow needs and resolves the mapping. */
    void validateCommon() {
        if (source == null) {
            throw new ConfigurationException("flow." + name, "no source: call from(...)");
        }
        if (sink == null) {
            throw new ConfigurationException("flow." + name, "no sink: call to(...)");
        }
        if (!sink.supportedKeys().contains(matchKey)) {
            throw new ConfigurationException("flow." + name + ".matchKey", sink.system() + " cannot look "
                    + entityType.name().toLowerCase(java.util.Locale.ROOT) + " records up by " + matchKey
                    + "; it supports " + sink.supportedKeys());
        }
        Mapping base = mapping != null ? mapping : Mapping.of(sink.defaultMapping());
        mapping = Objects.requireNonNull(mappingChange.apply(base), "the mapping change returned null").validate();
    }
}

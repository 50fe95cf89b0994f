package io.possync.core;

import io.possync.api.CanonicalRecord;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatusSink;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.UpdateSink;
import io.possync.core.mapping.Mapping;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One sync direction for one entity type: a source capability, a sink capability, the mapping
 * between them and the policies that apply. Immutable; build with {@link #customers},
 * {@link #products}, {@link #orders} or {@link #stock}, then run with a {@link SyncEngine}.
 *
 * <pre>{@code
 * Flow<Order> orders = Flow.orders("lightspeed-to-bc")
 *         .from(lightspeed.orders())
 *         .to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers())
 *         .products(businessCentral.items())
 *         .defaultDebtor("CASH")
 *         .filter(o -> o.status() == OrderStatus.COMPLETED)
 *         .build();
 * }</pre>
 *
 * @param <T> the canonical record type
 */
public final class Flow<T extends CanonicalRecord> {

    private final String name;
    private final EntityType entityType;
    private final Source<T> source;
    private final UpdateSink<T> sink;
    private final OrderStatusSink statusSink;
    private final Mapping mapping;
    private final Predicate<? super T> filter;
    private final UnaryOperator<T> enricher;
    private final int pageSize;
    private final RetrySchedule retrySchedule;
    private final KeyType matchKey;
    private final Sink<Customer> customerSink;
    private final Mapping customerMapping;
    private final KeyType customerMatchKey;
    private final UpdateSink<Product> productSink;
    private final Ref defaultDebtor;
    private final ExistingOrderPolicy existingOrders;
    private final OrderKind orderKind;
    private final StockCalculation stockCalculation;
    private final int coalesceLimit;
    private final Publication publication;
    private final io.possync.core.mapping.StatusMap statusMap;

    Flow(FlowBuilder<T, ?> b, Sink<Customer> customerSink, Mapping customerMapping, KeyType customerMatchKey,
         UpdateSink<Product> productSink,
         Ref defaultDebtor, ExistingOrderPolicy existingOrders, OrderKind orderKind, StockCalculation stockCalculation,
         int coalesceLimit) {
        this.name = b.name;
        this.entityType = b.entityType;
        this.source = b.source;
        this.sink = b.sink;
        this.statusSink = b.statusSink;
        this.mapping = b.mapping;
        this.filter = b.filter;
        this.enricher = b.enricher;
        this.pageSize = b.pageSize;
        this.retrySchedule = b.retrySchedule;
        this.matchKey = b.matchKey;
        this.customerSink = customerSink;
        this.customerMapping = customerMapping;
        this.customerMatchKey = customerMatchKey;
        this.productSink = productSink;
        this.defaultDebtor = defaultDebtor;
        this.existingOrders = existingOrders;
        this.orderKind = orderKind;
        this.stockCalculation = stockCalculation;
        this.coalesceLimit = coalesceLimit;
        this.publication = b.publication;
        this.statusMap = b.statusMap;
    }

    private Flow(Flow<T> f, int pageSize) {
        this.name = f.name;
        this.entityType = f.entityType;
        this.source = f.source;
        this.sink = f.sink;
        this.statusSink = f.statusSink;
        this.mapping = f.mapping;
        this.filter = f.filter;
        this.enricher = f.enricher;
        this.pageSize = pageSize;
        this.retrySchedule = f.retrySchedule;
        this.matchKey = f.matchKey;
        this.customerSink = f.customerSink;
        this.customerMapping = f.customerMapping;
        this.customerMatchKey = f.customerMatchKey;
        this.productSink = f.productSink;
        this.defaultDebtor = f.defaultDebtor;
        this.existingOrders = f.existingOrders;
        this.orderKind = f.orderKind;
        this.stockCalculation = f.stockCalculation;
        this.coalesceLimit = f.coalesceLimit;
        this.publication = f.publication;
        this.statusMap = f.statusMap;
    }

    /**
     * This flow with pages of {@code pageSize} records (1 to 10,000), everything else equal — its name too, so it
     * goes on from the same cursor: for tuning a flow wired elsewhere, e.g. per environment.
     */
    public Flow<T> withPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new io.possync.api.ConfigurationException("flow." + name + ".pageSize", "must be between 1 and 10000, was " + pageSize);
        }
        return new Flow<>(this, pageSize);
    }

    /** A flow of customers, matched in the target by e-mail unless told otherwise. */
    public static RecordFlowBuilder<Customer> customers(String name) {
        return new RecordFlowBuilder<>(name, EntityType.CUSTOMER, KeyType.EMAIL);
    }

    /** A flow of products, matched in the target by SKU unless told otherwise. */
    public static ProductFlowBuilder products(String name) {
        return new ProductFlowBuilder(name);
    }

    /** A flow of orders or invoices, matched in the target by source order number. */
    public static OrderFlowBuilder orders(String name) {
        return new OrderFlowBuilder(name);
    }

    /** A flow of stock levels onto existing products, matched by SKU; it never creates products. */
    public static StockFlowBuilder stock(String name) {
        return new StockFlowBuilder(name);
    }

    /**
     * A flow of order statuses back to where the orders came from (ERP → POS): each changed order
     * of the source is traced to its origin through the link the order flow wrote, and its status is
     * written there when it changed.
     */
    public static OrderStatusFlowBuilder orderStatus(String name) {
        return new OrderStatusFlowBuilder(name);
    }

    /** The flow's name: the key of its cursor, retry queue and lease. */
    public String name() {
        return name;
    }

    /** The record type it moves. */
    public EntityType entityType() {
        return entityType;
    }

    /** Where changes are read. */
    public Source<T> source() {
        return source;
    }

    /** Where records are written; empty for an order-status flow, which writes to {@link #statusSink()}. */
    public Optional<UpdateSink<T>> sink() {
        return Optional.ofNullable(sink);
    }

    /** Where an order-status flow writes statuses. */
    public Optional<OrderStatusSink> statusSink() {
        return Optional.ofNullable(statusSink);
    }

    /** The system records are written to. */
    public String targetSystem() {
        return sink != null ? sink.system() : statusSink.system();
    }

    /** How records become target fields. */
    public Mapping mapping() {
        return mapping;
    }

    /** Which records are synced at all. */
    public Predicate<? super T> filter() {
        return filter;
    }

    /** The host's enrichment, applied before hashing and mapping. */
    public UnaryOperator<T> enricher() {
        return enricher;
    }

    /** Records per engine page, read from as many source pages as needed. */
    public int pageSize() {
        return pageSize;
    }

    /** When failed records are retried. */
    public RetrySchedule retrySchedule() {
        return retrySchedule;
    }

    /** The natural key by which records are found in the target. */
    public KeyType matchKey() {
        return matchKey;
    }

    /** Order flows: where the orders' customers are found, created or updated. */
    public Optional<Sink<Customer>> customerSink() {
        return Optional.ofNullable(customerSink);
    }

    /** Order flows: how those customers are mapped. */
    public Optional<Mapping> customerMapping() {
        return Optional.ofNullable(customerMapping);
    }

    /** Order flows: the key by which customers are matched in the target. */
    public KeyType customerMatchKey() {
        return customerMatchKey;
    }

    /** Order flows: where every ordered SKU must exist before the order is written. */
    public Optional<UpdateSink<Product>> productSink() {
        return Optional.ofNullable(productSink);
    }

    /** Order flows: the debtor for orders without a customer. */
    public Optional<Ref> defaultDebtor() {
        return Optional.ofNullable(defaultDebtor);
    }

    /** Order flows: what to do with an order the target already has. */
    public ExistingOrderPolicy existingOrders() {
        return existingOrders;
    }

    /** Order flows: the kind every order is written as, when set. */
    public Optional<OrderKind> orderKind() {
        return Optional.ofNullable(orderKind);
    }

    /** Stock flows: which quantity is written. */
    public StockCalculation stockCalculation() {
        return stockCalculation;
    }

    /** Stock flows: how many distinct stock records are collected before writing. */
    public int coalesceLimit() {
        return coalesceLimit;
    }

    /** Order-status flows: which status is written for each status the source reports. */
    public io.possync.core.mapping.StatusMap statusMap() {
        return statusMap;
    }

    /** Product flows: whether new products are created published or as drafts. */
    public Publication publication() {
        return publication;
    }

    @Override
    public String toString() {
        return "Flow[" + name + ": " + entityType + (statusSink != null ? " status " : " ") + source.system() + " → "
                + targetSystem() + "]";
    }
}

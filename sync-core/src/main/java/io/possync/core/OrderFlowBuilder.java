package io.possync.core;

import io.possync.api.ConfigurationException;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.UpdateSink;
import io.possync.core.mapping.Mapping;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Builds an order {@link Flow}: for each order, its customer is found by e-mail and created or
 * updated (a company debtor with a contact person when a company name is present, else a person
 * debtor), or the default debtor is used; every ordered SKU must exist in the target; then the
 * order is written, unless the target already has it (see {@link ExistingOrderPolicy}).
 *
 * <pre>{@code
 * Flow<Order> invoices = Flow.orders("pos-sales")
 *         .from(lightspeed.orders()).to(bc.salesInvoices())
 *         .kind(OrderKind.INVOICE)
 *         .customers(bc.customers()).products(bc.items())
 *         .defaultDebtor("10000")
 *         .existingOrders(ExistingOrderPolicy.SKIP)
 *         .build();
 * }</pre>
 *
 * <p>The order mapping sees the resolved target ids as {@code links.customerId} and
 * {@code links.products.<SKU>}.
 */
public final class OrderFlowBuilder extends FlowBuilder<Order, OrderFlowBuilder> {

    private Sink<Customer> customerSink;
    private UnaryOperator<Mapping> customerMappingChange = UnaryOperator.identity();
    private Mapping customerMapping;
    private KeyType customerMatchKey = KeyType.EMAIL;
    private UpdateSink<Product> productSink;
    private String defaultDebtor;
    private ExistingOrderPolicy existingOrders = ExistingOrderPolicy.SKIP;
    private OrderKind kind;

    OrderFlowBuilder(String name) {
        super(name, EntityType.ORDER, KeyType.ORDER_NUMBER);
    }

    /** Where orders (or invoices) are written. */
    public OrderFlowBuilder to(Sink<Order> sink) {
        sink((UpdateSink<Order>) sink);
        return this;
    }

    /** Where the orders' customers are found by e-mail and created or updated. */
    public OrderFlowBuilder customers(Sink<Customer> sink) {
        this.customerSink = Objects.requireNonNull(sink, "customers");
        return this;
    }

    /** Changes to the customer sink's default mapping. */
    public OrderFlowBuilder customerMapping(UnaryOperator<Mapping> change) {
        this.customerMappingChange = Objects.requireNonNull(change, "customer mapping change");
        return this;
    }

    /** A customer mapping to use instead of the customer sink's defaults. */
    public OrderFlowBuilder customerMapping(Mapping mapping) {
        this.customerMapping = Objects.requireNonNull(mapping, "customerMapping");
        return this;
    }

    /** The key by which customers are matched (default e-mail). */
    public OrderFlowBuilder customerMatchKey(KeyType key) {
        this.customerMatchKey = Objects.requireNonNull(key, "customerMatchKey");
        return this;
    }

    /** Where every ordered SKU must exist; an order with a missing product waits in the retry queue. */
    public OrderFlowBuilder products(UpdateSink<Product> sink) {
        this.productSink = Objects.requireNonNull(sink, "products");
        return this;
    }

    /** The target id of the debtor used for orders without a customer (anonymous till sales). */
    public OrderFlowBuilder defaultDebtor(String targetCustomerId) {
        if (targetCustomerId == null || targetCustomerId.isBlank()) {
            throw new ConfigurationException("flow." + name + ".defaultDebtor", "must not be blank");
        }
        this.defaultDebtor = targetCustomerId;
        return this;
    }

    /** What to do with orders the target already has (default {@link ExistingOrderPolicy#SKIP}). */
    public OrderFlowBuilder existingOrders(ExistingOrderPolicy policy) {
        this.existingOrders = Objects.requireNonNull(policy, "existingOrders");
        return this;
    }

    /** Writes every order as this kind, whatever the source says. */
    public OrderFlowBuilder kind(OrderKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /** The flow. */
    public Flow<Order> build() {
        validateCommon();
        Mapping resolvedCustomerMapping = null;
        if (customerSink != null) {
            if (!customerSink.supportedKeys().contains(customerMatchKey)) {
                throw new ConfigurationException("flow." + name + ".customerMatchKey", customerSink.system()
                        + " cannot look customers up by " + customerMatchKey + "; it supports " + customerSink.supportedKeys());
            }
            Mapping base = customerMapping != null ? customerMapping : Mapping.of(customerSink.defaultMapping());
            resolvedCustomerMapping = customerMappingChange.apply(base).validate();
        }
        if (productSink != null && !productSink.supportedKeys().contains(KeyType.SKU)) {
            throw new ConfigurationException("flow." + name + ".products", productSink.system()
                    + " cannot look products up by SKU, so ordered products cannot be checked");
        }
        Ref debtor = defaultDebtor == null ? null
                : new Ref(customerSink != null ? customerSink.system() : sink.system(), EntityType.CUSTOMER, defaultDebtor);
        return new Flow<>(this, customerSink, resolvedCustomerMapping, customerMatchKey, productSink, debtor, existingOrders, kind,
                StockCalculation.ON_HAND_MINUS_RESERVED, 0);
    }
}

package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.PossyncException;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.UpdateSink;
import io.possync.core.mapping.internal.CompiledMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step that makes a page's orders writable: their customers resolved (or the default debtor), every
 * line's product found in the target, both handed to the mapping as {@code links.customerId} and
 * {@code links.products}. An order whose customer or product is missing is rejected naming it; the
 * others go on. Products found stay known for the rest of the run.
 */
final class OrderDependencies {

    private final RunState run;
    private final Outcomes outcomes;
    private final Optional<CustomerResolution> customers;
    private final Map<String, Ref> productCache = new HashMap<>();

    OrderDependencies(RunState run, Outcomes outcomes, Optional<CompiledMapping> customerMapping) {
        this.run = run;
        this.outcomes = outcomes;
        this.customers = run.flow.customerSink().map(sink -> new CustomerResolution(run, outcomes, sink, customerMapping.orElseThrow()));
    }

    /**
     * Tells the order sink which order numbers, and the product sink which unknown SKUs, they will be
     * asked for once the customers are resolved, so a connector can send those lookups along with the
     * customers' requests ({@link UpdateSink#expectLookups}).
     */
    void expectLookups(List<Candidate> candidates) {
        if (customers.isEmpty()) {
            return;
        }
        Set<NaturalKey> keys = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (c.link == null) {
                KeyLookup.keyOf(c.record, run.flow.matchKey()).ifPresent(keys::add);
            }
        }
        if (!keys.isEmpty()) {
            run.sink().expectLookups(keys);
        }
        if (run.flow.productSink().isPresent()) {
            Set<NaturalKey> unknown = unknownSkus(candidates);
            if (!unknown.isEmpty()) {
                run.flow.productSink().get().expectLookups(unknown);
            }
        }
    }

    /** The orders of {@code orders} whose customer and products are known, with their {@code links}; the others rejected. */
    List<Candidate> resolve(List<Candidate> orders, Batch batch) {
        Set<Candidate> rejected = new LinkedHashSet<>();
        Map<Candidate, Ref> customerOf = resolveCustomers(orders, batch, rejected);
        Map<Candidate, Map<String, Ref>> productsOf = resolveProducts(orders, batch, rejected);
        List<Candidate> ready = new ArrayList<>();
        for (Candidate c : orders) {
            if (rejected.contains(c)) {
                continue;
            }
            ObjectNode links = JsonNodeFactory.instance.objectNode();
            Ref customer = customerOf.get(c);
            if (customer != null) {
                links.put("customerId", customer.id());
            }
            ObjectNode products = links.putObject("products");
            productsOf.getOrDefault(c, Map.of()).forEach((sku, ref) -> products.put(sku, ref.id()));
            c.json.set("links", links);
            ready.add(c);
        }
        return ready;
    }

    private Map<Candidate, Ref> resolveCustomers(List<Candidate> orders, Batch batch, Set<Candidate> rejected) {
        Map<Candidate, Ref> customerOf = new HashMap<>();
        Map<String, CustomerResolution.Need> needs = new LinkedHashMap<>();
        for (Candidate c : orders) {
            Order order = (Order) c.record;
            if (order.customer().isPresent() && customers.isPresent()) {
                Customer customer = RecordPipeline.withDerivedKind(order.customer().get());
                String key = KeyLookup.keyOf(customer, run.flow.customerMatchKey()).map(NaturalKey::toString)
                        .orElse("ref=" + customer.sourceRef());
                CustomerResolution.Need need = needs.computeIfAbsent(key, k -> new CustomerResolution.Need());
                if (need.customer == null || !customer.modifiedAt().isBefore(need.customer.modifiedAt())) {
                    need.customer = customer;
                    need.embedded = customer == order.customer().get() && c.json.get("customer") instanceof ObjectNode o ? o : null;
                }
                need.orders.add(c);
            } else if (run.flow.defaultDebtor().isPresent()) {
                customerOf.put(c, run.flow.defaultDebtor().get());
            } else if (customers.isPresent()) {
                rejected.add(c);
                outcomes.reject(batch, EntityType.ORDER, c.ref(), outcomes.subject(order), RecordRejectedException.builder(
                        "the order has no customer and the flow has no default debtor").fieldPath("customer").build());
            }
        }
        if (needs.isEmpty()) {
            return customerOf;
        }
        customers.get().resolve(needs, batch);
        for (CustomerResolution.Need need : needs.values()) {
            if (need.target != null) {
                need.orders.forEach(c -> customerOf.put(c, need.target));
                continue;
            }
            PossyncException cause = need.failure != null ? need.failure
                    : RecordRejectedException.builder("no target customer was found or created").build();
            for (Candidate c : need.orders) {
                rejected.add(c);
                outcomes.reject(batch, EntityType.ORDER, c.ref(), outcomes.subject(c.record), withPrefix(cause,
                        "the order's customer could not be synced: ", "customer."));
            }
        }
        return customerOf;
    }

    private Map<Candidate, Map<String, Ref>> resolveProducts(List<Candidate> orders, Batch batch, Set<Candidate> rejected) {
        Map<Candidate, Map<String, Ref>> productsOf = new HashMap<>();
        if (run.flow.productSink().isEmpty()) {
            return productsOf;
        }
        UpdateSink<Product> products = run.flow.productSink().get();
        Set<NaturalKey> unknown = unknownSkus(orders.stream().filter(c -> !rejected.contains(c)).toList());
        if (!unknown.isEmpty()) {
            KeyLookup.in(products, unknown).found().forEach((k, ref) -> productCache.put(k.value(), ref));
        }
        for (Candidate c : orders) {
            if (rejected.contains(c)) {
                continue;
            }
            List<OrderLine> lines = ((Order) c.record).lines();
            Map<String, Ref> found = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String sku = lines.get(i).sku();
                Ref ref = productCache.get(sku);
                if (ref == null) {
                    rejected.add(c);
                    outcomes.reject(batch, EntityType.ORDER, c.ref(), outcomes.subject(c.record), RecordRejectedException.builder(
                            "product '" + sku + "' does not exist in " + products.system())
                            .fieldPath("lines[" + i + "].sku").build());
                    break;
                }
                found.put(sku, ref);
            }
            productsOf.put(c, found);
        }
        return productsOf;
    }

    /** The SKUs of {@code orders}' lines not yet known to exist in the target. */
    private Set<NaturalKey> unknownSkus(List<Candidate> orders) {
        Set<NaturalKey> unknown = new LinkedHashSet<>();
        for (Candidate c : orders) {
            for (OrderLine line : ((Order) c.record).lines()) {
                if (!productCache.containsKey(line.sku())) {
                    unknown.add(NaturalKey.sku(line.sku()));
                }
            }
        }
        return unknown;
    }

    private static PossyncException withPrefix(PossyncException e, String prefix, String fieldPrefix) {
        if (e instanceof RecordRejectedException r) {
            return RecordRejectedException.builder(prefix + r.reason())
                    .fieldPath(r.fieldPath().map(f -> fieldPrefix + f).orElse(fieldPrefix.substring(0, fieldPrefix.length() - 1)))
                    .vendorCode(r.vendorCode().orElse(null)).cause(r).build();
        }
        return TransientException.builder(prefix + e.getMessage())
                .retryAfter(e instanceof TransientException t ? t.retryAfter() : Optional.empty()).cause(e).build();
    }
}

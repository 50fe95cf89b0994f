package io.possync.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.Product;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.core.Flow;
import io.possync.core.RunStatus;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.internal.ContentHash;
import io.possync.core.internal.RecordValidator;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.ValueMap;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.shop.ListSource;
import io.possync.testkit.shop.SyntheticShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process cost per record of the engine's steps, on one thread, for orders with 5 lines mapped
 * with Business Central's default sales-invoice mapping, and for products:
 * mapping (defaults; defaults plus 10 JSONata overrides), validation, content hashing, and a whole
 * pipeline pass (engine run over an in-memory source and sink and the in-memory state store).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EngineBenchmark {

    private static final int PAGE = 1000;

    private Order order;
    private Product product;
    private ObjectNode orderInput;
    private ObjectNode orderJson;
    private CompiledMapping defaults;
    private CompiledMapping overridden;
    private CompiledMapping productDefaults;
    private ObjectNode productInput;
    private List<Order> orders;
    private MappingDefaults invoiceDefaults;
    private MappingDefaults itemDefaults;
    private final Ref ref = new Ref("pos", EntityType.ORDER, "1");
    private byte[] orderSourceJson;
    private ObjectNode invoiceBody;
    private ObjectNode customerBody;

    @Setup
    public void setUp() {
        orders = SyntheticShop.builder().orders(PAGE).linesPerOrder(5).build().orders();
        order = orders.get(0);
        BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("t", "e", "c", Secret.of("s")),
                "x")
                .build());
        invoiceDefaults = bc.salesInvoices().defaultMapping();
        itemDefaults = bc.items().defaultMapping();
        orderJson = Json.MAPPER.valueToTree(order);
        ObjectNode links = orderJson.putObject("links").put("customerId", "f2a5738a-44e3-ea11-bb43-000d3a2feca1");
        links.putObject("products");
        orderInput = orderJson;
        defaults = CompiledMapping.compile(Mapping.of(invoiceDefaults));
        Mapping custom = Mapping.of(invoiceDefaults)
                .withValueMap(ValueMap.builder("payments").row("CARD", "BANK").row("CASH", "KAS").defaultValue("BANK").build())
                .withValueMap(ValueMap.builder("stores").row("1", "AMS").defaultValue("MAIN").build());
        String[][] overrides = {
            {"externalDocumentNumber", "'POS-' & number"},
            {"customerPurchaseOrderReference", "$substring(number, 0, 35)"},
            {"salesperson", "$valueMap('payments', payments[0].method)"},
            {"shortcutDimension1Code", "$valueMap('stores', store)"},
            {"invoiceDate", "$substring(createdAt, 0, 10)"},
            {"postingDate", "$substring(modifiedAt, 0, 10)"},
            {"email", "$lowercase(customer.email)"},
            {"phoneNumber", "customer.phone ? customer.phone : ''"},
            {"discountAmount", "$round($sum(lines.discount), 2)"},
            {"shipToName", "$join([customer.contactPerson.firstName, customer.contactPerson.lastName], ' ')"}};
        for (String[] o : overrides) {
            custom = custom.override(o[0], o[1]);
        }
        overridden = CompiledMapping.compile(custom);
        product = Product.builder(new Ref("pos", EntityType.PRODUCT, "1"), "TEE-M", Instant.now()).name("T-shirt M")
                .ean("8712345678906").price(new io.possync.api.Price(new BigDecimal("19.95"), "EUR", true)).build();
        productDefaults = CompiledMapping.compile(Mapping.of(itemDefaults));
        productInput = Json.MAPPER.valueToTree(product);
        try {
            orderSourceJson = Json.MAPPER.writeValueAsBytes(order);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        invoiceBody = defaults.apply(orderInput, ref, false);
        customerBody = CompiledMapping.compile(Mapping.of(bc.customers().defaultMapping()))
                .apply(Json.MAPPER.valueToTree(order.customer().orElseThrow()), ref, false);
    }

    /**
     * The floor: the least any sync does per order — parse the order's JSON (with its customer) as a source sends
     * it and write the target's bodies for the invoice and the customer — with Jackson alone.
     * {@code pipelinePerOrder}, which writes both too, is reported as a multiple of this.
     */
    @Benchmark
    public void floorPerOrder(org.openjdk.jmh.infra.Blackhole sink) throws java.io.IOException {
        sink.consume(Json.MAPPER.readTree(orderSourceJson));
        sink.consume(Json.MAPPER.writeValueAsBytes(invoiceBody));
        sink.consume(Json.MAPPER.writeValueAsBytes(customerBody));
    }

    @Benchmark
    public ObjectNode mapOrderWithDefaults() {
        return defaults.apply(orderInput, ref, false);
    }

    @Benchmark
    public ObjectNode mapOrderWithTenOverrides() {
        return overridden.apply(orderInput, ref, false);
    }

    @Benchmark
    public ObjectNode mapProductWithDefaults() {
        return productDefaults.apply(productInput, ref, false);
    }

    @Benchmark
    public Object validateOrder() {
        return RecordValidator.check(order);
    }

    @Benchmark
    public String hashOrder() {
        return ContentHash.of(Json.MAPPER.valueToTree(order));
    }

    @Benchmark
    public String hashProduct() {
        return ContentHash.of(Json.MAPPER.valueToTree(product));
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public SyncReport pipelinePerOrder() {
        DiscardingSink<Order> invoices = new DiscardingSink<>(invoiceDefaults, KeyType.ORDER_NUMBER, EntityType.ORDER);
        DiscardingSink<io.possync.api.Customer> customers = new DiscardingSink<>(
                MappingDefaults.builder().field("email", "email").field("displayName", "email").build(), KeyType.EMAIL,
                EntityType.CUSTOMER);
        Flow<Order> flow = Flow.orders("bench").from(new ListSource<>("pos", orders)).to(invoices).customers(customers)
                .pageSize(100).build();
        SyncReport report = SyncEngine.builder().stateStore(new InMemoryStateStore()).build().run(flow);
        if (report.status() != RunStatus.COMPLETED || invoices.writes.get() != PAGE) {
            throw new IllegalStateException("the pipeline did not write every order: " + report.summary());
        }
        return report;
    }

    @Benchmark
    @OperationsPerInvocation(PAGE)
    public SyncReport pipelinePerProduct() {
        List<Product> products = new ArrayList<>(PAGE);
        for (int i = 0; i < PAGE; i++) {
            products.add(product.toBuilder().sourceRef(new Ref("pos", EntityType.PRODUCT, "p" + i)).sku("SKU-" + i).build());
        }
        DiscardingSink<Product> items = new DiscardingSink<>(itemDefaults, KeyType.SKU, EntityType.PRODUCT);
        return SyncEngine.builder().stateStore(new InMemoryStateStore()).build()
                .run(Flow.products("bench-products").from(new ListSource<>("pos", products)).to(items).pageSize(100).build());
    }


    /** A target that finds nothing and accepts every write, so only the engine's own cost is measured. */
    static final class DiscardingSink<T extends CanonicalRecord> implements Sink<T> {
        private final MappingDefaults defaults;
        private final KeyType key;
        private final EntityType type;
        final AtomicLong writes = new AtomicLong();

        DiscardingSink(MappingDefaults defaults, KeyType key, EntityType type) {
            this.defaults = defaults;
            this.key = key;
            this.type = type;
        }

        @Override
        public String system() {
            return "target";
        }

        @Override
        public MappingDefaults defaultMapping() {
            return defaults;
        }

        @Override
        public Set<KeyType> supportedKeys() {
            return Set.of(key);
        }

        @Override
        public Optional<Ref> find(NaturalKey k) {
            return Optional.empty();
        }

        @Override
        public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
            return Map.of();
        }

        @Override
        public Ref create(MappedRecord<T> record) {
            return new Ref("target", type, String.valueOf(writes.incrementAndGet()));
        }

        @Override
        public Ref update(Ref target, MappedRecord<T> record) {
            writes.incrementAndGet();
            return target;
        }
    }
}

package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Sink;
import io.possync.api.OrderStatus;
import io.possync.api.OrderStatusSink;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Source;
import io.possync.connector.lightspeed.internal.ChangeFeed;
import io.possync.connector.lightspeed.internal.InFilter;
import io.possync.connector.lightspeed.internal.Lenient;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lightspeed Retail sales as a source of orders (kind {@code INVOICE}: a till's sale is paid and
 * handed over). By default only completed, not voided sales of the settings' shops are read; a
 * flow's filter can narrow that further. Each sale comes with its lines (and their items, for the
 * SKU), payments (with the payment type's name as method) and customer (with contact).
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(lightspeed.sales()).to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).build();
 * }</pre>
 *
 * <p>As an order-status sink (the ERP → POS direction of a status flow) it voids the sale an ERP
 * order came from when that order is cancelled. R-Series sales have no other status than completed
 * and voided: a paid, completed or shipped order needs no change when its sale is completed, and is
 * rejected with that reason when it is not (an open sale is completed at the till, with its
 * payments).
 *
 * <p>As a sink it rings up orders from elsewhere (a web shop, the ERP) as sales in the settings'
 * {@code salesInto} shop, register and employee: lines by item, the customer, payments by payment
 * type name; the order number goes into {@code referenceNumber}, by which an order is found before
 * it is written, so it is never rung up twice. A sale whose payments cover its total is completed;
 * otherwise it stays open for the till. A sale already in Lightspeed is not changed. Thread-safe.
 */
public final class LightspeedSales extends LightspeedRetailCapability implements Source<Order>, Sink<Order>, OrderStatusSink {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed sales")
            .field(MappableField.text("referenceNumber").alwaysWritten().describe("the source's order number; how the sale is"
                    + " found again"), "number")
            .field(MappableField.text("customerID").describe("the Lightspeed customer; none for an anonymous sale"), "links.customerId")
            .field(MappableField.list("lines").asRequired().describe("sale lines: sku, itemID, unitQuantity, unitPrice,"
                    + " discount, taxRate (percent)"), "[lines.{'sku': sku, 'itemID': $lookup($$.links.products, sku),"
                    + " 'unitQuantity': quantity, 'unitPrice': unitPrice, 'discount': discount, 'taxRate': taxRate}]")
            .field(MappableField.list("payments").describe("payments: method (a Lightspeed payment type's name), amount"),
                    "[payments.{'method': method, 'amount': amount}]")
            .field(MappableField.number("total").describe("the sale's gross total; the sale is completed when payments cover it"),
                    "totals.gross")
            .build();
    private final java.util.Map<String, String> paymentTypes = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> RELATIONS = List.of("SaleLines", "SaleLines.Item", "SalePayments",
            "SalePayments.PaymentType", "Customer", "Customer.Contact");

    private final ChangeFeed<Order> feed;

    LightspeedSales(LightspeedRetailSession session) {
        super(session);
        Map<String, String> filters = new LinkedHashMap<>();
        if (!session.settings().includeIncompleteSales()) {
            filters.put("completed", "true");
        }
        if (!session.settings().includeVoidedSales()) {
            filters.put("voided", "false");
        }
        if (!session.settings().shopIds().isEmpty()) {
            filters.put("shopID", InFilter.of(new ArrayList<>(session.settings().shopIds())));
        }
        this.feed = new ChangeFeed<>(session, "Sale", "saleID", EntityType.ORDER, filters, RELATIONS, row -> List.of(converters.sale(row)));
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<Order> fetch(String id) {
        return session.get("Sale", id, RELATIONS).map(converters::sale);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.ORDER_NUMBER);
    }

    @Override
    public Optional<Ref> find(NaturalKey key) {
        if (key.type() != KeyType.ORDER_NUMBER) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("referenceNumber", key.value());
        query.put("limit", "1");
        for (JsonNode sale : Lenient.list(session.list("Sale", query), "Sale")) {
            return Lenient.text(sale, "saleID").map(id -> new Ref(LightspeedRetail.SYSTEM, EntityType.ORDER, id));
        }
        return Optional.empty();
    }

    /** Order numbers 50 per request ({@code referenceNumber=IN,[…]}); a number the list syntax cannot carry is looked up alone. */
    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        Map<NaturalKey, Ref> out = new LinkedHashMap<>();
        List<String> listable = new ArrayList<>();
        for (NaturalKey key : keys) {
            if (key.type() != KeyType.ORDER_NUMBER) {
                continue;
            }
            if (InFilter.listable(key.value())) {
                listable.add(key.value());
            } else {
                find(key).ifPresent(ref -> out.put(key, ref));
            }
        }
        for (List<String> chunk : InFilter.chunks(listable.stream().distinct().toList())) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("referenceNumber", InFilter.of(chunk));
            query.put("limit", "100");
            for (JsonNode sale : Lenient.list(session.list("Sale", query), "Sale")) {
                Optional<String> number = Lenient.text(sale, "referenceNumber").filter(chunk::contains);
                Optional<String> id = Lenient.text(sale, "saleID");
                if (number.isPresent() && id.isPresent()) {
                    out.putIfAbsent(NaturalKey.orderNumber(number.get()), new Ref(LightspeedRetail.SYSTEM, EntityType.ORDER, id.get()));
                }
            }
        }
        return out;
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        LightspeedRetailSettings.SalesInto into = session.settings().salesInto().orElseThrow(() -> new ConfigurationException(
                LightspeedRetail.SYSTEM, "set salesInto(shop, register, employee) in the settings to write sales into Lightspeed"));
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("referenceNumber", f.path("referenceNumber").asText(record.record().number()))
                .put("referenceNumberSource", "possync")
                .put("shopID", into.shopId()).put("registerID", into.registerId()).put("employeeID", into.employeeId());
        if (f.hasNonNull("customerID")) {
            body.put("customerID", f.get("customerID").asText());
        }
        ArrayNode lines = body.putObject("SaleLines").putArray("SaleLine");
        int i = 0;
        for (JsonNode line : f.path("lines")) {
            if (!line.hasNonNull("itemID")) {
                throw RecordRejectedException.builder("item '" + line.path("sku").asText() + "' is not in Lightspeed")
                        .record(record.sourceRef()).fieldPath("lines[" + i + "].sku").build();
            }
            ObjectNode l = lines.addObject().put("itemID", line.get("itemID").asText())
                    .put("unitQuantity", line.path("unitQuantity").asText("1"))
                    .put("unitPrice", line.path("unitPrice").decimalValue().toPlainString())
                    .put("tax1Rate", line.path("taxRate").decimalValue().movePointLeft(2).stripTrailingZeros().toPlainString());
            if (line.path("discount").decimalValue().signum() > 0) {
                l.put("discountAmount", line.path("discount").decimalValue().toPlainString());
            }
            i++;
        }
        java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
        ArrayNode payments = body.putObject("SalePayments").putArray("SalePayment");
        int p = 0;
        for (JsonNode payment : f.path("payments")) {
            String method = payment.path("method").asText("");
            Optional<String> type = paymentType(method);
            if (type.isEmpty()) {
                throw RecordRejectedException.builder("Lightspeed has no payment type '" + method + "'; add it or map the method")
                        .record(record.sourceRef()).fieldPath("payments[" + p + "].method").build();
            }
            String typeId = type.get();
            payments.addObject().put("amount", payment.path("amount").decimalValue().toPlainString()).put("paymentTypeID", typeId);
            paid = paid.add(payment.path("amount").decimalValue());
            p++;
        }
        boolean covered = p > 0 && paid.compareTo(f.path("total").decimalValue()) >= 0;
        body.put("completed", covered ? "true" : "false");
        JsonNode created = session.create("Sale", body);
        return new Ref(LightspeedRetail.SYSTEM, EntityType.ORDER, Lenient.text(created, "saleID")
                .orElseThrow(() -> new IllegalStateException("Lightspeed answered a sale without saleID")));
    }

    /** A sale in Lightspeed is not changed after it was rung up. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is sale " + target.id()
                + " in Lightspeed already; sales are not changed after they were rung up").record(record.sourceRef()).build();
    }

    private Optional<String> paymentType(String name) {
        if (paymentTypes.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "100");
            for (JsonNode t : Lenient.list(session.list("PaymentType", query), "PaymentType")) {
                Lenient.text(t, "name").ifPresent(n -> paymentTypes.put(n.toLowerCase(java.util.Locale.ROOT),
                        Lenient.text(t, "paymentTypeID").orElseThrow()));
            }
        }
        return Optional.ofNullable(paymentTypes.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void writeStatus(Ref order, OrderStatus status) {
        Optional<JsonNode> sale = session.get("Sale", order.id(), List.of());
        if (sale.isEmpty()) {
            throw RecordRejectedException.builder("sale " + order.id() + " no longer exists in Lightspeed").record(order).build();
        }
        boolean voided = Lenient.bool(sale.get(), "voided");
        boolean completed = Lenient.bool(sale.get(), "completed");
        switch (status) {
            case CANCELLED -> {
                if (!voided) {
                    session.update("Sale", order.id(), JsonNodeFactory.instance.objectNode().put("voided", "true"));
                }
            }
            case PAID, COMPLETED, SHIPPED -> {
                if (!completed || voided) {
                    throw RecordRejectedException.builder("sale " + order.id() + " is " + (voided ? "voided" : "not completed")
                            + " in Lightspeed; the API cannot complete it (" + status + " in the ERP)").record(order)
                            .fieldPath("status").build();
                }
            }
            default -> throw RecordRejectedException.builder("a Lightspeed R-Series sale has no status for " + status)
                    .record(order).fieldPath("status").build();
        }
    }
}

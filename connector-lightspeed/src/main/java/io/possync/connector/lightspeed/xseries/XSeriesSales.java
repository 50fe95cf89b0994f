package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappedRecord;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.Payment;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * X-Series sales as a source of orders (kind {@code INVOICE}): closed sales of the settings'
 * outlets by default (voided ones when the settings ask, as cancelled orders; web orders awaiting or
 * past fulfilment when they ask, as paid, shipped or completed orders; open, on-account and lay-by
 * sales are not read), with line SKUs from their products and the sale's customer.
 *
 * <p>As a sink it rings up orders from elsewhere through API 0.9's {@code POST /api/register_sales}
 * (the documented way to create sales) on the settings' {@code salesInto} register, user and tax:
 * lines by the product with the line's SKU, unit price and unit tax, the customer, payments by
 * payment type name; {@code invoice_number} and {@code source_id} = the order number, by which the
 * order is searched before it is written, so it is rung up once. Closed when its payments cover the
 * total, else saved (parked) for the till. A sale is not changed after it was rung up.
 *
 * <p>As an order-status sink it fulfils a sale awaiting dispatch when the order is {@code SHIPPED} (or
 * {@code COMPLETED}), and one awaiting pickup when it is {@code COMPLETED} or {@code SHIPPED}, through
 * {@code POST /sales/{id}/fulfill}; a sale already fulfilled or closed is left as it is. API 2.0 cannot void a sale, so
 * {@code CANCELLED} on a sale that is not voided is a rejection that says so.
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(xseries.sales()).to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesSales extends XSeriesCapability<Order> implements Source<Order>, Sink<Order>, io.possync.api.OrderStatusSink {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed x-series sales")
            .field(MappableField.text("invoice_number").alwaysWritten().describe("the source's order number; how the sale is"
                    + " found again"), "number")
            .field(MappableField.text("customer_id"), "links.customerId")
            .field(MappableField.text("note"), "'possync: ' & number")
            .build();
    /** The statuses of a web order's life: awaiting fulfilment, then fulfilled. */
    private static final Set<String> WEB_ORDER_STATUSES = Set.of("AWAITING_DISPATCH", "AWAITING_PICKUP", "DISPATCHED_CLOSED",
            "PICKED_UP_CLOSED");
    private final java.util.Map<String, String> paymentTypes = new java.util.concurrent.ConcurrentHashMap<>();

    XSeriesSales(XSeriesSession session) {
        super(session, "sales", EntityType.ORDER, (c, row) -> {
            String status = row.path("status").asText("");
            XSeriesConverters.status(status); // a status X-Series does not document makes the sale unreadable, not skipped
            String outlet = row.path("outlet_id").asText("");
            boolean wanted = status.equals("CLOSED") || (status.equals("VOIDED") && session.settings().includeVoidedSales())
                    || (WEB_ORDER_STATUSES.contains(status) && session.settings().includeWebOrders());
            boolean inOutlet = session.settings().outletIds().isEmpty() || session.settings().outletIds().contains(outlet);
            return wanted && inOutlet ? List.of(c.sale(row)) : List.of();
        }, XSeriesConverters::sale);
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
        for (JsonNode sale : session.search("sales", "invoice_number", key.value())) {
            if (sale.path("invoice_number").asText("").equalsIgnoreCase(key.value())) {
                return Optional.of(new Ref(LightspeedXSeries.SYSTEM, EntityType.ORDER, sale.path("id").asText()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Ref create(MappedRecord<Order> record) {
        XSeriesSettings.SalesInto into = session.settings().salesInto().orElseThrow(() -> new ConfigurationException(
                LightspeedXSeries.SYSTEM, "set salesInto(register, user, tax) in the settings to write sales into X-Series"));
        Order order = record.record();
        ObjectNode f = record.fields();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("register_id", into.registerId()).put("user_id", into.userId())
                .put("invoice_number", f.path("invoice_number").asText(order.number()))
                .put("source_id", order.number())
                .put("sale_date", order.createdAt().toString());
        if (f.hasNonNull("note")) {
            body.put("note", f.get("note").asText());
        }
        if (f.hasNonNull("customer_id")) {
            body.put("customer_id", f.get("customer_id").asText());
        }
        ArrayNode products = body.putArray("register_sale_products");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            String sku = line.sku();
            int index = i;
            JsonNode product = session.productBySku(sku).orElseThrow(() -> RecordRejectedException.builder("product '" + sku
                    + "' is not in X-Series").record(order.sourceRef()).fieldPath("lines[" + index + "].sku").build());
            // API 0.9 takes a unit price excluding tax and the unit's tax apart, whatever the order's prices include.
            BigDecimal factor = BigDecimal.ONE.add(line.taxRate().movePointLeft(2));
            BigDecimal discountPerUnit = line.quantity().signum() == 0 ? BigDecimal.ZERO
                    : line.discount().divide(line.quantity(), 4, RoundingMode.HALF_UP);
            BigDecimal net = line.unitPrice().subtract(discountPerUnit);
            BigDecimal unitGross = order.pricesIncludeTax() ? net : net.multiply(factor);
            BigDecimal unitPrice = unitGross.divide(factor, 5, RoundingMode.HALF_UP);
            BigDecimal unitTax = unitGross.subtract(unitPrice);
            products.addObject().put("product_id", product.path("id").asText()).put("quantity", line.quantity())
                    .put("price", unitPrice).put("tax", unitTax).put("tax_id", into.taxId());
            total = total.add(unitGross.multiply(line.quantity()));
        }
        ArrayNode payments = body.putArray("register_sale_payments");
        BigDecimal paid = BigDecimal.ZERO;
        for (int k = 0; k < order.payments().size(); k++) {
            Payment p = order.payments().get(k);
            Optional<String> type = paymentType(p.method());
            if (type.isEmpty()) {
                throw RecordRejectedException.builder("X-Series has no payment type '" + p.method() + "'; add it or map the method")
                        .record(order.sourceRef()).fieldPath("payments[" + k + "].method").build();
            }
            payments.addObject().put("register_id", into.registerId()).put("retailer_payment_type_id", type.get())
                    .put("payment_date", order.createdAt().toString()).put("amount", p.amount());
            paid = paid.add(p.amount());
        }
        body.put("status", !order.payments().isEmpty() && paid.compareTo(total.setScale(2, RoundingMode.HALF_UP)) >= 0 ? "CLOSED" : "SAVED");
        JsonNode sale = session.registerSale(body);
        return new Ref(LightspeedXSeries.SYSTEM, EntityType.ORDER, sale.path("id").asText());
    }

    /** A sale in X-Series is not changed after it was rung up. */
    @Override
    public Ref update(Ref target, MappedRecord<Order> record) {
        throw RecordRejectedException.builder("order " + record.record().number() + " is sale " + target.id()
                + " in X-Series already; sales are not changed after they were rung up").record(record.sourceRef()).build();
    }

    private Optional<String> paymentType(String name) {
        if (paymentTypes.isEmpty()) {
            for (JsonNode t : session.page("payment_types", 0, 1000).path("data")) {
                paymentTypes.put(t.path("name").asText().toLowerCase(java.util.Locale.ROOT), t.path("id").asText());
            }
        }
        return Optional.ofNullable(paymentTypes.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void writeStatus(Ref order, io.possync.api.OrderStatus status) {
        JsonNode sale = session.get("sales", order.id()).orElseThrow(() -> RecordRejectedException.builder("sale " + order.id()
                + " no longer exists in X-Series").record(order).build());
        String now = sale.path("status").asText("");
        switch (status) {
            case SHIPPED, COMPLETED -> {
                if (now.equals("AWAITING_DISPATCH")) {
                    session.fulfil(order.id(), "SHIPPED");
                } else if (now.equals("AWAITING_PICKUP")) {
                    session.fulfil(order.id(), "PICKED_UP");
                } else if (now.equals("VOIDED") || !now.endsWith("CLOSED")) {
                    throw RecordRejectedException.builder("sale " + order.id() + " is " + now + " in X-Series; only a sale awaiting"
                            + " dispatch or pickup can be fulfilled (" + status + " in the source)").record(order).fieldPath("status").build();
                }
            }
            case CANCELLED -> {
                if (!now.equals("VOIDED")) {
                    throw RecordRejectedException.builder("sale " + order.id() + " is " + now + " in X-Series and API 2.0 cannot void"
                            + " a sale; void it in the till (CANCELLED in the source)").record(order).fieldPath("status").build();
                }
            }
            case PAID -> {
                // Nothing to write: a sale is paid when it is rung up.
            }
            case OPEN, REFUNDED -> throw RecordRejectedException.builder("an X-Series sale cannot be set " + status
                    + " through API 2.0 (a refund is a return sale); leave it out with the flow's StatusMap").record(order)
                    .fieldPath("status").build();
        }
    }
}

package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.possync.api.Cursor;
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
import io.possync.connector.lightspeed.internal.RetailSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * payments). Writing new sales into Lightspeed is not implemented yet. Thread-safe.
 */
public final class LightspeedSales extends RetailCapability implements Source<Order>, OrderStatusSink {

    private static final List<String> RELATIONS = List.of("SaleLines", "SaleLines.Item", "SalePayments",
            "SalePayments.PaymentType", "Customer", "Customer.Contact");

    private final ChangeFeed<Order> feed;

    LightspeedSales(RetailSession session) {
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
        this.feed = new ChangeFeed<>(session, "Sale", "saleID", filters, RELATIONS, row -> List.of(converters.sale(row)));
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

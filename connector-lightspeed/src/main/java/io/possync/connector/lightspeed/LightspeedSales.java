package io.possync.connector.lightspeed;

import io.possync.api.Cursor;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.Source;
import io.possync.connector.lightspeed.internal.ChangeFeed;
import io.possync.connector.lightspeed.internal.InFilter;
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
 * <p>Not a sink: writing sales into Lightspeed (the ERP → POS direction) is not implemented yet.
 * Thread-safe.
 */
public final class LightspeedSales extends RetailCapability implements Source<Order> {

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
}

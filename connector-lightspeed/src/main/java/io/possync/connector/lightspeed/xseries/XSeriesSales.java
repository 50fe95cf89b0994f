package io.possync.connector.lightspeed.xseries;

import io.possync.api.Cursor;
import io.possync.api.Metered;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.RequestCounter;
import io.possync.api.Source;
import io.possync.connector.lightspeed.xseries.internal.VersionFeed;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;

/**
 * X-Series sales as a source of orders (kind {@code INVOICE}): closed sales of the settings'
 * outlets by default (voided ones when the settings ask, as cancelled orders; open, on-account and
 * lay-by sales are not read), with line SKUs from their products and the sale's customer.
 *
 * <pre>{@code
 * Flow.orders("pos-sales").from(xseries.sales()).to(businessCentral.salesInvoices())
 *         .customers(businessCentral.customers()).products(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesSales implements Source<Order>, Metered {

    private final XSeriesSession session;
    private final XSeriesConverters converters;
    private final VersionFeed<Order> feed;

    XSeriesSales(XSeriesSession session) {
        this.session = session;
        this.converters = new XSeriesConverters(session);
        this.feed = new VersionFeed<>(session, "sales", row -> {
            String status = row.path("status").asText("");
            String outlet = row.path("outlet_id").asText("");
            boolean wanted = status.equals("CLOSED") || (status.equals("VOIDED") && session.settings().includeVoidedSales());
            boolean inOutlet = session.settings().outletIds().isEmpty() || session.settings().outletIds().contains(outlet);
            return wanted && inOutlet ? List.of(converters.sale(row)) : List.of();
        });
    }

    @Override
    public String system() {
        return "lightspeed-xseries";
    }

    @Override
    public Page<Order> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<Order> fetch(String id) {
        return session.get("sales", id).map(converters::sale);
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

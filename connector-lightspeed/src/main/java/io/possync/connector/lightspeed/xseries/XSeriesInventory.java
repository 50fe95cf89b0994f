package io.possync.connector.lightspeed.xseries;

import io.possync.api.Cursor;
import io.possync.api.Metered;
import io.possync.api.Page;
import io.possync.api.RequestCounter;
import io.possync.api.Source;
import io.possync.api.StockLevel;
import io.possync.connector.lightspeed.xseries.internal.VersionFeed;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;

/**
 * X-Series inventory as a source: one stock level per product and outlet ({@code inventory_level}),
 * location = the outlet id. Not a sink: X-Series changes stock through consignments (stock orders
 * and counts), which possync does not write yet.
 *
 * <pre>{@code
 * Flow.stock("pos-stock").from(xseries.inventory()).to(shop.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesInventory implements Source<StockLevel>, Metered {

    private final XSeriesSession session;
    private final XSeriesConverters converters;
    private final VersionFeed<StockLevel> feed;

    XSeriesInventory(XSeriesSession session) {
        this.session = session;
        this.converters = new XSeriesConverters(session);
        this.feed = new VersionFeed<>(session, "inventory", row -> {
            String outlet = row.path("outlet_id").asText("");
            boolean inOutlet = session.settings().outletIds().isEmpty() || session.settings().outletIds().contains(outlet);
            return inOutlet ? List.of(converters.inventory(row)) : List.of();
        });
    }

    @Override
    public String system() {
        return "lightspeed-xseries";
    }

    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<StockLevel> fetch(String id) {
        return session.get("inventory", id).map(converters::inventory);
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.connector.lightspeed.xseries;

import io.possync.api.Cursor;
import io.possync.api.Metered;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RequestCounter;
import io.possync.api.Source;
import io.possync.connector.lightspeed.xseries.internal.VersionFeed;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;

/**
 * X-Series products as a source: SKU, name (the variant name for variants), price including or
 * excluding tax as the settings say, supply price as cost, variant options as attributes, and a
 * variant's parent SKU from its family's parent product.
 *
 * <pre>{@code
 * Flow.products("pos-products").from(xseries.products()).to(businessCentral.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class XSeriesProducts implements Source<Product>, Metered {

    private final XSeriesSession session;
    private final XSeriesConverters converters;
    private final VersionFeed<Product> feed;

    XSeriesProducts(XSeriesSession session) {
        this.session = session;
        this.converters = new XSeriesConverters(session);
        this.feed = new VersionFeed<>(session, "products", row -> {
            session.remember(row);
            return List.of(converters.product(row));
        });
    }

    @Override
    public String system() {
        return "lightspeed-xseries";
    }

    @Override
    public Page<Product> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<Product> fetch(String id) {
        return session.get("products", id).map(converters::product);
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.connector.lightspeed.xseries;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Metered;
import io.possync.api.Page;
import io.possync.api.RequestCounter;
import io.possync.connector.lightspeed.xseries.internal.VersionFeed;
import io.possync.connector.lightspeed.xseries.internal.XSeriesConverters;
import io.possync.connector.lightspeed.xseries.internal.XSeriesSession;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the X-Series capabilities share: the session, the converters, one resource's change feed and its records by id. */
abstract class XSeriesCapability<T extends CanonicalRecord> implements Metered {

    final XSeriesSession session;
    final XSeriesConverters converters;
    private final String resource;
    private final VersionFeed<T> feed;
    private final Function<JsonNode, T> convert;

    /**
     * A capability over {@code resource}: {@code feedConvert} turns a feed record into the records to
     * deliver (none when filtered out), {@code convert} a record read by id.
     */
    XSeriesCapability(XSeriesSession session, String resource, EntityType type,
                      BiFunction<XSeriesConverters, JsonNode, List<T>> feedConvert, BiFunction<XSeriesConverters, JsonNode, T> convert) {
        this.session = session;
        this.converters = new XSeriesConverters(session);
        this.resource = resource;
        this.feed = new VersionFeed<>(session, resource, type, row -> feedConvert.apply(converters, row));
        this.convert = row -> convert.apply(converters, row);
    }

    /** {@code lightspeed-xseries}. */
    public String system() {
        return LightspeedXSeries.SYSTEM;
    }

    /** The changes after {@code cursor}. */
    public Page<T> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    /** One record by its X-Series id. */
    public Optional<T> fetch(String id) {
        return session.get(resource, id).map(convert);
    }

    @Override
    public RequestCounter requests() {
        return session.api().requests();
    }
}

package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Metered;
import io.possync.api.Order;
import io.possync.api.Page;
import io.possync.api.RequestCounter;
import io.possync.api.Source;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;
import io.possync.connector.businesscentral.internal.EntityEndpoint;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the order-status sources over posted documents share: a document read by {@code lastModifiedDateTime} with its
 * lines, then given as the sales order it belongs to, under that order's ref.
 */
abstract class PostedDocumentSource implements Source<Order>, Metered {

    final BusinessCentralSession session;
    private final EntityEndpoint<Order> endpoint;

    /** A source over {@code entitySet} (lines in {@code linesSet}), each row read with {@code toCanonical}. */
    PostedDocumentSource(BusinessCentralSession session, String entitySet, String linesSet, Function<JsonNode, Order> toCanonical) {
        this.session = session;
        String single = entitySet.substring(0, entitySet.length() - 1);
        this.endpoint = new EntityEndpoint<>(session, new EntityEndpoint.Shape<>(entitySet, single, EntityType.ORDER, Map.of(),
                Optional.of(linesSet), Optional.of(linesSet.substring(0, linesSet.length() - 1)), "number", toCanonical));
    }

    @Override
    public final String system() {
        return BusinessCentral.SYSTEM;
    }

    @Override
    public final RequestCounter requests() {
        return session.api().requests();
    }

    @Override
    public final Page<Order> changesSince(Cursor cursor, int limit) {
        return asOrders(endpoint.changesSince(cursor, limit));
    }

    /** {@code documents} as the orders they belong to; the page's cursor and flags stay. */
    abstract Page<Order> asOrders(Page<Order> documents);

    /** The document with {@code id}, or empty. */
    final Optional<Order> document(String id) {
        return endpoint.fetch(id);
    }
}

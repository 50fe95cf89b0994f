package io.possync.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What every canonical record has: where it came from, when it last changed, and optionally
 * the vendor's raw JSON so a mapping can reach a field the canonical model does not name.
 *
 * <pre>{@code
 * CanonicalRecord r = order;
 * log.info("{} changed at {}", r.sourceRef(), r.modifiedAt());
 * }</pre>
 *
 * <p>All implementations are immutable records. {@link #raw()} is for reading only.
 */
public sealed interface CanonicalRecord permits Customer, Product, Order, StockLevel {

    /** The record in its source system. */
    Ref sourceRef();

    /** When the source last changed it (UTC). */
    Instant modifiedAt();

    /** The vendor's JSON as the source returned it, when the connector kept it. */
    Optional<JsonNode> raw();
}

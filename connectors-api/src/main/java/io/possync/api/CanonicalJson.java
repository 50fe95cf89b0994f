package io.possync.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.possync.api.internal.Json;

/**
 * The JSON form of the canonical model, as mappings see it and as hosts may store it:
 * ISO-8601 instants, exact decimals, empty optionals omitted.
 *
 * <pre>{@code
 * ObjectMapper mapper = CanonicalJson.newMapper();
 * JsonNode json = mapper.valueToTree(order);
 * Order back = mapper.treeToValue(json, Order.class);
 * }</pre>
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** A new, independently configurable mapper set up for the canonical model. */
    public static ObjectMapper newMapper() {
        return Json.newMapper();
    }
}

package io.possync.core.mapping.internal;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * The JSONata interpreter's result as a Jackson tree. A null inside an object or array is JSON null,
 * as JSONata has it ({@code {"d": discount}} over {@code {"discount": null}} is {@code {"d": null}}),
 * which the canonical mapper's "omit absent values" rule would drop.
 */
final class InterpreterOutput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private InterpreterOutput() {
    }

    static JsonNode toNode(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return NullNode.getInstance();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(v -> array.add(toNode(v)));
            return array;
        }
        return Json.MAPPER.valueToTree(value);
    }
}

package io.possync.core.mapping.internal;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON as the plain Java values the JSONata interpreter reads. Decimals lose their
 * trailing zeros and whole ones become {@code Long}s, so {@code $string(taxRate)} of 21.00 is
 * {@code "21"} as JSONata specifies (the interpreter would print a {@code BigDecimal}'s scale).
 */
final class InterpreterInput {

    private InterpreterInput() {
    }

    static Object of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>(node.size() * 2);
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), of(e.getValue()));
                }
                return map;
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(of(element)));
                return list;
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return number(node);
            case NULL:
                return Jsonata.NULL_VALUE; // JSON null is a value in JSONata ($count(null) is 1), unlike an absent field
            default:
                return null;
        }
    }

    private static Object number(JsonNode node) {
        if (node.isInt() || node.isLong() || node.isDouble() || node.isFloat()) {
            return node.numberValue();
        }
        BigDecimal d = node.decimalValue();
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return stripped;
    }
}

package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * JSONata's value rules over Jackson trees. A value is {@code null} (JSONata's undefined), a
 * {@link JsonNode} or a {@link Sequence}. Containers built during evaluation are {@link Built}
 * nodes, so {@link #detach} knows which containers still belong to the input.
 */
final class Values {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigDecimal LARGEST_PLAIN = new BigDecimal("1e21");
    private static final BigDecimal SMALLEST_PLAIN = new BigDecimal("1e-6");

    private Values() {
    }

    /** An object built by an object constructor. */
    static final class BuiltObject extends ObjectNode implements Built {
        BuiltObject() {
            super(NODES);
        }
    }

    /** An array built by an array constructor or a function. */
    static final class BuiltArray extends ArrayNode implements Built {
        BuiltArray() {
            super(NODES);
        }
    }

    /** Marks a container made during evaluation. */
    interface Built {
    }

    /** A sequence of no values is undefined, of one value is that value. */
    static Object collapse(Object value) {
        if (value instanceof Sequence s) {
            if (s.isEmpty()) {
                return null;
            }
            if (s.size() == 1) {
                return s.get(0);
            }
        }
        return value;
    }

    /** The value as a JSON node: a sequence becomes an array. */
    static JsonNode toNode(Object value) {
        if (value instanceof Sequence s) {
            BuiltArray a = new BuiltArray();
            s.forEach(a::add);
            return a;
        }
        return (JsonNode) value;
    }

    /**
     * The value with every container that came from the input copied, so the caller may change the
     * result without touching the record it was mapped from.
     */
    static JsonNode detach(JsonNode node) {
        if (node instanceof BuiltObject o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode d = detach(e.getValue());
                if (d != e.getValue()) {
                    e.setValue(d);
                }
            }
            return o;
        }
        if (node instanceof BuiltArray a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode d = detach(a.get(i));
                if (d != a.get(i)) {
                    a.set(i, d);
                }
            }
            return a;
        }
        return node.isContainerNode() ? node.deepCopy() : node;
    }

    /** JSONata's boolean cast ({@code $boolean}); undefined is false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Sequence s) {
            return anyTruthy(s);
        }
        JsonNode n = (JsonNode) value;
        return switch (n.getNodeType()) {
            case STRING -> !n.textValue().isEmpty();
            case NUMBER -> n.decimalValue().signum() != 0;
            case BOOLEAN -> n.booleanValue();
            case OBJECT -> n.size() > 0;
            case ARRAY -> anyTruthy(n);
            default -> false;
        };
    }

    private static boolean anyTruthy(Iterable<JsonNode> values) {
        for (JsonNode v : values) {
            if (truthy(v)) {
                return true;
            }
        }
        return false;
    }

    /** JSONata's {@code $string} of a scalar; containers and unusual numbers are deferred. */
    static String string(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> n.textValue();
            case NUMBER -> format(n.decimalValue());
            case BOOLEAN -> n.booleanValue() ? "true" : "false";
            case NULL -> "null";
            default -> throw Deferred.INSTANCE;
        };
    }

    /**
     * A number as JSONata prints it (15 significant digits, no trailing zeros); numbers it would print
     * with an exponent or round are deferred.
     */
    static String format(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal abs = d.abs();
        BigDecimal stripped = d.stripTrailingZeros();
        if (abs.compareTo(LARGEST_PLAIN) >= 0 || abs.compareTo(SMALLEST_PLAIN) < 0 || stripped.precision() > 15) {
            throw Deferred.INSTANCE;
        }
        return stripped.toPlainString();
    }

    /** A string value, or undefined; anything else is deferred (JSONata would raise a type error). */
    static String stringArgument(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode n && n.isTextual()) {
            return n.textValue();
        }
        throw Deferred.INSTANCE;
    }

    /** A number value, or undefined; anything else is deferred. */
    static BigDecimal numberArgument(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode n && n.isNumber()) {
            return n.decimalValue();
        }
        throw Deferred.INSTANCE;
    }

    /** An integer argument (a position or length); fractions and other types are deferred. */
    static int intArgument(Object value) {
        BigDecimal d = numberArgument(value);
        if (d == null) {
            throw Deferred.INSTANCE;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw Deferred.INSTANCE;
        }
    }

    static TextNode text(String s) {
        return TextNode.valueOf(s);
    }

    static BooleanNode bool(boolean b) {
        return BooleanNode.valueOf(b);
    }

    static JsonNode number(BigDecimal d) {
        return DecimalNode.valueOf(d);
    }

    /** Whether {@code s} has characters outside the basic plane, where JSONata counts code points. */
    static boolean hasSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

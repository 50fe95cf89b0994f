package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSONata functions evaluated directly, each following JSONata's rules for undefined arguments;
 * argument types JSONata would refuse are {@link Deferred}, so its own error message is raised.
 */
final class Functions {

    /** Every function {@link #call} knows, with the number of arguments it takes at least and at most. */
    static final Set<String> NAMES = Set.of("substring", "substringBefore", "contains", "not", "exists", "string",
            "boolean", "lookup", "append", "lowercase", "uppercase", "join", "replace", "sum", "count", "round",
            "valueMap");

    private Functions() {
    }

    /** Whether {@code name} called with {@code count} arguments can be evaluated directly. */
    static boolean supports(String name, int count) {
        return switch (name) {
            case "not", "exists", "string", "boolean", "lowercase", "uppercase", "sum", "count" -> count == 1;
            case "substringBefore", "contains", "lookup", "append", "valueMap" -> count == 2;
            case "substring" -> count == 2 || count == 3;
            case "join", "round" -> count == 1 || count == 2;
            case "replace" -> count == 3;
            default -> false;
        };
    }

    static Object call(String name, List<Node> arguments, JsonNode context, Scope scope) {
        if (name.equals("contains") && arguments.get(1) instanceof Node.Regex regex) {
            String s = Values.stringArgument(arguments.get(0).eval(context, scope));
            return s == null ? null : Values.bool(regex.pattern().matcher(s).find());
        }
        Object a = arguments.get(0).eval(context, scope);
        Object b = arguments.size() > 1 ? arguments.get(1).eval(context, scope) : null;
        return switch (name) {
            case "substring" -> substring(a, b, arguments.size() > 2 ? arguments.get(2).eval(context, scope) : null,
                    arguments.size() > 2);
            case "substringBefore" -> substringBefore(a, b);
            case "contains" -> contains(a, b);
            case "not" -> a == null ? null : Values.bool(!Values.truthy(a));
            case "exists" -> Values.bool(a != null);
            case "string" -> a == null ? null : Values.text(Values.string(single(a)));
            case "boolean" -> a == null ? null : Values.bool(Values.truthy(a));
            case "lookup" -> lookup(a, b);
            case "append" -> append(a, b);
            case "lowercase" -> text(a, true);
            case "uppercase" -> text(a, false);
            case "join" -> join(a, b, arguments.size() > 1);
            case "replace" -> replace(a, b, arguments.get(2).eval(context, scope));
            case "sum" -> sum(a);
            case "count" -> count(a);
            case "round" -> round(a, b, arguments.size() > 1);
            case "valueMap" -> valueMap(a, b, scope);
            default -> throw Deferred.INSTANCE;
        };
    }

    private static JsonNode single(Object v) {
        if (v instanceof JsonNode n) {
            return n;
        }
        throw Deferred.INSTANCE;
    }

    private static Object substring(Object str, Object start, Object length, boolean hasLength) {
        String s = Values.stringArgument(str);
        if (s == null) {
            return null;
        }
        if (Values.hasSurrogates(s)) {
            throw Deferred.INSTANCE;
        }
        int from = Values.intArgument(start);
        int n = s.length();
        if (n + from < 0) {
            from = 0;
        }
        int begin = from < 0 ? n + from : Math.min(from, n);
        if (!hasLength) {
            return Values.text(s.substring(begin));
        }
        int len = Values.intArgument(length);
        if (len <= 0) {
            return Values.text("");
        }
        int end = from >= 0 ? from + len : n + from + len;
        end = Math.max(begin, Math.min(end, n));
        return Values.text(s.substring(begin, end));
    }

    private static Object substringBefore(Object str, Object chars) {
        String s = Values.stringArgument(str);
        if (s == null) {
            return null;
        }
        String c = Values.stringArgument(chars);
        if (c == null) {
            throw Deferred.INSTANCE;
        }
        int i = s.indexOf(c);
        return Values.text(i < 0 ? s : s.substring(0, i));
    }

    private static Object contains(Object str, Object pattern) {
        String s = Values.stringArgument(str);
        if (s == null) {
            return null;
        }
        String p = Values.stringArgument(pattern);
        if (p == null) {
            throw Deferred.INSTANCE;
        }
        return Values.bool(s.contains(p));
    }

    private static Object lookup(Object object, Object key) {
        if (object == null) {
            return null;
        }
        String k = Values.stringArgument(key);
        if (k == null || !(object instanceof JsonNode o) || o.isArray()) {
            throw Deferred.INSTANCE;
        }
        return o.isObject() ? o.get(k) : null;
    }

    private static Object append(Object first, Object second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        Values.BuiltArray out = new Values.BuiltArray();
        addAll(out, first);
        addAll(out, second);
        return out;
    }

    private static void addAll(ArrayNode out, Object value) {
        if (value instanceof Sequence s) {
            out.addAll(s);
        } else if (value instanceof ArrayNode a) {
            out.addAll(a);
        } else {
            out.add((JsonNode) value);
        }
    }

    private static Object text(Object value, boolean lower) {
        String s = Values.stringArgument(value);
        if (s == null) {
            return null;
        }
        return Values.text(lower ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT));
    }

    private static Object join(Object strings, Object separator, boolean hasSeparator) {
        if (strings == null) {
            return null;
        }
        String sep = hasSeparator ? Values.stringArgument(separator) : "";
        if (sep == null) {
            throw Deferred.INSTANCE;
        }
        if (strings instanceof JsonNode n && n.isTextual()) {
            return n;
        }
        Iterable<JsonNode> items = strings instanceof Sequence s ? s : strings instanceof ArrayNode a ? a : null;
        if (items == null) {
            throw Deferred.INSTANCE;
        }
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw Deferred.INSTANCE;
            }
            if (!first) {
                out.append(sep);
            }
            out.append(item.textValue());
            first = false;
        }
        return Values.text(out.toString());
    }

    private static Object replace(Object str, Object pattern, Object replacement) {
        String s = Values.stringArgument(str);
        if (s == null) {
            return null;
        }
        String p = Values.stringArgument(pattern);
        String r = Values.stringArgument(replacement);
        if (p == null || p.isEmpty() || r == null || r.indexOf('$') >= 0) {
            throw Deferred.INSTANCE;
        }
        return Values.text(s.replace(p, r));
    }

    private static Object sum(Object values) {
        if (values == null) {
            return null;
        }
        if (values instanceof JsonNode n && n.isNumber()) {
            return n;
        }
        Iterable<JsonNode> items = values instanceof Sequence s ? s : values instanceof ArrayNode a ? a : null;
        if (items == null) {
            throw Deferred.INSTANCE;
        }
        double total = 0; // JSONata sums in doubles
        for (JsonNode item : items) {
            if (!item.isNumber()) {
                throw Deferred.INSTANCE;
            }
            total += item.doubleValue();
        }
        return DoubleNode.valueOf(total);
    }

    private static Object round(Object number, Object precision, boolean hasPrecision) {
        BigDecimal d = Values.numberArgument(number);
        if (d == null) {
            return null;
        }
        int places = hasPrecision ? Values.intArgument(precision) : 0;
        // JSONata rounds the double's shortest decimal form, half to even
        return Values.number(BigDecimal.valueOf(d.doubleValue()).setScale(places, RoundingMode.HALF_EVEN));
    }

    private static Object valueMap(Object table, Object key, Scope scope) {
        String t = Values.stringArgument(table);
        if (t == null) {
            throw Deferred.INSTANCE;
        }
        Object k;
        if (key == null) {
            k = null;
        } else if (key instanceof JsonNode n && n.isNumber()) {
            k = n.numberValue();
        } else if (key instanceof JsonNode n && !n.isContainerNode() && !n.isNull()) {
            k = n.asText();
        } else {
            throw Deferred.INSTANCE;
        }
        return Values.text(scope.host.valueMap(t, k));
    }

    /** The number of items; a JSON null among them is left to the interpreter, which counts it as no item. */
    private static JsonNode count(Object a) {
        if (a == null) {
            return IntNode.valueOf(0);
        }
        Iterable<JsonNode> items = a instanceof Sequence s ? s : a instanceof ArrayNode n ? n : List.of((JsonNode) a);
        int size = 0;
        for (JsonNode item : items) {
            if (item.isNull()) {
                throw Deferred.INSTANCE;
            }
            size++;
        }
        return IntNode.valueOf(size);
    }
}

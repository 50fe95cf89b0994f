package io.possync.core.mapping.internal;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.FieldRule;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Redaction;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.MappingFunction;
import io.possync.core.mapping.ValueMap;
import io.possync.core.mapping.internal.direct.Deferred;
import io.possync.core.mapping.internal.direct.DirectExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Mapping} with every expression parsed and checked, ready to turn canonical JSON into
 * target fields. Thread-safe: each evaluation gets its own frame.
 */
public final class CompiledMapping {

    /** The function reading value maps. */
    public static final String VALUE_MAP_FUNCTION = "valueMap";

    private static final Set<String> JSONATA_FUNCTIONS = Set.of("sum", "count", "max", "min", "average", "string",
            "substring", "substringBefore", "substringAfter", "lowercase", "uppercase", "length", "trim", "pad",
            "join", "split", "match", "replace", "now", "millis", "fromMillis", "toMillis", "formatNumber",
            "formatBase", "formatInteger", "parseInteger", "number", "abs", "floor", "ceil", "round", "power", "sqrt",
            "random", "boolean", "not", "exists", "keys", "lookup", "spread", "merge", "sift", "each", "error",
            "assert", "type", "sort", "reverse", "shuffle", "distinct", "zip", "append", "map", "filter", "single",
            "reduce", "encodeUrlComponent", "encodeUrl", "decodeUrlComponent", "decodeUrl", "eval", "base64encode",
            "base64decode", "contains", "clone");
    private static final Pattern CALL = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern BINDING = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:=");
    private static final Pattern LAMBDA = Pattern.compile("function\\s*\\(([^)]*)\\)");
    private static final Pattern VALUE_MAP_CALL = Pattern.compile("\\$valueMap\\s*\\(\\s*(['\"])([^'\"]*)\\1");
    private static final long TIMEOUT_MILLIS = 1000;
    private static final int MAX_DEPTH = 200;

    /** {@code direct} is null when only the JSONata interpreter evaluates the expression. */
    private record Field(String target, String[] path, Jsonata expression, DirectExpression direct, boolean createOnly) {
    }

    private final List<Field> fields;
    private final Map<String, ValueMap> valueMaps;
    private final Map<String, MappingFunction> functions;

    private CompiledMapping(List<Field> fields, Map<String, ValueMap> valueMaps, Map<String, MappingFunction> functions) {
        this.fields = fields;
        this.valueMaps = valueMaps;
        this.functions = functions;
    }

    /** Whether {@code name} is a JSONata or possync built-in function. */
    public static boolean isReservedFunction(String name) {
        return JSONATA_FUNCTIONS.contains(name) || VALUE_MAP_FUNCTION.equals(name);
    }

    /**
     * Parses and checks every effective field of {@code mapping}.
     *
     * @throws ConfigurationException naming the field at fault
     */
    public static CompiledMapping compile(Mapping mapping) {
        return compile(mapping, true);
    }

    /**
     * Like {@link #compile(Mapping)}; with {@code direct} false every expression is evaluated by the
     * JSONata interpreter (the reference the direct evaluation is tested against).
     */
    public static CompiledMapping compile(Mapping mapping, boolean direct) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, FieldRule> e : mapping.effectiveFields().entrySet()) {
            String target = e.getKey();
            String expression = e.getValue().expression();
            String setting = "mapping." + target;
            Jsonata parsed;
            try {
                parsed = Jsonata.jsonata(expression);
            } catch (JException | IllegalArgumentException ex) {
                throw new ConfigurationException(setting, "the expression does not parse: " + ex.getMessage()
                        + " (expression: " + expression + ")", ex);
            }
            checkFunctions(setting, expression, mapping);
            DirectExpression fast = direct ? DirectExpression.compile(expression).orElse(null) : null;
            fields.add(new Field(target, target.split("\\."), parsed, fast, e.getValue().createOnly()));
        }
        return new CompiledMapping(List.copyOf(fields), Map.copyOf(mapping.valueMaps()), Map.copyOf(mapping.functions()));
    }

    private static void checkFunctions(String setting, String expression, Mapping mapping) {
        String code = withoutStringLiterals(expression);
        Set<String> bound = new HashSet<>();
        Matcher b = BINDING.matcher(code);
        while (b.find()) {
            bound.add(b.group(1));
        }
        Matcher l = LAMBDA.matcher(code);
        while (l.find()) {
            for (String p : l.group(1).split(",")) {
                String name = p.trim();
                if (name.startsWith("$")) {
                    bound.add(name.substring(1));
                }
            }
        }
        Matcher c = CALL.matcher(code);
        while (c.find()) {
            String name = c.group(1);
            if (!isReservedFunction(name) && !mapping.functions().containsKey(name) && !bound.contains(name)) {
                throw new ConfigurationException(setting, "the expression calls $" + name + "(), which is neither a"
                        + " JSONata function nor registered with Mapping.withFunction (expression: " + expression + ")");
            }
        }
        Matcher v = VALUE_MAP_CALL.matcher(expression);
        while (v.find()) {
            if (!mapping.valueMaps().containsKey(v.group(2))) {
                throw new ConfigurationException(setting, "the expression reads value map '" + v.group(2)
                        + "', which is not defined; add it with Mapping.withValueMap (expression: " + expression + ")");
            }
        }
    }

    private static String withoutStringLiterals(String expression) {
        StringBuilder out = new StringBuilder(expression.length());
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char ch = expression.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                    out.append(ch);
                }
            } else {
                if (ch == '"' || ch == '\'') {
                    quote = ch;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Target fields whose rule is create-only. */
    public Set<String> createOnlyFields() {
        Set<String> s = new HashSet<>();
        fields.stream().filter(Field::createOnly).forEach(f -> s.add(f.target()));
        return s;
    }

    /**
     * Evaluates every field over the canonical record's JSON and returns the target document;
     * {@code forUpdate} leaves create-only fields out. A field whose expression yields nothing is left
     * out. {@code json} is not changed, and the document shares no node with it.
     *
     * @throws RecordRejectedException naming {@code record} and the field whose expression failed
     */
    public ObjectNode apply(JsonNode json, Ref record, boolean forUpdate) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Object input = null;
        for (Field f : fields) {
            if (forUpdate && f.createOnly()) {
                continue;
            }
            JsonNode value;
            try {
                boolean interpret = f.direct() == null;
                value = null;
                if (!interpret) {
                    try {
                        value = f.direct().evaluate(json, this::valueMap);
                    } catch (Deferred deferred) {
                        interpret = true;
                    }
                }
                if (interpret) {
                    if (input == null) {
                        input = InterpreterInput.of(json);
                    }
                    value = interpret(f, input);
                }
            } catch (MappingLookupException e) {
                throw RecordRejectedException.builder(e.getMessage()).record(record).fieldPath(f.target()).build();
            } catch (RuntimeException | StackOverflowError e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw RecordRejectedException.builder("the mapping expression failed: " + Redaction.redactText(message))
                        .record(record).fieldPath(f.target()).cause(e instanceof RuntimeException ? e : null).build();
            }
            if (value != null) {
                put(out, f.path(), value);
            }
        }
        return out;
    }

    private JsonNode interpret(Field f, Object input) {
        Jsonata.Frame frame = f.expression().createFrame();
        frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
        frame.bind(VALUE_MAP_FUNCTION, new Jsonata.JFunction((in, args) -> valueMap(args), null));
        for (Map.Entry<String, MappingFunction> fn : functions.entrySet()) {
            MappingFunction function = fn.getValue();
            frame.bind(fn.getKey(), new Jsonata.JFunction((in, args) -> function.apply(plain(args)), null));
        }
        Object value = f.expression().evaluate(input, frame);
        return value == null || value == Jsonata.NULL_VALUE ? null : InterpreterOutput.toNode(value);
    }

    private Object valueMap(List<?> args) {
        if (args.size() != 2 || !(args.get(0) instanceof String table)) {
            throw new MappingLookupException("$valueMap needs a table name and a key: $valueMap('paymentMethods', method)");
        }
        return valueMap(table, args.get(1));
    }

    /** {@code $valueMap(table, key)} for both evaluators: a number key without trailing zeros, undefined as null. */
    private String valueMap(String table, Object key) {
        ValueMap map = valueMaps.get(table);
        if (map == null) {
            throw new MappingLookupException("value map '" + table + "' is not defined");
        }
        String k = key == null || key == Jsonata.NULL_VALUE ? null : key instanceof Number n ? stripNumber(n) : key.toString();
        Optional<String> v = map.lookup(k);
        if (v.isEmpty()) {
            throw new MappingLookupException("value map '" + table + "' has no row for '" + Redaction.redactText(String.valueOf(k))
                    + "' and no default row");
        }
        return v.get();
    }

    private static String stripNumber(Number n) {
        if (n instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        if (n instanceof java.math.BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    private static List<Object> plain(List<?> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(a == Jsonata.NULL_VALUE ? null : a);
        }
        return out;
    }

    private static void put(ObjectNode root, String[] path, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(path[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(path[path.length - 1], value);
    }

    /** Target fields whose expression only the JSONata interpreter evaluates (the rest are evaluated directly). */
    public List<String> interpretedTargets() {
        List<String> t = new ArrayList<>();
        fields.stream().filter(f -> f.direct() == null).forEach(f -> t.add(f.target()));
        return t;
    }

    /** Field names in declaration order, for diagnostics. */
    public List<String> targets() {
        List<String> t = new ArrayList<>();
        fields.forEach(f -> t.add(f.target()));
        return t;
    }

    /** A value-map lookup that found nothing: the record's data is at fault, not the expression. */
    private static final class MappingLookupException extends RuntimeException {
        MappingLookupException(String message) {
            super(message, null, false, false);
        }
    }
}

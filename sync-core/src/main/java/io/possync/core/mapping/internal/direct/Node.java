package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One node of a parsed expression. {@link #eval} takes the context item (undefined is {@code null})
 * and returns a value as {@link Values} describes it.
 */
sealed interface Node {

    Object eval(JsonNode context, Scope scope);

    /** A string, number, boolean or null literal. */
    record Literal(JsonNode value) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            return value;
        }
    }

    /** A regular expression literal; only a function argument ({@code $contains}) reads it. */
    record Regex(Pattern pattern) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            throw Deferred.INSTANCE;
        }
    }

    /** {@code $} (the context), {@code $$} (the input) or a bound variable. */
    record Variable(String name) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            if (name.isEmpty()) {
                return context;
            }
            if (name.equals("$")) {
                return scope.root;
            }
            return scope.lookup(name);
        }
    }

    /** A field name, optionally with a constant index: {@code lines}, {@code categories[0]}. */
    record Name(String name, Integer index) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Object value = lookup(context, name);
            return index == null ? value : at(value, index);
        }

        private static Object lookup(JsonNode item, String name) {
            if (item == null) {
                return null;
            }
            if (item.isObject()) {
                return item.get(name);
            }
            if (item.isArray()) {
                Sequence found = new Sequence();
                for (JsonNode element : item) {
                    Object v = lookup(element, name);
                    if (v instanceof Sequence s) {
                        found.addAll(s);
                    } else if (v instanceof ArrayNode a) {
                        a.forEach(found::add);
                    } else if (v != null) {
                        found.add((JsonNode) v);
                    }
                }
                return found;
            }
            return null;
        }

        private static Object at(Object value, int index) {
            if (value == null) {
                return null;
            }
            JsonNode item;
            if (value instanceof Sequence s) {
                int i = index < 0 ? s.size() + index : index;
                item = i >= 0 && i < s.size() ? s.get(i) : null;
            } else if (value instanceof ArrayNode a) {
                int i = index < 0 ? a.size() + index : index;
                item = i >= 0 && i < a.size() ? a.get(i) : null;
            } else {
                item = index == 0 || index == -1 ? (JsonNode) value : null;
            }
            if (item != null && item.isArray()) {
                throw Deferred.INSTANCE;
            }
            return item;
        }
    }

    /**
     * {@code (path)[n]}: the n-th item (from the end when negative) of the whole sequence the path in
     * parentheses yields, where {@code path[n]} would index each step's items.
     */
    record Indexed(Path group, int index) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            return Name.at(group.eval(context, scope), index);
        }
    }

    /** A path: steps applied one after another to every item the previous step yielded. */
    record Path(List<Node> steps) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Sequence input = new Sequence();
            if (context != null && context.isArray() && steps.get(0) instanceof Name first && first.index() != null) {
                throw Deferred.INSTANCE; // over an array input JSONata indexes the first step's whole result
            }
            if (context != null && context.isArray() && !(steps.get(0) instanceof Variable)) {
                context.forEach(input::add);
            } else {
                input.add(context);
            }
            Object current = input;
            for (int s = 0; s < steps.size(); s++) {
                Node step = steps.get(s);
                boolean last = s == steps.size() - 1;
                Sequence items = (Sequence) current;
                Object only = null;
                int found = 0;
                Sequence out = new Sequence();
                for (JsonNode item : items) {
                    Object r = step.eval(item, scope);
                    if (r == null) {
                        continue;
                    }
                    found++;
                    only = r;
                    addFlat(out, r);
                }
                if (last && found == 1 && only instanceof ArrayNode array) {
                    return array;
                }
                if (out.isEmpty()) {
                    return null;
                }
                current = out;
            }
            return Values.collapse(current);
        }

        private static void addFlat(Sequence out, Object r) {
            if (r instanceof Sequence s) {
                out.addAll(s);
            } else if (r instanceof ArrayNode a) {
                a.forEach(out::add);
            } else {
                out.add((JsonNode) r);
            }
        }
    }

    /** {@code {'key': value, …}}: one object for the context item; a key whose value is undefined is left out. */
    record ObjectConstructor(List<String> keys, List<Node> values) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            if (context != null && context.isArray()) {
                throw Deferred.INSTANCE;
            }
            Values.BuiltObject out = new Values.BuiltObject();
            for (int i = 0; i < keys.size(); i++) {
                Object v = values.get(i).eval(context, scope);
                if (v != null) {
                    out.set(keys.get(i), Values.toNode(v));
                }
            }
            return out;
        }
    }

    /** {@code [a, b]}: the items' values, sequences and arrays spread, nested constructors kept. */
    record ArrayConstructor(List<Node> items) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Values.BuiltArray out = new Values.BuiltArray();
            for (Node item : items) {
                Object v = item.eval(context, scope);
                if (v == null) {
                    continue;
                }
                if (item instanceof ArrayConstructor) {
                    out.add((JsonNode) v);
                } else if (v instanceof Sequence s) {
                    out.addAll(s);
                } else if (v instanceof ArrayNode a) {
                    out.addAll(a);
                } else {
                    out.add((JsonNode) v);
                }
            }
            return out;
        }
    }

    /** {@code condition ? then : else}; without an else, undefined when the condition is false. */
    record Condition(Node condition, Node then, Node otherwise) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            if (Values.truthy(condition.eval(context, scope))) {
                return then.eval(context, scope);
            }
            return otherwise == null ? null : otherwise.eval(context, scope);
        }
    }

    /** {@code a and b}, {@code a or b}. */
    record Logical(boolean and, Node left, Node right) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            boolean l = Values.truthy(left.eval(context, scope));
            if (and ? !l : l) {
                return Values.bool(l);
            }
            return Values.bool(Values.truthy(right.eval(context, scope)));
        }
    }

    /** {@code a = b}, {@code a != b} over scalars; false when either side is undefined. */
    record Equality(boolean negated, Node left, Node right) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Object l = left.eval(context, scope);
            Object r = right.eval(context, scope);
            if (l == null || r == null) {
                return Values.bool(false);
            }
            JsonNode a = scalar(l);
            JsonNode b = scalar(r);
            boolean equal;
            if (a.isNumber() && b.isNumber()) {
                equal = a.decimalValue().compareTo(b.decimalValue()) == 0;
            } else if (a.getNodeType() != b.getNodeType()) {
                equal = false;
            } else if (a.isTextual()) {
                equal = a.textValue().equals(b.textValue());
            } else if (a.isBoolean()) {
                equal = a.booleanValue() == b.booleanValue();
            } else {
                equal = a.isNull();
            }
            return Values.bool(equal != negated);
        }

        private static JsonNode scalar(Object v) {
            if (v instanceof JsonNode n && !n.isContainerNode()) {
                return n;
            }
            throw Deferred.INSTANCE;
        }
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=} of two numbers or two strings; undefined when either is. */
    record Comparison(String operator, Node left, Node right) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            JsonNode l = comparable(left.eval(context, scope));
            JsonNode r = comparable(right.eval(context, scope));
            if (l == null || r == null) {
                return null;
            }
            int c;
            if (l.isNumber() && r.isNumber()) {
                c = l.decimalValue().compareTo(r.decimalValue());
            } else if (l.isTextual() && r.isTextual()) {
                if (Values.hasSurrogates(l.textValue()) || Values.hasSurrogates(r.textValue())) {
                    throw Deferred.INSTANCE;
                }
                c = l.textValue().compareTo(r.textValue());
            } else {
                throw Deferred.INSTANCE;
            }
            return Values.bool(switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            });
        }

        private static JsonNode comparable(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof JsonNode n && (n.isNumber() || n.isTextual())) {
                return n;
            }
            throw Deferred.INSTANCE;
        }
    }

    /** {@code a & b}: both as strings, undefined as empty. */
    record Concatenation(Node left, Node right) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            return Values.text(part(left.eval(context, scope)) + part(right.eval(context, scope)));
        }

        private static String part(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof JsonNode n) {
                return Values.string(n);
            }
            throw Deferred.INSTANCE;
        }
    }

    /** {@code (a; b; c)}: evaluated in order in a scope of its own; the last value. */
    record Block(List<Node> expressions) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Scope inner = scope.child();
            Object result = null;
            for (Node e : expressions) {
                result = e.eval(context, inner);
            }
            return result;
        }
    }

    /** {@code $name := value}. */
    record Binding(String name, Node value) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            Object v = value.eval(context, scope);
            scope.bind(name, v);
            return v;
        }
    }

    /** A call of a built-in function ({@link Functions}). */
    record Call(String function, List<Node> arguments) implements Node {
        @Override
        public Object eval(JsonNode context, Scope scope) {
            return Functions.call(function, arguments, context, scope);
        }
    }

    /** A negative number literal's value, kept exact. */
    static JsonNode negative(JsonNode number) {
        BigDecimal d = number.decimalValue().negate();
        return Values.number(d);
    }
}

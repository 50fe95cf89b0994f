package io.possync.core.mapping.internal.direct;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A mapping expression evaluated directly over the record's Jackson tree, without the JSONata
 * interpreter: about six times faster (EngineBenchmark) for the paths, conditions, constructors and functions that
 * mappings mostly consist of. Only expressions the {@link Parser} fully understands compile; at run
 * time a case whose JSONata semantics are not reproduced here throws {@link Deferred}, and the caller
 * evaluates the expression with JSONata instead, so results never differ from JSONata's
 * (DirectExpressionTest compares both on every construct).
 *
 * <p>Numbers stay exact decimals (JSONata computes in doubles); they compare equal to JSONata's.
 */
public final class DirectExpression {

    private final Node root;

    private DirectExpression(Node root) {
        this.root = root;
    }

    /** The compiled expression, or empty when it uses something only the JSONata interpreter evaluates. */
    public static Optional<DirectExpression> compile(String expression) {
        try {
            return Optional.of(new DirectExpression(Parser.parse(expression)));
        } catch (Parser.Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * The expression's value over {@code input}, or {@code null} when it is undefined. Containers of
     * the result never belong to {@code input}; a top-level null is undefined, as JSONata answers it.
     *
     * @throws Deferred when JSONata has to evaluate this input
     */
    public JsonNode evaluate(JsonNode input, ValueMaps valueMaps) {
        Object value = root.eval(input, new Scope(input, valueMaps::lookup));
        if (value == null || value instanceof JsonNode n && n.isNull()) {
            return null; // as JSONata's evaluate answers a top-level null
        }
        return Values.detach(Values.toNode(value));
    }

    /** {@code $valueMap(table, key)} for the mapping being applied. */
    @FunctionalInterface
    public interface ValueMaps {

        /** The value of {@code key} (a string, a number, or {@code null}) in {@code table}; throws when there is none. */
        String lookup(String table, Object key);
    }
}

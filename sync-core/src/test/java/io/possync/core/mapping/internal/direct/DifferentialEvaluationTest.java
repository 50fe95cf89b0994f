package io.possync.core.mapping.internal.direct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.EntityType;
import io.possync.api.MappingDefaults;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.ValueMap;
import io.possync.core.mapping.internal.CompiledMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Direct evaluation and the JSONata interpreter agree on generated input: random expressions from the
 * grammar the direct evaluator takes on (paths with indexes, also negative and on parenthesised paths,
 * {@code &}, comparisons, {@code and}/{@code or}, conditions, blocks with variables, object and array
 * constructors, its functions — and some arithmetic, which it refuses) over random records (decimals of
 * several scales, arrays of 0, 1 and n elements, nulls, missing fields, text outside ASCII). Every pair
 * either gives the same value (numbers by value), or fails in both, or is deferred to the interpreter.
 */
class DifferentialEvaluationTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final Ref REF = new Ref("pos", EntityType.ORDER, "1");
    private static final long SEED = 20261205L;
    private static final int EXPRESSIONS = 6_000;
    private static final int RECORDS_PER_EXPRESSION = 7;

    private static final String[] PATHS = {"number", "store", "published", "kind", "taxTotal", "note", "discount",
            "customer", "customer.email", "customer.companyName", "customer.contactPerson.firstName", "lines", "lines.sku",
            "lines.quantity", "lines.discount", "lines.taxRate", "lines.tags", "payments", "payments.method",
            "payments.amount", "shipping.cost", "shipping.method", "billingAddress.country", "links.customerId",
            "categories.segments", "nowhere", "customer.nowhere.deeper"};
    private static final String[] STRINGS = {"''", "'a'", "'NL'", "'Café'", "\"it's\"", "'-'", "' '", "'x\\u00e9'",
            "'\uD83D\uDE00'", "'21'"};
    private static final String[] NUMBERS = {"0", "1", "2", "-1", "21", "1.50", "0.125", "100", "4.950"};

    @Test
    void bothEvaluatorsAgreeOnGeneratedExpressionsAndRecords() {
        Random random = new Random(SEED);
        int compiled = 0;
        int compared = 0;
        int deferred = 0;
        int failedInBoth = 0;
        List<String> differences = new ArrayList<>();
        for (int e = 0; e < EXPRESSIONS; e++) {
            String expression = expression(random, 3);
            var direct = DirectExpression.compile(expression);
            if (direct.isEmpty()) {
                continue;
            }
            compiled++;
            CompiledMapping interpreter = CompiledMapping.compile(mapping(expression), false);
            for (int r = 0; r < RECORDS_PER_EXPRESSION; r++) {
                ObjectNode record = record(random);
                JsonNode expected;
                RuntimeException interpreterError = null;
                try {
                    expected = interpreter.apply(record, REF, false).get("v");
                } catch (RecordRejectedException ex) {
                    expected = null;
                    interpreterError = ex;
                }
                JsonNode actual;
                try {
                    actual = direct.get().evaluate(record, DifferentialEvaluationTest::valueMap);
                } catch (Deferred d) {
                    deferred++;
                    continue;
                } catch (RuntimeException ex) {
                    if (interpreterError == null) {
                        differences.add(String.format("%s over %s: direct failed (%s), JSONata gave %s", expression, record,
                                ex, expected));
                    }
                    failedInBoth++;
                    continue;
                }
                compared++;
                if (interpreterError != null) {
                    differences.add(String.format("%s over %s: direct gave %s, JSONata failed: %s", expression, record, actual,
                            interpreterError.getMessage()));
                } else if (!JsonataConformanceTest.same(expected == null ? JSON.missingNode() : expected,
                        actual == null ? JSON.missingNode() : actual)) {
                    differences.add(String.format("%s over %s: direct %s, JSONata %s", expression, record, actual, expected));
                }
            }
        }
        System.out.printf("differential evaluation: %d expressions generated, %d compiled directly; %d pairs compared,"
                + " %d deferred, %d failed in both%n", EXPRESSIONS, compiled, compared, deferred, failedInBoth);
        assertThat(differences).as("pairs on which the evaluators differ (expression over record)").isEmpty();
        assertThat(compared).as("pairs compared").isGreaterThanOrEqualTo(20_000);
    }

    private static String expression(Random r, int depth) {
        int kind = depth <= 0 ? r.nextInt(3) : r.nextInt(17);
        return switch (kind) {
            case 0, 1 -> path(r);
            case 2 -> r.nextBoolean() ? pick(r, STRINGS) : r.nextInt(4) == 0 ? pick(r, "true", "false", "null") : pick(r, NUMBERS);
            case 3 -> "(" + path(r) + ")[" + (r.nextInt(5) - 2) + "]";
            case 4 -> expression(r, depth - 1) + " & " + expression(r, depth - 1);
            case 5 -> expression(r, depth - 1) + pick(r, " = ", " != ", " < ", " <= ", " > ", " >= ") + expression(r, depth - 1);
            case 6 -> expression(r, depth - 1) + pick(r, " and ", " or ") + expression(r, depth - 1);
            case 7 -> expression(r, depth - 1) + " ? " + expression(r, depth - 1)
                    + (r.nextBoolean() ? " : " + expression(r, depth - 1) : "");
            case 8 -> "($x := " + expression(r, depth - 1) + "; " + pick(r, "$x", "$x & 'y'", "$count($x)", "[$x]",
                    "$x ? $x : 'none'") + ")";
            case 9 -> "{'a': " + expression(r, depth - 1) + ", 'b': " + expression(r, depth - 1) + "}";
            case 10 -> "[" + expression(r, depth - 1) + (r.nextBoolean() ? ", " + expression(r, depth - 1) : "") + "]";
            case 11 -> path(r) + ".{'v': " + pick(r, "sku", "quantity", "method", "$", "amount") + "}";
            case 12 -> expression(r, depth - 1) + pick(r, " + ", " * ", " - ") + expression(r, depth - 1);
            default -> function(r, depth - 1);
        };
    }

    private static String function(Random r, int depth) {
        String a = expression(r, depth);
        return switch (r.nextInt(18)) {
            case 0 -> "$string(" + a + ")";
            case 1 -> "$substring(" + a + ", " + pick(r, "0", "1", "-2") + (r.nextBoolean() ? ", " + pick(r, "0", "2", "5") : "") + ")";
            case 2 -> "$join(" + a + (r.nextBoolean() ? ", ','" : "") + ")";
            case 3 -> "$count(" + a + ")";
            case 4 -> "$sum(" + a + ")";
            case 5 -> "$round(" + a + (r.nextBoolean() ? ", " + pick(r, "0", "1", "2") : "") + ")";
            case 6 -> "$exists(" + a + ")";
            case 7 -> "$boolean(" + a + ")";
            case 8 -> "$not(" + a + ")";
            case 9 -> "$lowercase(" + a + ")";
            case 10 -> "$uppercase(" + a + ")";
            case 11 -> "$append(" + a + ", " + expression(r, depth) + ")";
            case 12 -> "$lookup({'NL': 'H', 'BE': 'B', '21': 'high'}, " + a + ")";
            case 13 -> "$contains(" + a + ", " + pick(r, "'a'", "'@'", "/^[0-9]+$/", "/é/i") + ")";
            case 14 -> "$substringBefore(" + a + ", '@')";
            case 15 -> "$replace(" + a + ", ' ', '-')";
            case 16 -> "$valueMap('codes', " + a + ")";
            default -> "$lookup(links.products, " + a + ")";
        };
    }

    private static String path(Random r) {
        String p = pick(r, PATHS);
        if (r.nextInt(3) == 0) {
            String[] steps = p.split("\\.");
            int s = r.nextInt(steps.length);
            steps[s] = steps[s] + "[" + (r.nextInt(5) - 2) + "]";
            p = String.join(".", steps);
        }
        return r.nextInt(8) == 0 ? "$." + p : p;
    }

    /** A record of random shape: fields missing or null, arrays of 0, 1 or n items, decimals of several scales. */
    private static ObjectNode record(Random r) {
        ObjectNode o = JSON.objectNode();
        o.put("number", pick(r, "S1", "1001", "", "Bestellung Nr. 7 – Zoë"));
        maybe(r, o, "store", () -> JSON.textNode(pick(r, "1", "Amsterdam", "")));
        o.put("published", r.nextBoolean());
        o.put("kind", pick(r, "COMPANY", "PERSON"));
        o.put("taxTotal", decimal(r));
        maybe(r, o, "note", () -> JSON.textNode(pick(r, "a b c", "Straße", "x@y.nl", "\u2615 \uD83D\uDE00")));
        maybe(r, o, "discount", () -> decimal(r));
        if (r.nextInt(4) > 0) {
            ObjectNode c = o.putObject("customer");
            c.put("email", pick(r, "anna@example.com", "ZOE@EXAMPLE.NL", "no-at-sign"));
            maybe(r, c, "companyName", () -> JSON.textNode(pick(r, "Jansen B.V.", "", "Café Été")));
            c.putObject("contactPerson").put("firstName", pick(r, "Anna", "Jörg"));
        }
        ArrayNode lines = o.putArray("lines");
        int n = pick(r, 0, 1, 1, 3);
        ObjectNode products = JSON.objectNode();
        for (int i = 0; i < n; i++) {
            ObjectNode line = lines.addObject();
            String sku = pick(r, "SKU-1", "SKU-2", "21", "Mok \u2615");
            line.put("sku", sku);
            line.put("quantity", new BigDecimal(pick(r, "1", "2.000", "0.5")));
            maybe(r, line, "discount", () -> decimal(r));
            line.put("taxRate", new BigDecimal(pick(r, "21", "21.00", "9", "0")));
            if (r.nextBoolean()) {
                ArrayNode tags = line.putArray("tags");
                for (int t = 0; t < r.nextInt(3); t++) {
                    tags.add(pick(r, "sale", "new", "Été"));
                }
            }
            if (r.nextBoolean()) {
                products.put(sku, String.valueOf(1000 + i));
            }
        }
        if (r.nextBoolean()) {
            ArrayNode payments = o.putArray("payments");
            for (int p = 0; p < pick(r, 0, 1, 2); p++) {
                payments.addObject().put("method", pick(r, "CARD", "CASH")).put("amount", decimal(r));
            }
        }
        maybe(r, o, "shipping", () -> JSON.objectNode().put("method", "PostNL").put("cost", decimal(r)));
        maybe(r, o, "billingAddress", () -> JSON.objectNode().put("country", pick(r, "NL", "BE", "DE")));
        ObjectNode links = o.putObject("links");
        maybe(r, links, "customerId", () -> JSON.textNode(pick(r, "C10000", "f2a5738a-44e3-ea11-bb43-000d3a2feca1")));
        links.set("products", products);
        if (r.nextBoolean()) {
            ArrayNode categories = o.putArray("categories");
            for (int c = 0; c < pick(r, 1, 2); c++) {
                categories.addObject().putArray("segments").add("Kleding").add(pick(r, "T shirts", "Jassen"));
            }
        }
        return o;
    }

    /** Sets {@code field} to a value, to JSON null, or leaves it out. */
    private static void maybe(Random r, ObjectNode o, String field, java.util.function.Supplier<JsonNode> value) {
        switch (r.nextInt(3)) {
            case 0 -> o.set(field, value.get());
            case 1 -> o.putNull(field);
            default -> { }
        }
    }

    private static JsonNode decimal(Random r) {
        return JSON.numberNode(new BigDecimal(pick(r, "0", "0.00", "3.47", "12.100", "100", "-2.5", "0.005")));
    }

    private static String valueMap(String table, Object key) {
        return mapping("x").valueMaps().get(table).lookup(key == null ? null : key instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : key.toString()).orElseThrow();
    }

    private static Mapping mapping(String expression) {
        return Mapping.of(MappingDefaults.builder().field("v", expression).build())
                .withValueMap(ValueMap.builder("codes").row("CARD", "BANK").row("NL", "H").row("21", "HIGH")
                        .defaultValue("OTHER").build());
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    @SuppressWarnings("unused")
    private static List<String> sample(int n) {
        Random r = new Random(SEED);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(expression(r, 3));
        }
        return out;
    }
}

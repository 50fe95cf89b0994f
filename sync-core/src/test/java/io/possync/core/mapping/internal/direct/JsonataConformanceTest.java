package io.possync.core.mapping.internal.direct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official JSONata test suite (jsonata-js/jsonata, {@code test/test-suite}) run through the direct
 * evaluator: every case it evaluates — neither refused at compile time nor deferred to the interpreter at
 * run time — gives the suite's result. Numbers compare by value; an expected {@code undefinedResult} is
 * no value; an expected error {@code code} is an error. A top-level {@code null} result counts as no value
 * (mappings leave such a field out: see the README's Mapping section).
 *
 * <p>The suite is data, not part of the repository: the test reads it from the directory named by the
 * system property {@code possync.jsonata.suite} and is skipped without it ({@code .ci/run} passes it).
 */
class JsonataConformanceTest {

    private static final String PROPERTY = "possync.jsonata.suite";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private record Case(String name, JsonNode spec) {
    }

    @Test
    void everyCaseTheDirectEvaluatorEvaluatesGivesTheSuitesResult() throws IOException {
        String dir = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(dir != null && !dir.isBlank(),
                "skipped: the JSONata test suite is not here (pass -D" + PROPERTY + "=<suite directory>)");
        Path suite = Path.of(dir);
        assertThat(suite.resolve("groups")).as("the suite's groups directory").isDirectory();

        List<Case> cases = cases(suite);
        int refused = 0;
        int deferred = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            JsonNode spec = c.spec();
            String expr = spec.path("expr").asText();
            boolean hasBindings = spec.path("bindings").size() > 0;
            Optional<DirectExpression> compiled = hasBindings ? Optional.empty() : DirectExpression.compile(expr);
            if (compiled.isEmpty()) {
                refused++;
                continue;
            }
            JsonNode input = input(suite, spec);
            JsonNode actual;
            RuntimeException error = null;
            try {
                actual = compiled.get().evaluate(input, (table, key) -> {
                    throw new IllegalStateException("no value maps in the suite");
                });
            } catch (Deferred d) {
                deferred++;
                continue;
            } catch (RuntimeException e) {
                actual = null;
                error = e;
            }
            String verdict = verdict(spec, actual, error);
            if (verdict == null) {
                right++;
            } else {
                wrong.add(c.name() + " `" + expr + "`: " + verdict);
            }
        }
        int evaluated = right + wrong.size();
        System.out.printf("JSONata conformance: %d cases; %d refused at compile time, %d deferred at run time,"
                + " %d evaluated directly: %d right, %d wrong%n", cases.size(), refused, deferred, evaluated, right, wrong.size());
        assertThat(evaluated).as("cases evaluated directly").isGreaterThan(300);
        assertThat(wrong).as("directly evaluated cases whose result differs from the suite's").isEmpty();
    }

    /** Null when the outcome is the suite's, else what differs. */
    private static String verdict(JsonNode spec, JsonNode actual, RuntimeException error) {
        if (spec.has("code")) {
            return error != null ? null : "expected error " + spec.get("code").asText() + ", got " + actual;
        }
        if (error != null) {
            return "expected a result, got error " + error;
        }
        if (spec.path("undefinedResult").asBoolean(false)) {
            return actual == null ? null : "expected no value, got " + actual;
        }
        JsonNode expected = spec.get("result");
        if (expected == null || expected.isNull()) {
            return actual == null ? null : "expected no value (top-level null), got " + actual;
        }
        return actual != null && same(expected, actual) ? null : "expected " + expected + ", got " + actual;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static JsonNode input(Path suite, JsonNode spec) throws IOException {
        if (spec.has("data")) {
            return spec.get("data");
        }
        JsonNode dataset = spec.get("dataset");
        if (dataset == null || dataset.isNull()) {
            return null;
        }
        return MAPPER.readTree(suite.resolve("datasets").resolve(dataset.asText() + ".json").toFile());
    }

    private static List<Case> cases(Path suite) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(suite.resolve("groups"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = suite.resolve("groups").relativize(file).toString().replace(".json", "");
                JsonNode spec = MAPPER.readTree(file.toFile());
                if (spec.isArray()) {
                    for (int i = 0; i < spec.size(); i++) {
                        cases.add(new Case(name + "[" + i + "]", spec.get(i)));
                    }
                } else {
                    cases.add(new Case(name, spec));
                }
            }
        }
        return cases;
    }
}

package io.possync.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.core.PlannedWrite;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * The check behind "what a dry run shows is what the write sends": each write a dry run planned is
 * matched to the request the real run sent for it (the last one that matches), and each planned field
 * to the value that request carried. Throws {@link AssertionError} naming the record and the field.
 *
 * <pre>{@code
 * List<PlannedWrite> planned = engine.dryRun(flow).plannedWrites();
 * engine.run(flow);
 * PlannedWritesSent.check(planned, sandboxBodies,
 *         (p, body) -> body.path("email").asText().equals(p.fields().path("email").asText()),
 *         PlannedWritesSent.sameValue(JsonNode::path, JsonNode::equals));
 * }</pre>
 */
public final class PlannedWritesSent {

    private PlannedWritesSent() {
    }

    /** Checks one planned field against the request sent for its write; throws {@link AssertionError} when they differ. */
    @FunctionalInterface
    public interface FieldCheck<R> {
        void field(PlannedWrite planned, R request, String field, JsonNode value);
    }

    /**
     * Checks that there are planned writes, that each has a request ({@code isFor}) among {@code requests},
     * and that each of its fields passes {@code check} against that request.
     */
    public static <R> void check(List<PlannedWrite> planned, List<R> requests, BiPredicate<PlannedWrite, R> isFor,
                                 FieldCheck<R> check) {
        if (planned.isEmpty()) {
            throw new AssertionError("the dry run planned no writes");
        }
        for (PlannedWrite p : planned) {
            R request = requests.stream().filter(r -> isFor.test(p, r)).reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("no request for " + p.source() + " (" + p.action() + ")"));
            p.fields().fields().forEachRemaining(f -> check.field(p, request, f.getKey(), f.getValue()));
        }
    }

    /** A field check for requests that carry the field as a JSON value: {@code sent} reads it, {@code same} compares. */
    public static <R> FieldCheck<R> sameValue(BiFunction<R, String, JsonNode> sent, BiPredicate<JsonNode, JsonNode> same) {
        return (p, request, field, value) -> {
            JsonNode actual = sent.apply(request, field);
            if (!same.test(value, actual)) {
                throw new AssertionError(String.format("%s of %s: planned %s, sent %s", field, p.source(), value, actual));
            }
        };
    }
}

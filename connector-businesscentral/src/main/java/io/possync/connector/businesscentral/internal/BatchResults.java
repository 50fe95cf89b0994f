package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading the inner answers of a {@code $batch} into write results, the same way for every entity. */
public final class BatchResults {

    private BatchResults() {
    }

    /** The inner answer's status, 0 when the batch returned no answer for it. */
    public static int status(JsonNode answer) {
        return answer.path("status").asInt();
    }

    /** Whether the inner request succeeded. */
    public static boolean succeeded(JsonNode answer) {
        int status = status(answer);
        return status == 200 || status == 201 || status == 204;
    }

    /** The id of the row a successful inner request created or changed. */
    public static Optional<String> id(JsonNode answer) {
        String id = answer.path("body").path("id").asText("");
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** The exception of a failed inner answer (a missing answer is transient). */
    public static PossyncException error(JsonNode answer) {
        if (status(answer) == 0) {
            return TransientException.of("Business Central's $batch answer had no result for this operation");
        }
        return BusinessCentralErrors.translate(status(answer), answer.path("body"), null, Instant.now());
    }

    /** Whether {@code error} is Business Central's vendor code {@code code}. */
    public static boolean is(PossyncException error, String code) {
        return error instanceof RecordRejectedException r && r.vendorCode().filter(code::equals).isPresent();
    }

    /**
     * {@code error} as the result of the write for {@code source}: rejections and transient failures
     * belong to the record; anything else (credentials, configuration) stops the run and is thrown.
     */
    public static WriteResult failed(Ref source, PossyncException error) {
        if (error instanceof RecordRejectedException r) {
            return new WriteResult.Failed(source, r.withRecord(source));
        }
        if (error instanceof TransientException t) {
            return new WriteResult.Failed(source, t);
        }
        throw error;
    }

    /** Marks every write at {@code indexes} failed with {@code error}. */
    public static void failAll(List<Integer> indexes, List<? extends Write<?>> writes, PossyncException error,
                               WriteResult[] results) {
        indexes.forEach(i -> results[i] = new WriteResult.Failed(writes.get(i).record().sourceRef(), error));
    }
}

package io.possync.connector.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.internal.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Business Central's error bodies become rejections that name the field where Business Central lets us know it. */
class BusinessCentralErrorsTest {

    private static PossyncException translate(int status, String code, String message) {
        JsonNode body = Json.MAPPER.createObjectNode().set("error", Json.MAPPER.createObjectNode().put("code", code)
                .put("message", message + "  CorrelationId:  3c0f4ef3-97a9-4bd6-a3b3-41f5a7e5c0c1."));
        return BusinessCentralErrors.translate(status, body, null, Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void aDuplicateKeyIsARejectionOnTheRecordsNumber() {
        PossyncException e = translate(409, "Internal_EntityWithSameKeyExists",
                "The record in table Item already exists. Identification fields and values: No.='MUG-DUP'");

        assertThat(e).isInstanceOfSatisfying(RecordRejectedException.class, r -> {
            assertThat(r.fieldPath()).contains("number");
            assertThat(r.vendorCode()).contains("Internal_EntityWithSameKeyExists");
        });
    }

    @Test
    void aReadOnlyControlIsARejectionOnThatField() {
        PossyncException e = translate(400, "BadRequest_InvalidOperation", "Control 'number' is read-only.");

        assertThat(e).isInstanceOfSatisfying(RecordRejectedException.class, r -> assertThat(r.fieldPath()).contains("number"));
    }
}

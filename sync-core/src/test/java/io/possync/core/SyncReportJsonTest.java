package io.possync.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.internal.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A report as JSON: the documented field names, nothing of the planned writes' fields. */
class SyncReportJsonTest {

    @Test
    void aReportBecomesJsonWithItsDocumentedFields() throws Exception {
        SyncReport report = new SyncReport("sales", EntityType.ORDER, RunStatus.FAILED, false, Instant.parse("2026-12-05T10:00:00Z"),
                Duration.ofMillis(1500), Map.of(EntityType.ORDER, Map.of(Outcome.CREATED, 98L)),
                List.of(new Rejection(EntityType.ORDER, new Ref("lightspeed", EntityType.ORDER, "501"), Optional.of("lines[0].sku"),
                        "product 'X' does not exist", false)),
                List.of(new PlannedWrite(EntityType.ORDER, PlannedWrite.Action.CREATE, new Ref("lightspeed", EntityType.ORDER, "7"),
                        Optional.empty(), Json.MAPPER.createObjectNode().put("email", "anna@example.nl"))),
                Map.of("businesscentral", 4L), java.util.OptionalLong.of(7), Optional.of(Instant.parse("2026-12-05T09:58:00Z")),
                Optional.of(FlowFailure.of("sales", TransientException.of("HTTP 503"), Instant.now())));

        JsonNode json = Json.MAPPER.readTree(report.toJson());

        assertThat(json.path("flow").asText()).isEqualTo("sales");
        assertThat(json.path("status").asText()).isEqualTo("FAILED");
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(json.path("durationMillis").asLong()).isEqualTo(1500);
        assertThat(json.path("counts").path("ORDER").path("CREATED").asLong()).isEqualTo(98);
        assertThat(json.path("requests").path("businesscentral").asLong()).isEqualTo(4);
        assertThat(json.path("rejections").get(0).path("source").asText()).isEqualTo("lightspeed:ORDER:501");
        assertThat(json.path("rejections").get(0).path("fieldPath").asText()).isEqualTo("lines[0].sku");
        assertThat(json.path("plannedWrites").asInt()).isEqualTo(1);
        assertThat(json.path("retryQueueSize").asLong()).isEqualTo(7);
        assertThat(json.path("newestChange").asText()).isEqualTo("2026-12-05T09:58:00Z");
        assertThat(json.path("failure").path("kind").asText()).isEqualTo("OUTAGE");
        assertThat(report.toJson()).doesNotContain("anna@example.nl");
    }
}

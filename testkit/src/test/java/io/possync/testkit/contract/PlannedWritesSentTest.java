package io.possync.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.PlannedWrite;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannedWritesSentTest {

    private static final BiPredicate<PlannedWrite, JsonNode> BY_EMAIL =
            (p, body) -> body.path("email").asText().equals(p.fields().path("email").asText());
    private static final PlannedWritesSent.FieldCheck<JsonNode> EQUAL = PlannedWritesSent.sameValue(JsonNode::path, JsonNode::equals);

    private static PlannedWrite planned(String email, String name) {
        return new PlannedWrite(EntityType.CUSTOMER, PlannedWrite.Action.CREATE, new Ref("shop", EntityType.CUSTOMER, email),
                Optional.empty(), Json.MAPPER.createObjectNode().put("email", email).put("name", name));
    }

    private static JsonNode sent(String email, String name) {
        return Json.MAPPER.createObjectNode().put("email", email).put("name", name);
    }

    @Test
    void passesWhenEveryPlannedFieldWasSentWithItsValue() {
        assertThatCode(() -> PlannedWritesSent.check(List.of(planned("a@x", "Ann"), planned("b@x", "Bo")),
                List.of(sent("b@x", "Bo"), sent("a@x", "Ann")), BY_EMAIL, EQUAL)).doesNotThrowAnyException();
    }

    @Test
    void aFieldSentWithAnotherValueFailsNamingTheFieldAndTheRecord() {
        assertThatThrownBy(() -> PlannedWritesSent.check(List.of(planned("a@x", "Ann")), List.of(sent("a@x", "Anne")), BY_EMAIL, EQUAL))
                .isInstanceOf(AssertionError.class).hasMessageContaining("name of").hasMessageContaining("a@x")
                .hasMessageContaining("planned \"Ann\", sent \"Anne\"");
    }

    @Test
    void aPlannedWriteWithoutARequestFails() {
        assertThatThrownBy(() -> PlannedWritesSent.check(List.of(planned("a@x", "Ann")), List.of(sent("b@x", "Bo")), BY_EMAIL, EQUAL))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no request for").hasMessageContaining("CREATE");
    }

    @Test
    void theLastMatchingRequestIsTheOneChecked() {
        assertThatCode(() -> PlannedWritesSent.check(List.of(planned("a@x", "Ann")), List.of(sent("a@x", "Old"), sent("a@x", "Ann")),
                BY_EMAIL, EQUAL)).doesNotThrowAnyException();
    }

    @Test
    void aDryRunThatPlannedNothingFails() {
        assertThatThrownBy(() -> PlannedWritesSent.check(List.of(), List.of(sent("a@x", "Ann")), BY_EMAIL, EQUAL))
                .isInstanceOf(AssertionError.class).hasMessageContaining("planned no writes");
    }
}

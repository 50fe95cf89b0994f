package io.possync.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.ConfigurationException;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.FieldMode;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.Order;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.core.fixtures.Fixtures;
import io.possync.core.mapping.internal.CompiledMapping;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("test customers")
            .field(MappableField.text("displayName"), "$join([contactPerson.firstName, contactPerson.lastName], ' ')")
            .field(MappableField.text("email"), "email")
            .field(MappableField.text("paymentTermsCode"), "'14D'", FieldMode.CREATE_ONLY)
            .mappable(MappableField.text("number").alwaysWritten())
            .mappable(MappableField.text("address.city"))
            .mappable(MappableField.text("address.countryLetterCode"))
            .mappable(MappableField.text("paymentMethod"))
            .mappable(MappableField.text("terms"))
            .mappable(MappableField.text("upper"))
            .mappable(MappableField.any("x"))
            .mappable(MappableField.text("registrationNumber").asRequired())
            .build();

    private final Customer anna = Fixtures.customer("7", "anna@example.com", Instant.parse("2026-11-01T00:00:00Z"))
            .toBuilder().billingAddress(io.possync.api.Address.builder().city("Utrecht").country("NL").build()).build();

    private ObjectNode map(Mapping mapping, Object record, boolean forUpdate) {
        return CompiledMapping.compile(mapping).apply(Json.MAPPER.valueToTree(record),
                new Ref("pos", EntityType.CUSTOMER, "7"), forUpdate);
    }

    @Test
    void defaultsMapEveryField() {
        ObjectNode out = map(Mapping.of(DEFAULTS), anna, false);

        assertThat(out.path("displayName").asText()).isEqualTo("Anna Jansen 7");
        assertThat(out.path("email").asText()).isEqualTo("anna@example.com");
        assertThat(out.path("paymentTermsCode").asText()).isEqualTo("14D");
    }

    @Test
    void createOnlyFieldsAreLeftOutOfUpdates() {
        ObjectNode out = map(Mapping.of(DEFAULTS), anna, true);

        assertThat(out.has("paymentTermsCode")).isFalse();
        assertThat(out.has("email")).isTrue();
    }

    @Test
    void anOverrideReplacesOneFieldAndKeepsItsMode() {
        Mapping m = Mapping.of(DEFAULTS).override("paymentTermsCode", "'30D'");

        assertThat(m.effectiveFields().get("paymentTermsCode").mode()).isEqualTo(FieldMode.CREATE_ONLY);
        assertThat(map(m, anna, false).path("paymentTermsCode").asText()).isEqualTo("30D");
    }

    @Test
    void resetReturnsOneFieldToTheDefault() {
        Mapping m = Mapping.of(DEFAULTS).override("email", "'x'").override("displayName", "'y'").reset("email");

        assertThat(map(m, anna, false).path("email").asText()).isEqualTo("anna@example.com");
        assertThat(map(m, anna, false).path("displayName").asText()).isEqualTo("y");
    }

    @Test
    void resetAllReturnsEveryFieldToTheDefaults() {
        Mapping m = Mapping.of(DEFAULTS).override("email", "'x'").omit("displayName").resetAll();

        assertThat(m.effectiveFields()).isEqualTo(DEFAULTS.fields());
    }

    @Test
    void anOmittedFieldIsNotWritten() {
        assertThat(map(Mapping.of(DEFAULTS).omit("email"), anna, false).has("email")).isFalse();
    }

    @Test
    void aDottedTargetBuildsANestedObject() {
        Mapping m = Mapping.of(DEFAULTS).override("address.city", "billingAddress.city")
                .override("address.countryLetterCode", "billingAddress.country");

        ObjectNode out = map(m, anna, false);

        assertThat(out.path("address").path("city").asText()).isEqualTo("Utrecht");
        assertThat(out.path("address").path("countryLetterCode").asText()).isEqualTo("NL");
    }

    @Test
    void valueMapsTranslateAndFallBackToTheirDefaultRow() {
        Order order = Fixtures.order("1", null, Instant.parse("2026-11-01T00:00:00Z"));
        Mapping m = Mapping.of(DEFAULTS)
                .withValueMap(ValueMap.builder("payments").row("CASH", "KAS").defaultValue("BANK").build())
                .override("paymentMethod", "$valueMap('payments', payments[0].method)");

        assertThat(map(m, order, false).path("paymentMethod").asText()).isEqualTo("BANK");
    }

    @Test
    void aValueMapWithoutARowOrDefaultRejectsTheRecordNamingFieldAndRecord() {
        Order order = Fixtures.order("1", null, Instant.parse("2026-11-01T00:00:00Z"));
        Mapping m = Mapping.of(DEFAULTS)
                .withValueMap(ValueMap.builder("payments").row("CASH", "KAS").build())
                .override("paymentMethod", "$valueMap('payments', payments[0].method)");

        assertThatThrownBy(() -> map(m, order, false))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("paymentMethod");
                    assertThat(e.record()).isPresent();
                    assertThat(e.reason()).contains("payments").contains("PIN").contains("no default");
                });
    }

    @Test
    void aHostFunctionIsCallableByName() {
        Mapping m = Mapping.of(DEFAULTS).withFunction("debtorNumber", args -> "D-" + args.get(0))
                .override("number", "$debtorNumber(sourceRef.id)");

        assertThat(map(m, anna, false).path("number").asText()).isEqualTo("D-7");
    }

    @Test
    void aHostFunctionThatThrowsRejectsOnlyThatRecord() {
        Mapping m = Mapping.of(DEFAULTS).withFunction("boom", args -> {
            throw new IllegalArgumentException("no debtor number for anna@example.com");
        }).override("number", "$boom(email)");

        assertThatThrownBy(() -> map(m, anna, false))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("number");
                    assertThat(e.reason()).doesNotContain("anna@example.com");
                });
    }

    @Test
    void anExpressionThatDoesNotParseFailsWhenTheMappingIsBuiltNamingTheField() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).override("displayName", "companyName &").validate())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.setting()).contains("mapping.displayName"));
    }

    @Test
    void anUnknownFunctionFailsWhenTheMappingIsBuiltNamingTheField() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).override("email", "$lowercaes(email)").validate())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("mapping.email");
                    assertThat(e.getMessage()).contains("$lowercaes");
                });
    }

    @Test
    void aMisspeltFieldFailsAtOnceNamingTheSinkAndItsFields() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).override("paymentterms", "'30D'"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("mapping.paymentterms");
                    assertThat(e.getMessage()).contains("test customers", "'paymentterms'", "paymentTermsCode", "displayName");
                });
    }

    @Test
    void aFieldTheSinkWritesEveryTimeCannotBeMadeCreateOnly() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).override("number", "sourceRef.id", FieldMode.CREATE_ONLY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("every write");
    }

    @Test
    void aFieldTheVendorRequiresCannotBeLeftOut() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).omit("registrationNumber"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs registrationNumber");
    }

    @Test
    void aStoredMappingWithAFieldTheSinkNoLongerWritesFailsWhenRestored() {
        String stored = "{\"overrides\":{\"fax\":{\"expression\":\"phone\",\"mode\":\"CREATE_AND_UPDATE\"}},"
                + "\"omitted\":[],\"valueMaps\":[]}";

        assertThatThrownBy(() -> Mapping.fromJson(stored, DEFAULTS, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'fax'");
    }

    @Test
    void anUnknownValueMapFailsWhenTheMappingIsBuilt() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).override("terms", "$valueMap('nope', email)").validate())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'nope'");
    }

    @Test
    void functionsBoundInsideTheExpressionAreNotUnknown() {
        Mapping m = Mapping.of(DEFAULTS).override("upper", "($up := function($s) { $uppercase($s) }; $up(email))");

        assertThat(map(m, anna, false).path("upper").asText()).isEqualTo("ANNA@EXAMPLE.COM");
    }

    @Test
    void aMappingSurvivesAJsonRoundTrip() {
        MappingFunction fn = args -> "x";
        Mapping original = Mapping.of(DEFAULTS)
                .override("email", "$lowercase(email)", FieldMode.CREATE_ONLY)
                .omit("displayName")
                .withValueMap(ValueMap.builder("payments").row("PIN", "BANK").defaultValue("KAS").build())
                .withFunction("fn", fn)
                .override("x", "$fn()");

        Mapping restored = Mapping.fromJson(original.toJson(), DEFAULTS, Map.of("fn", fn));

        assertThat(restored.effectiveFields()).isEqualTo(original.effectiveFields());
        assertThat(restored.valueMaps()).isEqualTo(original.valueMaps());
        assertThat(restored.omitted()).isEqualTo(original.omitted());
    }

    @Test
    void aStoredMappingThatIsNotJsonIsAConfigurationError() {
        assertThatThrownBy(() -> Mapping.fromJson("{not json", DEFAULTS, Map.of()))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aFlowWithABrokenMappingCannotBeBuilt() {
        assertThatThrownBy(() -> io.possync.core.Flow.customers("c")
                .from(new io.possync.core.fixtures.InMemorySource<>("pos"))
                .to(Fixtures.customerSink())
                .mapping(m -> m.override("name", "$nope()"))
                .build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).contains("mapping.name"));
    }

    @Test
    void builtInFunctionNamesCannotBeReplaced() {
        assertThatThrownBy(() -> Mapping.of(DEFAULTS).withFunction("sum", args -> 0))
                .isInstanceOf(ConfigurationException.class);
    }
}

package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.Ref;
import io.possync.api.internal.Json;
import io.possync.connector.accountview.internal.MaxLengths;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.testkit.ReceivedWrite;
import io.possync.testkit.accountview.AccountViewSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body the connector writes names only fields of AccountView's dictionaries for that table, with
 * values within their lengths and of their types, and every mandatory field AccountView does not fill
 * itself — checked against the dictionary files, not the connector's own table of lengths.
 */
class RequestDictionaryTest {

    private static final Path SPECS = Path.of("../vendor-specs/accountview/specs");
    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    record Field(String type, int length, boolean mandatory) {
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static Map<String, Field> dictionary(String file) throws IOException {
        Map<String, Field> out = new HashMap<>();
        for (JsonNode f : Json.MAPPER.readTree(Files.readString(SPECS.resolve(file)))) {
            out.put(f.path("FIELD_NAME").asText(), new Field(f.path("FIELD_TYPE").asText(), f.path("FIELD_LEN").asInt(), f.path("INP_MAND").asBoolean()));
        }
        return out;
    }

    /** Checks one table's definition and rows of a written body against {@code dictionary}. */
    static void conforms(JsonNode definition, JsonNode rows, Map<String, Field> dictionary, List<String> systemFilled) {
        List<String> names = new java.util.ArrayList<>();
        definition.path("Fields").forEach(f -> names.add(f.path("Name").asText()));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals("RowId") || name.equals("HeaderId")) {
                continue;
            }
            assertThat(dictionary).as("field %s of %s", name, definition.path("Name").asText()).containsKey(name);
            Field f = dictionary.get(name);
            String type = definition.path("Fields").get(i).path("FieldType").asText();
            assertThat(List.of(f.type(), f.type().equals("D") ? "T" : f.type(), List.of("Y", "N", "B", "I").contains(f.type()) ? "N" : f.type(),
                    List.of("Y", "N", "B", "I").contains(f.type()) ? "Y" : f.type())).as("type of %s", name).contains(type);
            for (JsonNode row : rows) {
                JsonNode v = row.path("Values").get(i);
                if (f.type().equals("C") && v.isTextual()) {
                    assertThat(v.asText().length()).as("length of %s", name).isLessThanOrEqualTo(f.length());
                }
            }
        }
        dictionary.forEach((name, f) -> {
            if (f.mandatory() && !systemFilled.contains(name)) {
                assertThat(names).as("mandatory field %s of %s", name, definition.path("Name").asText()).contains(name);
            }
        });
    }

    private JsonNode lastBody() throws IOException {
        List<ReceivedWrite> writes = sandbox.receivedWrites();
        return Json.MAPPER.readTree(writes.get(writes.size() - 1).body());
    }

    @Test
    void aDebtorBodyNamesOnlyContactFieldsWithinTheirLengthsAndEveryMandatoryOne() throws IOException {
        AccountView av = connections.connect();
        Customer company = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "c1"), Instant.parse("2026-11-20T10:00:00Z"))
                .kind(CustomerKind.COMPANY).companyName("Bakkerij de Boer").contactPerson(ContactPerson.of("Piet", "de Boer"))
                .email("inkoop@bakkerij.nl").phone("0301234567").vatNumber("NL123456789B01")
                .billingAddress(io.possync.api.Address.builder().street("Damrak").houseNumber("1").postalCode("1012 LG").city("Amsterdam")
                        .country("NL").build()).build();
        sandbox.recordWrites();

        av.debtors().create(new MappedRecord<>(company, CompiledMapping.compile(Mapping.of(av.debtors().defaultMapping()))
                .apply(Json.MAPPER.valueToTree(company), company.sourceRef(), false)));

        JsonNode body = lastBody();
        conforms(body.path("Table").path("Definition"), body.path("TableData").path("Data").path("Rows"), dictionary("contact.json"),
                List.of("SUB_NR"));
    }

    @Test
    void anInvoiceBodyNamesOnlyJournalPageAndLineFieldsWithinTheirLengthsAndEveryMandatoryOne() throws IOException {
        AccountView av = connections.connect();
        sandbox.recordWrites();

        av.salesInvoices().create(Orders.mapped(Orders.sale("WEB-1001"), av.salesInvoices().defaultMapping()));

        JsonNode body = lastBody();
        conforms(body.path("Table").path("Definition"), body.path("TableData").path("Data").path("Rows"), dictionary("dj_page.json"),
                List.of("PAGE_NR"));
        conforms(body.path("Table").path("DetailDefinitions").get(0), body.path("TableData").path("DetailData").get(0).path("Rows"),
                dictionary("dj_line.json"), List.of("PAGE_NR", "REC_ID", "SRC_ID", "SRC_TYPE", "DJ_CODE"));
    }

    @Test
    void aSalesOrderBodyNamesOnlyTheFieldsAPublicClientWrites() throws IOException {
        sandbox.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel"));
        sandbox.seedArticle(Map.of("ART_CODE", "VERZEND", "ART_DESC1", "Verzendkosten"));
        AccountView av = connections.connect();
        sandbox.recordWrites();

        av.salesOrders().create(Orders.mapped(Orders.sale("WEB-1002"), av.salesOrders().defaultMapping()));

        JsonNode sample = Json.MAPPER.readTree(Files.readString(Path.of("../vendor-specs/accountview/samples/post-SO1-sales-order-request.json")));
        JsonNode body = lastBody();
        List<String> sampleHeader = names(sample.path("Table").path("Definition").path("Fields"));
        assertThat(names(body.path("Table").path("Definition").path("Fields"))).isSubsetOf(sampleHeader);
        assertThat(names(body.path("Table").path("DetailDefinitions").get(0).path("Fields")))
                .isSubsetOf(names(sample.path("Table").path("DetailDefinitions").get(0).path("Fields")));
    }

    private static List<String> names(JsonNode fields) {
        List<String> out = new java.util.ArrayList<>();
        fields.forEach(f -> out.add(f.has("Name") ? f.path("Name").asText() : f.path("name").asText()));
        return out;
    }

    @Test
    void theConnectorsLengthsAreTheDictionarys() throws IOException {
        for (var table : Map.of("contact.json", MaxLengths.CONTACT, "dj_page.json", MaxLengths.DJ_PAGE, "dj_line.json", MaxLengths.DJ_LINE).entrySet()) {
            Map<String, Field> dictionary = dictionary(table.getKey());
            table.getValue().forEach((field, length) -> assertThat(dictionary.get(field).length()).as("%s %s", table.getKey(), field)
                    .isEqualTo(length));
        }
    }
}

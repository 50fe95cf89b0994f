package io.possync.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data is masked by field name in JSON and XML, and by where it stands in URLs, filters and batches. */
class RedactionTest {

    @Test
    void aFilterComparingAPersonalFieldHasItsLiteralMasked() {
        String filter = "companyNumber eq 'CT10001' and displayName eq 'Anna O''Brien'";

        assertThat(Redaction.redactODataFilter(filter)).isEqualTo("companyNumber eq 'CT10001' and displayName eq '<redacted>'");
    }

    @Test
    void anInListOfAPersonalFieldIsMaskedWhileSkusStay() {
        assertThat(Redaction.redactODataFilter("email in ('anna@example.com','zoe@example.org')")).isEqualTo("email in (<redacted>)");
        assertThat(Redaction.redactODataFilter("number in ('MUG-1','TEE-2')")).isEqualTo("number in ('MUG-1','TEE-2')");
    }

    @Test
    void aStringFunctionOverAPersonalFieldIsMasked() {
        assertThat(Redaction.redactODataFilter("contains(displayName,'Jansen')")).isEqualTo("contains(displayName,'<redacted>')");
    }

    @Test
    void aQueryParameterNamedLikePersonalDataIsMaskedDecodedOrNot() {
        assertThat(Redaction.redactUrl("Customer.json?load_relations=%5B%22Contact%22%5D&Contact.email=anna%40example.com"))
                .doesNotContain("anna").contains("Contact.email=<redacted>");
        assertThat(Redaction.redactUrl("https://x/api/search?type=customers&email=anna%2Bshop%40example.com"))
                .doesNotContain("anna").contains("type=customers");
    }

    @Test
    void aFilterInAUrlIsDecodedAndMasked() {
        String url = "companies(1)/customers?$filter=displayName%20eq%20%27Anna%20de%20Vries%27&$select=id";

        assertThat(Redaction.redactUrl(url)).isEqualTo("companies(1)/customers?$filter=displayName eq '<redacted>'&$select=id");
    }

    @Test
    void aBatchRequestsUrlFieldAndANextLinkAreMaskedAsUrls() {
        JsonNode batch = Json.MAPPER.createObjectNode().set("requests", Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode()
                .put("method", "GET").put("url", "customers?$filter=email%20in%20(%27anna%40example.com%27)")));
        JsonNode page = Json.MAPPER.createObjectNode().put("@odata.nextLink",
                "https://bc/api/v2.0/customers?$filter=displayName eq 'Anna'&$skiptoken=5");

        assertThat(Redaction.redactJson(batch).toString()).doesNotContain("anna").contains("<redacted>");
        assertThat(Redaction.redactJson(page).toString()).doesNotContain("Anna").contains("$skiptoken=");
    }

    @Test
    void anEmailAddressIsRemovedAlsoUrlEncoded() {
        assertThat(Redaction.redactText("looked up customer0%40example.nl and anna@example.com"))
                .isEqualTo("looked up <redacted> and <redacted>");
    }

    @Test
    void namesOfCompaniesContactsAndAddressesAreMaskedInJson() {
        JsonNode customer = Json.MAPPER.createObjectNode().put("company", "Bakkerij Jansen").put("customerName", "Anna")
                .put("shipToContact", "Zoë").put("physical_address_1", "Keizersgracht 1").put("physical_postcode", "1015 AB")
                .put("sku", "MUG-1");

        assertThat(Redaction.redactJson(customer).toString()).doesNotContain("Jansen", "Anna", "Zoë", "Keizersgracht", "1015 AB")
                .contains("MUG-1");
    }
}

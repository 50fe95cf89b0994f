package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.AuthenticationException;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.Order;
import io.possync.api.OrderKind;
import io.possync.api.OrderStatus;
import io.possync.api.PossyncException;
import io.possync.api.Product;
import io.possync.api.ProductType;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.internal.Json;
import io.possync.connector.businesscentral.internal.BusinessCentralErrors;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference's real sample payloads parse into the canonical model and the exception hierarchy. */
class SamplesTest {

    static final Path SAMPLES = Path.of("..", "vendor-specs", "businesscentral", "samples");

    static JsonNode sample(String name) throws Exception {
        String text = Files.readString(SAMPLES.resolve(name));
        // Microsoft's v2.0 customer example has a trailing comma (SOURCES.md); JSON does not allow it.
        text = text.replaceAll(",\\s*}", "}");
        return Json.MAPPER.readTree(text);
    }

    @Test
    void customerGetBecomesACompanyCustomer() throws Exception {
        Customer c = BusinessCentralConverters.customer(sample("customer_get.response.json"));

        assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(c.companyName()).contains("Adatum Corporation");
        assertThat(c.email()).contains("robert.townes@contoso.com");
        assertThat(c.billingAddress().orElseThrow().country()).isEqualTo("US");
        assertThat(c.modifiedAt()).isEqualTo(Instant.parse("2020-08-21T07:38:44.293Z"));
    }

    @Test
    void theFlatAddressCustomerSampleParses() throws Exception {
        Customer c = BusinessCentralConverters.customer(sample("customer_v2.0_flat_address.response.json"));

        assertThat(c.billingAddress().orElseThrow().city()).contains("Atlanta");
    }

    @Test
    void aCustomerAnswerWithoutAnIdIsAnUnreadableRecordNamingTheField() {
        // Microsoft's create-response example leaves the id out; a real answer never does.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BusinessCentralConverters.customer(sample("customer_create.response.json")))
                .isInstanceOfSatisfying(io.possync.api.RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("id");
                    assertThat(e.getMessage()).contains("id is missing");
                });
    }

    @Test
    void itemGetBecomesASimpleProductWithNetPrice() throws Exception {
        Product p = BusinessCentralConverters.item(sample("item_get.response.json"), "USD");

        assertThat(p.sku()).isEqualTo("1896-S");
        assertThat(p.name()).isEqualTo("ATHENS Desk");
        assertThat(p.type()).isEqualTo(ProductType.SIMPLE);
        assertThat(p.ean()).isEmpty();
        assertThat(p.price().orElseThrow().amount()).isEqualByComparingTo(new BigDecimal("1000.8"));
        assertThat(p.price().orElseThrow().includesTax()).isFalse();
        assertThat(p.categories().get(0).leaf()).isEqualTo("TABLE");
    }

    @Test
    void everyItemSampleParses() throws Exception {
        for (String name : new String[] {"item_create.response.json", "item_update.response.json"}) {
            assertThat(BusinessCentralConverters.item(sample(name), "USD").sku()).as(name).isNotBlank();
        }
    }

    @Test
    void salesInvoiceGetBecomesAPaidInvoice() throws Exception {
        Order o = BusinessCentralConverters.salesDocument(sample("salesInvoice_get.response.json"), OrderKind.INVOICE, "salesInvoiceLines", "USD");

        assertThat(o.number()).isEqualTo("PS-INV103001");
        assertThat(o.kind()).isEqualTo(OrderKind.INVOICE);
        assertThat(o.status()).isEqualTo(OrderStatus.PAID);
        assertThat(o.totals().gross()).isEqualByComparingTo(new BigDecimal("172.94"));
        assertThat(o.currency()).isEqualTo("USD");
    }

    @Test
    void salesOrderSamplesParse() throws Exception {
        for (String name : new String[] {"salesOrder_get.response.json", "salesOrder_create.response.json",
                "salesOrder_update.response.json"}) {
            Order o = BusinessCentralConverters.salesDocument(sample(name), OrderKind.ORDER, "salesOrderLines", "USD");
            assertThat(o.sourceRef().id()).as(name).isNotBlank();
        }
    }

    @Test
    void escapedEnumMembersAreDecodedAndEncoded() {
        assertThat(BusinessCentralConverters.decodeEnum("Positive_x0020_Adjmt_x002E_")).isEqualTo("Positive Adjmt.");
        assertThat(BusinessCentralConverters.decodeEnum("Non_x002D_Inventory")).isEqualTo("Non-Inventory");
        assertThat(BusinessCentralConverters.encodeEnum("In Review")).isEqualTo("In_x0020_Review");
        assertThat(BusinessCentralConverters.decodeEnum(BusinessCentralConverters.encodeEnum("Non-Inventory"))).isEqualTo("Non-Inventory");
    }

    private static PossyncException error(String sample, int status) throws Exception {
        return BusinessCentralErrors.translate(status, sample(sample), null, Instant.now());
    }

    @Test
    void aMissingConcurrencyTokenIsARejectionWithItsCode() throws Exception {
        assertThat(error("error_BadRequest_InvalidToken.from_issue.json", 400))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.vendorCode()).contains("BadRequest_InvalidToken");
                    assertThat(e.reason()).contains("CorrelationId");
                });
    }

    @Test
    void anInternalServerErrorIsTransient() throws Exception {
        assertThat(error("error_Internal_ServerError.from_issue.json", 500)).isInstanceOf(TransientException.class);
    }

    @Test
    void anInvalidEnumInABatchIsARejection() throws Exception {
        assertThat(error("error_Unknown.from_batch_doc.json", 400))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> assertThat(e.reason()).contains("not an option"));
    }

    @Test
    void aMethodNotAllowedIsARejection() throws Exception {
        assertThat(error("error_BadRequest_MethodNotAllowed.from_issue.json", 405)).isInstanceOf(RecordRejectedException.class);
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        assertThat(BusinessCentralErrors.translate(401, Json.MAPPER.createObjectNode(), null, Instant.now()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theCorrelationIdIsKept() throws Exception {
        assertThat(BusinessCentralErrors.correlationId(sample("error_BadRequest_InvalidToken.from_issue.json").path("error").path("message").asText()))
                .contains("2c074c12-1644-4f2c-befb-efd681f5a595");
    }
}

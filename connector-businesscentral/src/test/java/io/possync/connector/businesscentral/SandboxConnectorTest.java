package io.possync.connector.businesscentral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.AuthenticationException;
import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.TransientException;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxConnectorTest {

    private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().pageSize(10)
            .webServiceUser("SYNC", "ws-key").start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static BusinessCentralSettings.Builder settings(BusinessCentralSandbox sandbox) {
        return settings(sandbox, Secret.of(sandbox.clientSecret()), sandbox.companyName());
    }

    /** The sandbox's settings with another client secret or company. */
    static BusinessCentralSettings.Builder settings(BusinessCentralSandbox sandbox, Secret clientSecret, String company) {
        return BusinessCentralSettings.builder(BusinessCentralSettings.cloud(sandbox.tenant(), sandbox.environment(), sandbox.clientId(),
                        clientSecret), company)
                .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost())
                .overlap(Duration.ZERO)
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).build());
    }

    private BusinessCentral bc() {
        return BusinessCentral.connect(settings(sandbox).build());
    }

    private static MappedRecord<Customer> mapped(String email, String name) {
        Customer c = Customer.builder(new Ref("pos", EntityType.CUSTOMER, email), Instant.now()).email(email).build();
        ObjectNode fields = Json.MAPPER.createObjectNode().put("displayName", name).put("email", email).put("type", "Person");
        return new MappedRecord<>(c, fields);
    }

    @Test
    void aCreatedCustomerIsFoundByEmailAfterwards() {
        BusinessCentral bc = bc();

        Ref created = bc.customers().create(mapped("anna@example.com", "Anna de Vries"));

        assertThat(bc.customers().find(NaturalKey.email("Anna@Example.com"))).contains(created);
        assertThat(sandbox.rows("customers")).singleElement()
                .satisfies(r -> assertThat(r.path("number").asText()).startsWith("C"));
    }

    @Test
    void anUpdateCarriesTheRowsEtag() {
        BusinessCentral bc = bc();
        Ref created = bc.customers().create(mapped("anna@example.com", "Anna"));

        bc.customers().update(created, mapped("anna@example.com", "Anna de Vries"));

        assertThat(sandbox.rows("customers").get(0).path("displayName").asText()).isEqualTo("Anna de Vries");
    }

    @Test
    void anUpdateThatMeetsAConcurrentEditIsReadAgainAndAppliedOnce() {
        BusinessCentral bc = bc();
        Ref created = bc.customers().create(mapped("anna@example.com", "Anna"));
        sandbox.faults().nextWrite(Fault.concurrentEdit());

        bc.customers().update(created, mapped("anna@example.com", "Anna de Vries"));

        assertThat(sandbox.faults().injected(Fault.Kind.CONCURRENT_EDIT)).isEqualTo(1);
        assertThat(sandbox.rows("customers").get(0).path("displayName").asText()).isEqualTo("Anna de Vries");
    }

    @Test
    void incrementalReadsFollowNextLinksAndResumeAfterTheLastChange() {
        for (int i = 0; i < 25; i++) {
            sandbox.seed("customers", Json.MAPPER.createObjectNode().put("displayName", "C" + i).put("email", "c" + i + "@x.nl")
                    .put("type", "Person"));
        }
        BusinessCentral bc = bc();
        Set<String> seen = new HashSet<>();
        Cursor cursor = Cursor.initial();
        Page<Customer> page;
        int pages = 0;
        do {
            page = bc.customers().changesSince(cursor, 100);
            page.records().forEach(c -> seen.add(c.sourceRef().id()));
            cursor = page.next();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25);

        String changed = sandbox.rows("customers").get(3).get("id").asText();
        sandbox.modify("customers", changed, "phoneNumber", Json.MAPPER.getNodeFactory().textNode("+31 20 1"));
        Page<Customer> next = bc.customers().changesSince(cursor, 100);

        assertThat(next.records()).extracting(c -> c.sourceRef().id()).contains(changed).hasSizeLessThan(3);
    }

    @Test
    void aTooLongNameIsRejectedBeforeAnythingIsSent() {
        BusinessCentral bc = bc();
        bc.customers().find(NaturalKey.email("warm@up.nl"));
        long before = sandbox.requestCount();

        assertThatThrownBy(() -> bc.customers().create(mapped("long@example.com", "x".repeat(101))))
                .isInstanceOfSatisfying(RecordRejectedException.class, e -> {
                    assertThat(e.fieldPath()).contains("displayName");
                    assertThat(e.reason()).contains("at most 100");
                });
        assertThat(sandbox.requestCount()).isEqualTo(before);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundInsteadOfSentAgain() {
        BusinessCentral bc = bc();
        bc.customers().find(NaturalKey.email("warm@up.nl"));
        sandbox.faults().nextWrite(Fault.lostResponse());

        Ref created = bc.customers().create(mapped("lost@example.com", "Lost Answer"));

        assertThat(sandbox.rows("customers")).singleElement()
                .satisfies(r -> assertThat(r.get("id").asText()).isEqualTo(created.id()));
    }

    @Test
    void throttlingAndOutagesAreRetried() {
        BusinessCentral bc = bc();
        sandbox.faults().next(Fault.status(429)).next(Fault.status(503, Duration.ofSeconds(0))).next(Fault.malformed());

        assertThat(bc.customers().find(NaturalKey.email("nobody@example.com"))).isEmpty();
        assertThat(sandbox.faults().injected()).isEqualTo(3);
    }

    @Test
    void aPersistentOutageIsTransient() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox).retryPolicy(RetryPolicy.none()).build());
        bc.customers().find(NaturalKey.email("warm@up.nl"));
        sandbox.faults().next(Fault.status(503));

        assertThatThrownBy(() -> bc.customers().find(NaturalKey.email("x@example.com"))).isInstanceOf(TransientException.class);
    }

    @Test
    void aTimedOutReadIsRetried() {
        BusinessCentral bc = bc();
        bc.customers().find(NaturalKey.email("warm@up.nl"));
        sandbox.faults().next(Fault.delay(Duration.ofSeconds(3)));

        assertThat(bc.customers().find(NaturalKey.email("x@example.com"))).isEmpty();
    }

    @Test
    void aWrongSecretIsAnAuthenticationFailure() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox, Secret.of("wrong"), sandbox.companyName()).build());

        assertThatThrownBy(() -> bc.customers().find(NaturalKey.email("x@example.com")))
                .isInstanceOf(AuthenticationException.class).hasMessageNotContaining("wrong");
    }

    @Test
    void anUnknownCompanyIsAConfigurationError() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox, Secret.of(sandbox.clientSecret()), "No Such Company").build());

        assertThatThrownBy(() -> bc.customers().find(NaturalKey.email("x@example.com")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.getMessage()).contains("No Such Company"));
    }

    @Test
    void onPremisesUsesTheWebServiceKey() {
        URI instance = URI.create(sandbox.apiUri().toString().replace("/api/v2.0/", ""));
        BusinessCentral bc = BusinessCentral.connect(BusinessCentralSettings.builder(
                BusinessCentralSettings.onPremises(instance, "SYNC", Secret.of("ws-key")), sandbox.companyId()).build());

        assertThat(bc.customers().create(mapped("onprem@example.com", "On Prem"))).isNotNull();
    }

    @Test
    void missingSettingsAreListedAtOnce() {
        assertThatThrownBy(() -> BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud("", "production", "", null),
                " ")
                .batchSize(500).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tenant").hasMessageContaining("clientSecret").hasMessageContaining("company")
                .hasMessageContaining("batchSize");
    }

    private String idOf(String set, String code) {
        return sandbox.rows(set).stream().filter(r -> r.path("code").asText().equals(code)).findFirst().orElseThrow()
                .get("id").asText();
    }

    @Test
    void newCustomersGetTheErpDefaultsOfTheSettingsResolvedFromCodes() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox).paymentTerms("14 DAYS").paymentMethod("BANK")
                .vatBusinessPostingGroup("BINNENLAND").build());

        bc.customers().create(mapped("anna@example.com", "Anna"));
        bc.customers().create(mapped("bert@example.com", "Bert"));

        assertThat(sandbox.rows("customers")).hasSize(2).allSatisfy(c -> {
            assertThat(c.path("paymentTermsId").asText()).isEqualTo(idOf("paymentTerms", "14 DAYS"));
            assertThat(c.path("paymentMethodId").asText()).isEqualTo(idOf("paymentMethods", "BANK"));
            assertThat(c.path("taxAreaId").asText()).isEqualTo(idOf("taxAreas", "BINNENLAND"));
        });
    }

    @Test
    void aCodeTheCompanyDoesNotHaveIsAConfigurationErrorNamingTheSetting() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox).paymentTerms("45 DAYS").build());

        assertThatThrownBy(() -> bc.customers().create(mapped("anna@example.com", "Anna")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).contains("businesscentral.paymentTerms");
                    assertThat(e.getMessage()).contains("45 DAYS");
                });
        assertThat(sandbox.rows("customers")).isEmpty();
    }

    @Test
    void aMappingThatSetsTheFieldItselfWinsOverTheDefault() {
        BusinessCentral bc = BusinessCentral.connect(settings(sandbox).paymentTerms("14 DAYS").build());
        MappedRecord<Customer> record = mapped("anna@example.com", "Anna");
        record.fields().put("paymentTermsId", idOf("paymentTerms", "COD"));

        bc.customers().create(record);

        assertThat(sandbox.rows("customers").get(0).path("paymentTermsId").asText()).isEqualTo(idOf("paymentTerms", "COD"));
    }

    private MappedRecord<io.possync.api.Product> product(String sku, String category) {
        io.possync.api.Product p = io.possync.api.Product.builder(new Ref("pos", EntityType.PRODUCT, sku), sku, Instant.now())
                .name("Product " + sku).categories(java.util.List.of(io.possync.api.CategoryPath.of("Men", category))).build();
        ObjectNode input = Json.MAPPER.valueToTree(p);
        ObjectNode fields = io.possync.core.mapping.internal.CompiledMapping.compile(
                        io.possync.core.mapping.Mapping.of(bc().items().defaultMapping()))
                .apply(input, p.sourceRef(), false);
        return new MappedRecord<>(p, fields);
    }

    @Test
    void anItemsCategoryIsCreatedOnceWhenMissing() {
        BusinessCentral bc = bc();

        bc.items().writeAll(java.util.List.of(new io.possync.api.Write.Create<>(product("TEE-M", "Summer shirts")),
                new io.possync.api.Write.Create<>(product("TEE-L", "Summer shirts"))));
        bc.items().create(product("CAP", "Summer shirts"));

        assertThat(sandbox.rows("itemCategories")).filteredOn(c -> c.path("code").asText().equals("SUMMER-SHIRTS"))
                .singleElement().satisfies(c -> assertThat(c.path("displayName").asText()).isEqualTo("Summer shirts"));
        assertThat(sandbox.rows("items")).hasSize(3).allSatisfy(i -> {
            assertThat(i.path("itemCategoryCode").asText()).isEqualTo("SUMMER-SHIRTS");
            assertThat(i.path("itemCategoryId").asText()).isNotBlank();
        });
    }
}

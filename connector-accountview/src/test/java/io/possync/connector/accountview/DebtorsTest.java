package io.possync.connector.accountview;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.CustomerKind;
import io.possync.api.EntityType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.core.mapping.Mapping;
import io.possync.core.mapping.internal.CompiledMapping;
import io.possync.testkit.accountview.AccountViewSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Debtors: a company with its contact person, a name too long refused before sending, tokens rotated to the host. */
class DebtorsTest {

    private final AccountViewConnections connections = new AccountViewConnections();
    private final AccountViewSandbox sandbox = connections.sandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static MappedRecord<Customer> mapped(AccountView av, Customer c) {
        return new MappedRecord<>(c, CompiledMapping.compile(Mapping.of(av.debtors().defaultMapping()))
                .apply(Json.MAPPER.valueToTree(c), c.sourceRef(), false));
    }

    @Test
    void aCompanyBecomesADebtorWithItsContactPersonAndTheCollectiveAccountAndIsFoundByEmail() {
        AccountView av = connections.connect(connections.settings().collectiveAccount("1210").build());
        Customer company = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "c1"), Instant.parse("2026-11-20T10:00:00Z"))
                .kind(CustomerKind.COMPANY).companyName("Bakkerij de Boer").contactPerson(ContactPerson.of("Piet", "de Boer"))
                .email("Inkoop@Bakkerij.nl").build();

        Ref debtor = av.debtors().create(mapped(av, company));

        assertThat(sandbox.rows("CONTACT")).singleElement().satisfies(r -> {
            assertThat(r.path("ACCT_NAME").asText()).isEqualTo("Bakkerij de Boer");
            assertThat(r.path("MAIN_CONT").asText()).isEqualTo("Piet de Boer");
            assertThat(r.path("ACCT_NR").asText()).isEqualTo("1210");
            assertThat(r.path("SRC_CODE").asText()).isEqualTo("BAKKERIJ D");
        });
        assertThat(av.debtors().find(NaturalKey.email("inkoop@bakkerij.nl"))).contains(debtor);
        assertThat(av.debtors().fetch(debtor.id())).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(CustomerKind.COMPANY);
            assertThat(c.contactPerson()).hasValueSatisfying(p -> assertThat(p.firstName()).contains("Piet"));
        });
    }

    @Test
    void aNameLongerThanItsFieldIsRefusedNamingTheFieldBeforeAnythingIsSent() {
        AccountView av = connections.connect();
        Customer c = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "c2"), Instant.parse("2026-11-20T10:00:00Z"))
                .kind(CustomerKind.COMPANY).companyName("Bakkerij").email("a@b.nl").build();
        MappedRecord<Customer> record = mapped(av, c);
        record.fields().put("ACCT_NAME", "x".repeat(41));

        assertThatThrownBy(() -> av.debtors().create(record)).isInstanceOfSatisfying(RecordRejectedException.class, e -> {
            assertThat(e.fieldPath()).contains("ACCT_NAME");
            assertThat(e.reason()).contains("at most 40");
        });
        assertThat(sandbox.requestCount("POST /accountviewdata")).isZero();
    }

    @Test
    void everyRefreshTokenTheEndpointHandsOutReachesTheHostAndTheNextConnectionUsesIt() {
        List<String> stored = new ArrayList<>();
        AccountView av = connections.connect(connections.settings().onTokenRotation(t -> stored.add(t.reveal())).build());
        av.debtors().find(NaturalKey.email("nobody@example.nl"));
        sandbox.expireAccessTokens();
        av.debtors().find(NaturalKey.email("nobody@example.nl"));

        assertThat(stored).hasSize(2).last().isEqualTo(sandbox.refreshToken());
        assertThat(connections.connect(AccountViewSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                        Secret.of(stored.get(1)), sandbox.companyCode()).endpoints(sandbox.apiUri(), sandbox.tokenUri()).build())
                .debtors().find(NaturalKey.email("nobody@example.nl"))).isEmpty();
    }

    @Test
    void anUnknownCompanyCodeIsAConfigurationErrorListingTheCompanies() {
        AccountView wrong = AccountView.connect(AccountViewSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()),
                Secret.of(sandbox.refreshToken()), "NOPE").endpoints(sandbox.apiUri(), sandbox.tokenUri()).build(),
                io.possync.api.http.RateLimiter.unlimited());

        assertThatThrownBy(() -> wrong.debtors().find(NaturalKey.email("a@b.nl"))).isInstanceOf(io.possync.api.ConfigurationException.class)
                .hasMessageContaining("NOPE").hasMessageContaining("DEMO");
    }

    @Test
    void aCustomersGroupIsTheDebtorsRelationGroupWrittenThroughAValueMapAndReadBack() {
        AccountView av = connections.connect(connections.settings().collectiveAccount("1210").build());
        Customer jan = Customer.builder(new Ref("pos", EntityType.CUSTOMER, "c2"), Instant.parse("2026-11-20T10:00:00Z"))
                .contactPerson(ContactPerson.of("Jan", "Jansen")).email("jan@example.nl").group("Wholesale").build();
        Mapping mapping = Mapping.of(av.debtors().defaultMapping())
                .withValueMap(io.possync.core.mapping.ValueMap.builder("groups").row("Wholesale", "GROOTH").build())
                .override("RPL_GRP", "$valueMap('groups', group)");

        Ref debtor = av.debtors().create(new MappedRecord<>(jan, CompiledMapping.compile(mapping)
                .apply(Json.MAPPER.valueToTree(jan), jan.sourceRef(), false)));

        assertThat(sandbox.rows("CONTACT")).singleElement().satisfies(r -> assertThat(r.path("RPL_GRP").asText()).isEqualTo("GROOTH"));
        assertThat(av.debtors().fetch(debtor.id())).hasValueSatisfying(c -> assertThat(c.group()).contains("GROOTH"));
    }
}

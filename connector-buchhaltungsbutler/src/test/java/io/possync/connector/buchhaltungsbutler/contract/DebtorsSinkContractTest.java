package io.possync.connector.buchhaltungsbutler.contract;

import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.contract.SinkContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** BuchhaltungsButler's debtors as a {@link Sink}: the contract every sink passes. */
class DebtorsSinkContractTest extends SinkContract<Customer> {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private final ScaledTime time = ScaledTime.startingAt(START, 50);
    private final BuchhaltungsButlerSandbox sandbox = BuchhaltungsButlerSandbox.builder().time(time).start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private BuchhaltungsButlerSettings.Builder settings(String apiSecret) {
        return BuchhaltungsButlerSettings.builder(sandbox.apiClient(), Secret.of(apiSecret), Secret.of(sandbox.apiKey()))
                .baseUrl(sandbox.apiUri()).revenueAccount("*", "19", 8400).timeSource(time).requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(50)).maxBackoff(Duration.ofSeconds(2))
                        .build());
    }

    @Override
    protected Sink<Customer> sink() {
        return BuchhaltungsButler.connect(settings(sandbox.apiSecret()).build()).debtors();
    }

    @Override
    protected Sink<Customer> sinkWithWrongCredentials() {
        return BuchhaltungsButler.connect(settings("wrong").build()).debtors();
    }

    @Override
    protected MappedRecord<Customer> newRecord(int i) {
        Customer c = Customer.builder(new Ref("till", EntityType.CUSTOMER, "K" + i), START).email("k" + i + "@example.de").build();
        return new MappedRecord<>(c, Json.MAPPER.createObjectNode().put("name", "Kunde " + i).put("city", "Köln"));
    }

    @Override
    protected MappedRecord<Customer> changed(MappedRecord<Customer> record) {
        return new MappedRecord<>(record.record(), record.fields().deepCopy().put("city", "Bonn"));
    }

    @Override
    protected NaturalKey keyOf(MappedRecord<Customer> record) {
        return new NaturalKey(KeyType.CUSTOMER_NUMBER, record.record().sourceRef().id());
    }

    @Override
    protected long storedWithKey(NaturalKey key) {
        return sandbox.debtors().stream().filter(d -> d.path("customer_number").asText().equals(key.value())).count();
    }

    @Override
    protected Ref unknownTarget() {
        return new Ref(BuchhaltungsButler.SYSTEM, EntityType.CUSTOMER, "69998");
    }

    /** Debtor accounts have no versions. */
    @Override
    protected Set<Trait> lacks() {
        return Set.of(Trait.STALE_VERSION);
    }

    @Override
    protected Duration longerThanTimeout() {
        return Duration.ofSeconds(150);   // on the sandbox's clock, 50 times faster than real time
    }

    @Override
    protected SandboxFaults faults() {
        return sandbox.faults();
    }
}

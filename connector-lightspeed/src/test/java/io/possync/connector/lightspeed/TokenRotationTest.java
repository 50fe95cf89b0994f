package io.possync.connector.lightspeed;

import io.possync.api.AuthenticationException;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.api.http.Secret;
import io.possync.core.Flow;
import io.possync.core.Outcome;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refresh tokens that rotate on every refresh: each new one reaches the host, and the sync goes on. */
class TokenRotationTest {

    private final ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
    /** Access tokens live 5 minutes (scaled): 100 customer writes at the bucket's pace need about 16. */
    private final LightspeedSandbox sandbox = LightspeedSandbox.builder().time(time).tokenLifetime(Duration.ofMinutes(5)).start();
    private final List<String> stored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static List<Customer> customers(int n) {
        List<Customer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Customer.builder(new Ref("erp", EntityType.CUSTOMER, "C" + i), Instant.parse("2026-11-01T08:00:00Z"))
                    .email("customer" + i + "@example.nl").build());
        }
        return out;
    }

    @Test
    void tokensRefreshedMidSyncReachTheCallbackAndTheSyncGoesOn() {
        LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).timeSource(time)
                .onTokenRotation(token -> stored.add(token.reveal())).build());
        SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).build();

        SyncReport report = engine.run(Flow.customers("erp-to-pos").from(new ListSource<>("erp", customers(100)))
                .to(pos.customers()).build());

        assertThat(report.count(Outcome.CREATED)).isEqualTo(100);
        assertThat(sandbox.records("Customer")).hasSize(100);
        List<String> issued = sandbox.issuedRefreshTokens();
        assertThat(issued).as("several refreshes during the run").hasSizeGreaterThanOrEqualTo(4);
        assertThat(stored).as("every rotated token, in order").containsExactlyElementsOf(issued.subList(1, issued.size()));
    }

    @Test
    void theLastStoredTokenStartsTheNextRunAndAnOldOneIsRefused() {
        LightspeedRetail first = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).timeSource(time)
                .onTokenRotation(token -> stored.add(token.reveal())).build());
        first.accountId();

        LightspeedRetail next = LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(),
                        Secret.of(sandbox.clientSecret()), Secret.of(stored.get(stored.size() - 1)))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).timeSource(time).build());
        LightspeedRetail stale = LightspeedRetail.connect(LightspeedRetailSettings.builder(sandbox.clientId(),
                        Secret.of(sandbox.clientSecret()), Secret.of(sandbox.initialRefreshToken()))
                .endpoints(sandbox.apiUri(), sandbox.tokenUri()).timeSource(time).build());

        assertThat(next.accountId()).isEqualTo(sandbox.accountId());
        assertThatThrownBy(stale::accountId).isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_grant");
    }
}

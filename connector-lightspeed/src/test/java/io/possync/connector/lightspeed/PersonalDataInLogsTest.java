package io.possync.connector.lightspeed;

import io.possync.api.Cursor;
import io.possync.api.Customer;
import io.possync.api.Sink;
import io.possync.api.Source;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.core.Flow;
import io.possync.core.SyncEngine;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.privacy.CapturedLog;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.privacy.WrittenTexts;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync at DEBUG — customers looked up by e-mail, created, updated and read back, with faults —
 * leaves no e-mail address, name, company name, street, phone or VAT number in any log line, exception
 * or event, in any form (plain, URL-encoded, JSON-escaped, XML-escaped), and no secret or token: R-Series
 * and X-Series.
 */
class PersonalDataInLogsTest {

    @RegisterExtension
    final CapturedLog log = CapturedLog.atDebug("io.possync");
    private final WrittenTexts written = new WrittenTexts();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(written).build();

    private List<String> everythingWritten() {
        return written.plus(log.messages());
    }

    private static List<Customer> changed(List<Customer> customers) {
        return customers.stream().map(c -> c.toBuilder().phone("+31 20 555 0101").modifiedAt(c.modifiedAt().plusSeconds(3600)).build())
                .toList();
    }

    /** Creates, updates and reads back ten customers with faults, then checks everything written for their data and the secrets. */
    private void syncAndCheck(Sink<Customer> sink, Source<Customer> readBack, SandboxFaults faults, Supplier<Integer> stored,
                              Supplier<List<String>> secrets) {
        List<Customer> customers = PersonalDataCheck.customers("erp", 10);
        faults.randomly(0.15, 0.05, 5);

        written.add(engine.run(Flow.customers("c").from(new ListSource<>("erp", customers)).to(sink).build()));
        written.add(engine.run(Flow.customers("c2").from(new ListSource<>("erp", changed(customers))).to(sink).build()));
        faults.randomly(0, 0, 1);
        readBack.changesSince(Cursor.initial(), 100);

        assertThat(stored.get()).isEqualTo(10);
        assertThat(log.messages()).hasSizeGreaterThan(30);
        List<String> texts = everythingWritten();
        assertThat(PersonalDataCheck.leaks(texts, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(texts, secrets.get())).isEmpty();
    }

    @Test
    void rSeriesLogsNoPersonalValueOrSecret() {
        try (LightspeedSandbox sandbox = LightspeedSandbox.builder().shop("Amsterdam").bucket(10_000, 10_000).start()) {
            LightspeedRetail pos = LightspeedRetail.connect(SandboxConnectorTest.settings(sandbox).build());
            syncAndCheck(pos.customers(), pos.customers(), sandbox.faults(), () -> sandbox.records("Customer").size(), () -> {
                List<String> secrets = new ArrayList<>(sandbox.issuedRefreshTokens());
                secrets.add(sandbox.clientSecret());
                return secrets;
            });
        }
    }

    @Test
    void xSeriesLogsNoPersonalValueOrSecret() {
        ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);
        try (XSeriesSandbox sandbox = XSeriesSandbox.builder().outlet("Amsterdam").time(time).start()) {
            List<String> issued = sandbox.issuedRefreshTokens();
            LightspeedXSeries pos = LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", sandbox.clientId(),
                            Secret.of(sandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1)))
                    .endpoints(sandbox.apiUri(), sandbox.tokenUri()).timeSource(time)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20))
                            .maxElapsed(Duration.ofHours(1)).build()).build());
            syncAndCheck(pos.customers(), pos.customers(), sandbox.faults(), () -> sandbox.records("customers").size(), () -> {
                List<String> secrets = new ArrayList<>(sandbox.issuedRefreshTokens());
                secrets.add(sandbox.clientSecret());
                return secrets;
            });
        }
    }
}

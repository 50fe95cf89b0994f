package io.possync.connector.lightspeed;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;
import io.possync.core.state.InMemoryStateStore;
import io.possync.testkit.SandboxFaults;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.privacy.PersonalDataCheck;
import io.possync.testkit.shop.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync at DEBUG — customers looked up by e-mail, created, updated and read back, with faults —
 * leaves no e-mail address, name, company name, street, phone or VAT number in any log line, exception
 * or event, in any form (plain, URL-encoded, JSON-escaped, XML-escaped), and no secret or token: R-Series
 * and X-Series.
 */
class PersonalDataInLogsTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger possync = (Logger) LoggerFactory.getLogger("io.possync");
    private final Level before = possync.getLevel();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final SyncEngine engine = SyncEngine.builder().stateStore(new InMemoryStateStore()).listener(new SyncListener() {
        @Override
        public void onEvent(SyncEvent e) {
            texts.add(e.toString());
        }
    }).build();

    @BeforeEach
    void capture() {
        log.start();
        possync.addAppender(log);
        possync.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        possync.detachAppender(log);
        possync.setLevel(before);
    }

    private List<String> everythingWritten(List<SyncReport> reports) {
        for (SyncReport r : reports) {
            texts.add(r.summary());
            r.rejections().forEach(x -> texts.add(x.toString()));
            r.failure().ifPresent(f -> texts.add(f.toString()));
        }
        log.list.forEach(e -> texts.add(e.getFormattedMessage()));
        return texts;
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

        List<SyncReport> reports = new ArrayList<>();
        reports.add(engine.run(Flow.customers("c").from(new ListSource<>("erp", customers)).to(sink).build()));
        reports.add(engine.run(Flow.customers("c2").from(new ListSource<>("erp", changed(customers))).to(sink).build()));
        faults.randomly(0, 0, 1);
        readBack.changesSince(Cursor.initial(), 100);

        assertThat(stored.get()).isEqualTo(10);
        assertThat(log.list).hasSizeGreaterThan(30);
        List<String> written = everythingWritten(reports);
        assertThat(PersonalDataCheck.leaks(written, PersonalDataCheck.values(customers))).isEmpty();
        assertThat(PersonalDataCheck.leaks(written, secrets.get())).isEmpty();
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

package io.possync.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-account settings: read from a file or the environment, every problem named before any request. */
class DemoConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutFileOrEnvironmentTheSandboxDemoRuns() {
        assertThat(DemoConfig.load(dir.resolve("possync-demo.properties"), Map.of("HOME", "/root"))).isEmpty();
    }

    @Test
    void everyMissingSettingIsNamedWithItsEnvironmentVariable() {
        assertThatThrownBy(() -> DemoConfig.load(dir.resolve("none"), Map.of("POSSYNC_BC_TENANT", "contoso.onmicrosoft.com")))
                .isInstanceOfSatisfying(DemoConfig.Invalid.class, e -> assertThat(e.problems()).hasSize(8)
                        .contains("possync.bc.client-secret is missing (or POSSYNC_BC_CLIENT_SECRET)")
                        .contains("possync.lightspeed.refresh-token is missing (or POSSYNC_LIGHTSPEED_REFRESH_TOKEN)")
                        .noneMatch(p -> p.contains("possync.bc.tenant")));
    }

    @Test
    void invalidValuesAreReportedByTheConnectorsSettings() throws IOException {
        Path file = dir.resolve("possync-demo.properties");
        Files.writeString(file, """
                possync.lightspeed.client-id=app
                possync.lightspeed.client-secret=s
                possync.lightspeed.refresh-token=r
                possync.lightspeed.currency=EURO
                possync.lightspeed.account-id=abc
                possync.bc.tenant=contoso.onmicrosoft.com
                possync.bc.environment=production
                possync.bc.client-id=bc-app
                possync.bc.client-secret=bc-secret
                possync.bc.company=CRONUS
                possync.bc.default-debtor=10000
                """);

        assertThatThrownBy(() -> DemoConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(DemoConfig.Invalid.class, e -> assertThat(String.join("\n", e.problems()))
                        .contains("currency must be an ISO 4217 code").contains("accountId must be numeric")
                        .doesNotContain("bc-secret", "s\n"));
    }

    @Test
    void aCompleteFileConfiguresBothSystems() throws IOException {
        Path file = dir.resolve("possync-demo.properties");
        Files.writeString(file, """
                possync.lightspeed.client-id=app
                possync.lightspeed.client-secret=s
                possync.lightspeed.refresh-token=r
                possync.lightspeed.stock-shop=1
                possync.bc.tenant=contoso.onmicrosoft.com
                possync.bc.environment=production
                possync.bc.client-id=bc-app
                possync.bc.client-secret=bc-secret
                possync.bc.company=CRONUS
                possync.bc.default-debtor=10000
                """);

        DemoConfig config = DemoConfig.load(file, Map.of()).orElseThrow();

        assertThat(config.lightspeed().stockShopId()).contains("1");
        assertThat(config.defaultDebtor()).isEqualTo("10000");
        assertThat(config.name()).isEqualTo("production");
    }
}

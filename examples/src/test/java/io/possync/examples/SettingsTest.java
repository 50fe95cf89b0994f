package io.possync.examples;

import io.possync.api.ConfigurationException;
import io.possync.api.http.Secret;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetailSettings;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.connector.mpluskassa.MplusSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every connector's settings work the same way: required parts in {@code builder(…)}, the shared
 * connection part on every builder, {@code toBuilder()} round-trips, and every problem is named at once.
 */
class SettingsTest {

    private static final Secret SECRET = Secret.of("s");

    @Test
    void everySettingsRecordRoundTripsThroughItsBuilder() {
        BusinessCentralSettings bc = BusinessCentralSettings.builder(BusinessCentralSettings.cloud("t", "e", "c", SECRET), "CRONUS")
                .paymentTerms("14 DAYS").taxCode("NL", new java.math.BigDecimal("21"), "HOOG").pageSize(500).build();
        LightspeedRetailSettings retail = LightspeedRetailSettings.builder("c", SECRET, SECRET).shops("1").pageSize(50).build();
        XSeriesSettings xSeries = XSeriesSettings.builder("shop", "c", SECRET, SECRET).registers(3).outlets("o1").build();
        MplusSettings mplus = MplusSettings.builder(44281, "ident", SECRET).turnoverGroup(10).branch(2).build();
        BuchhaltungsButlerSettings butler = BuchhaltungsButlerSettings.builder("c", SECRET, SECRET).revenueAccount("*", "19", 8400)
                .shippingAccount("*", 8401).build();

        assertThat(bc.toBuilder().build()).isEqualTo(bc);
        assertThat(retail.toBuilder().build()).isEqualTo(retail);
        assertThat(xSeries.toBuilder().build()).isEqualTo(xSeries);
        assertThat(mplus.toBuilder().build()).isEqualTo(mplus);
        assertThat(butler.toBuilder().build()).isEqualTo(butler);
    }

    @Test
    void theConnectionPartIsSetTheSameWayOnEveryBuilder() {
        Duration timeout = Duration.ofSeconds(7);

        assertThat(BusinessCentralSettings.builder(BusinessCentralSettings.cloud("t", "e", "c", SECRET), "CRONUS")
                .requestTimeout(timeout).build().connection().requestTimeout()).isEqualTo(timeout);
        assertThat(LightspeedRetailSettings.builder("c", SECRET, SECRET).requestTimeout(timeout).build().connection().requestTimeout())
                .isEqualTo(timeout);
        assertThat(XSeriesSettings.builder("shop", "c", SECRET, SECRET).requestTimeout(timeout).build().connection().requestTimeout())
                .isEqualTo(timeout);
        assertThat(MplusSettings.builder(1, "i", SECRET).requestTimeout(timeout).build().connection().requestTimeout()).isEqualTo(timeout);
        assertThat(BuchhaltungsButlerSettings.builder("c", SECRET, SECRET).requestTimeout(timeout).build().connection().requestTimeout())
                .isEqualTo(timeout);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> MplusSettings.builder(1, "", SECRET).branch(0).pageSize(0).requestTimeout(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ident").hasMessageContaining("branch").hasMessageContaining("pageSize")
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> XSeriesSettings.builder("Not A Prefix", "", SECRET, SECRET).registers(0).pageSize(20_000).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("domain prefix").hasMessageContaining("clientId").hasMessageContaining("registers")
                .hasMessageContaining("pageSize");
        assertThatThrownBy(() -> BuchhaltungsButlerSettings.builder("", SECRET, SECRET).homeCountry("Deutschland").pageSize(501).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("apiClient").hasMessageContaining("homeCountry").hasMessageContaining("pageSize");
        assertThatThrownBy(() -> LightspeedRetailSettings.builder("", SECRET, SECRET).currency("euro").pageSize(101).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clientId").hasMessageContaining("currency").hasMessageContaining("pageSize");
        assertThatThrownBy(() -> BusinessCentralSettings.builder(BusinessCentralSettings.cloud("", "e", "c", SECRET), "")
                .batchSize(101).pageSize(0).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tenant").hasMessageContaining("company").hasMessageContaining("batchSize")
                .hasMessageContaining("pageSize");
    }
}

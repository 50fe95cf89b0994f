package io.possync.connector.lightspeed;

import io.possync.api.ConfigurationException;
import io.possync.api.MappingDefaults;
import io.possync.api.UpdateSink;
import io.possync.api.http.Secret;
import io.possync.core.mapping.Mapping;
import io.possync.testkit.MappableFieldsTable;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every sink declares the fields it writes; the README lists exactly those, and a mapping naming another field fails at once. */
class MappableFieldsTest {

    private static final LightspeedRetail RETAIL = LightspeedRetail.connect(LightspeedRetailSettings
            .builder("client", Secret.of("secret"), Secret.of("refresh")).build());
    private static final LightspeedXSeries XSERIES = LightspeedXSeries.connect(XSeriesSettings
            .builder("shop", "client", Secret.of("secret"), Secret.of("refresh")).build());

    private static List<UpdateSink<?>> sinks() {
        return List.of(RETAIL.items(), RETAIL.customers(), RETAIL.sales(), RETAIL.stock(), XSERIES.products(), XSERIES.customers(),
                XSERIES.sales(), XSERIES.inventory());
    }

    @Test
    void theReadmeListsEverySinksDeclaredFields() throws IOException {
        assertThat(MappableFieldsTable.missingFrom(Path.of("README.md"), sinks().stream().map(UpdateSink::defaultMapping).toList()))
                .as("sinks whose fields README.md does not list as declared (target/mappable-fields.md has them)").isEmpty();
    }

    @Test
    void aMappingOfAFieldNoSinkWritesFailsNamingTheSinkAndItsFields() {
        for (UpdateSink<?> sink : sinks()) {
            MappingDefaults defaults = sink.defaultMapping();
            String someField = defaults.mappable().keySet().iterator().next();

            assertThatThrownBy(() -> Mapping.of(defaults).override("turnovergroup", "1"))
                    .as(defaults.sink()).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(defaults.sink()).hasMessageContaining("'turnovergroup'").hasMessageContaining(someField);
        }
    }

    @Test
    void everyDefaultExpressionCompiles() {
        for (UpdateSink<?> sink : sinks()) {
            Mapping.of(sink.defaultMapping()).validate();
        }
    }
}

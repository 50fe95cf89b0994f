package io.possync.testkit.contract;

import io.possync.api.ConfigurationException;
import io.possync.api.MappingDefaults;
import io.possync.api.UpdateSink;
import io.possync.core.mapping.Mapping;
import io.possync.testkit.MappableFieldsTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every connector promises about the fields its sinks write, as JUnit 5 tests a connector's test
 * extends: the README lists each sink's declared fields exactly, a mapping naming a field no sink
 * writes fails at once naming the sink and its fields, and every default expression compiles.
 *
 * <pre>{@code
 * class MappableFieldsTest extends MappableFieldsContract {
 *     protected List<UpdateSink<?>> sinks() {
 *         return List.of(connector.customers(), connector.items());
 *     }
 * }
 * }</pre>
 */
public abstract class MappableFieldsContract {

    /** Every sink of the connector under test (connected with any settings; no request is made). */
    protected abstract List<UpdateSink<?>> sinks();

    /** The README that lists the sinks' fields (default: {@code README.md} of the module). */
    protected Path readme() {
        return Path.of("README.md");
    }

    @Test
    void theReadmeListsEverySinksDeclaredFields() throws IOException {
        List<String> missing = MappableFieldsTable.missingFrom(readme(), sinks().stream().map(UpdateSink::defaultMapping).toList());
        assertEquals(List.of(), missing, "sinks whose fields " + readme() + " does not list as declared"
                + " (target/mappable-fields.md has them)");
    }

    @Test
    void aMappingOfAFieldNoSinkWritesFailsNamingTheSinkAndItsFields() {
        for (UpdateSink<?> sink : sinks()) {
            MappingDefaults defaults = sink.defaultMapping();
            String someField = defaults.mappable().keySet().iterator().next();

            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> Mapping.of(defaults).override("turnovergroup", "1"), defaults.sink());
            assertTrue(e.getMessage().contains(defaults.sink()), e.getMessage());
            assertTrue(e.getMessage().contains("'turnovergroup'"), e.getMessage());
            assertTrue(e.getMessage().contains(someField), e.getMessage());
        }
    }

    @Test
    void everyDefaultExpressionCompiles() {
        assertFalse(sinks().isEmpty(), "a connector has at least one sink");
        for (UpdateSink<?> sink : sinks()) {
            Mapping.of(sink.defaultMapping()).validate();
        }
    }
}

package io.possync.testkit;

import io.possync.api.FieldRule;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;

import java.util.Locale;

/**
 * A sink's declared mappable fields as the Markdown table a connector's README shows, so a test can
 * check that the README lists exactly what the sink declares.
 *
 * <pre>{@code
 * assertThat(MappableFieldsTable.missingFrom(Path.of("README.md"), List.of(connector.customers().defaultMapping())))
 *         .isEmpty();
 * }</pre>
 */
public final class MappableFieldsTable {

    private static final int SHORT_EXPRESSION = 48;

    private MappableFieldsTable() {
    }

    /** A heading naming the sink, then one row per field: name, type, max length, required, when it is written, default, description. */
    public static String markdown(MappingDefaults defaults) {
        StringBuilder out = new StringBuilder();
        out.append("#### ").append(defaults.sink()).append('\n').append('\n');
        out.append("| field | type | max length | required | written | default | what |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (MappableField f : defaults.mappable().values()) {
            FieldRule rule = defaults.fields().get(f.name());
            out.append("| `").append(f.name()).append("` | ").append(f.type().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(f.maxLength().map(String::valueOf).orElse("")).append(" | ")
                    .append(f.required() ? "yes" : "").append(" | ")
                    .append(f.onlyOnCreate() ? "on create only" : f.createOnlyAllowed() ? "on create, or also on update" : "on every write")
                    .append(" | ")
                    .append(rule == null ? "—" : defaultOf(rule)).append(" | ")
                    .append(f.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /**
     * The sinks whose table the README at {@code readme} does not show as declared (empty when it shows them
     * all); writes every expected table to {@code target/mappable-fields.md} beside it to copy from.
     */
    public static java.util.List<String> missingFrom(java.nio.file.Path readme, java.util.List<MappingDefaults> sinks)
            throws java.io.IOException {
        String text = java.nio.file.Files.readString(readme).replace("\r", "");
        StringBuilder expected = new StringBuilder();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (MappingDefaults sink : sinks) {
            String table = markdown(sink);
            expected.append(table).append('\n');
            if (!text.contains(table)) {
                missing.add(sink.sink());
            }
        }
        java.nio.file.Path target = readme.toAbsolutePath().getParent().resolve("target");
        java.nio.file.Files.createDirectories(target);
        java.nio.file.Files.writeString(target.resolve("mappable-fields.md"), expected);
        return missing;
    }

    private static String defaultOf(FieldRule rule) {
        String e = rule.expression();
        String shown = e.length() <= SHORT_EXPRESSION && !e.contains("|") && !e.contains("`") ? "`" + e + "`" : "computed";
        return rule.createOnly() ? shown + " (create only)" : shown;
    }
}

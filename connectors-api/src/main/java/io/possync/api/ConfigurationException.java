package io.possync.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A setting, mapping or flow definition is wrong: a mapping expression that does not parse,
 * an unknown value-map name, a sink that cannot search by the configured key.
 *
 * <p>Thrown as early as possible (when a flow or mapping is built), naming the setting.
 *
 * <pre>{@code
 * throw new ConfigurationException("mapping.displayName", "expression does not parse: ...");
 * }</pre>
 */
public final class ConfigurationException extends PossyncException {

    private final String setting;

    /** Creates the exception naming the offending {@code setting} (may be null). */
    public ConfigurationException(String setting, String message) {
        this(setting, message, null);
    }

    /** Creates the exception naming the offending {@code setting} (may be null) with a cause. */
    public ConfigurationException(String setting, String message, Throwable cause) {
        super(setting == null ? Objects.requireNonNull(message, "message") : setting + ": " + message, cause);
        this.setting = setting;
    }

    /** The setting, field or flow element at fault, when there is one. */
    public Optional<String> setting() {
        return Optional.ofNullable(setting);
    }
}

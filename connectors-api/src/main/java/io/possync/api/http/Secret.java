package io.possync.api.http;

import java.util.Objects;

/**
 * A credential (password, client secret, API key, token) that cannot leak by accident: its
 * {@link #toString()} is masked, so it is safe in logs, exceptions and debugger views.
 * Only {@link #reveal()} gives the value, and only the HTTP toolkit should call it.
 *
 * <pre>{@code
 * Secret key = Secret.of(System.getenv("BC_CLIENT_SECRET"));
 * log.info("using {}", key); // "using ******"
 * }</pre>
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}; rejects null or empty values. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The secret itself. Never log the result. */
    public String reveal() {
        return value;
    }

    /** Always {@code ******}. */
    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

package io.possync.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A value that identifies a record across systems: an e-mail, a SKU, an order number.
 * E-mail keys are lower-cased so {@code Anna@Example.com} and {@code anna@example.com} match.
 *
 * <pre>{@code
 * Optional<Ref> existing = sink.find(NaturalKey.sku("TEE-RED-M"));
 * }</pre>
 *
 * @param type  what kind of key
 * @param value the key's value
 */
public record NaturalKey(KeyType type, String value) {

    /** Rejects nulls and blank values; lower-cases e-mail addresses. */
    public NaturalKey {
        Objects.requireNonNull(type, "type");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + type + " key needs a non-blank value");
        }
        value = type == KeyType.EMAIL ? value.trim().toLowerCase(Locale.ROOT) : value;
    }

    /** An e-mail key. */
    public static NaturalKey email(String email) {
        return new NaturalKey(KeyType.EMAIL, email);
    }

    /** A SKU key. */
    public static NaturalKey sku(String sku) {
        return new NaturalKey(KeyType.SKU, sku);
    }

    /** An order-number key. */
    public static NaturalKey orderNumber(String number) {
        return new NaturalKey(KeyType.ORDER_NUMBER, number);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}

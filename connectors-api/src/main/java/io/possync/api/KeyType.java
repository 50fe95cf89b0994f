package io.possync.api;

/**
 * The natural keys by which a record can be found in a target that possync did not create it in.
 *
 * <pre>{@code
 * sink.find(new NaturalKey(KeyType.EMAIL, "anna@example.com"));
 * }</pre>
 */
public enum KeyType {
    /** A customer's e-mail address (matched case-insensitively). */
    EMAIL,
    /** A customer number. */
    CUSTOMER_NUMBER,
    /** A product's SKU. */
    SKU,
    /** A product's EAN/GTIN. */
    EAN,
    /** The source order number, stored in the target as external document number. */
    ORDER_NUMBER
}

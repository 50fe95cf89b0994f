package io.possync.api;

/**
 * What kind of product a {@link Product} is.
 *
 * <pre>{@code
 * if (product.type() == ProductType.CONFIGURABLE) { product.variants().forEach(...); }
 * }</pre>
 */
public enum ProductType {
    /** A stocked product without variants. */
    SIMPLE,
    /** A product without stock: a service, a voucher, a fee. */
    VIRTUAL,
    /** A parent with variants along attribute axes (size, colour); not sold itself. */
    CONFIGURABLE,
    /** One variant of a configurable product; names its parent SKU. */
    VARIANT
}

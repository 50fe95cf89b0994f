package io.possync.api;

/**
 * The kinds of record possync moves between systems, each with its canonical record type.
 *
 * <pre>{@code
 * Ref ref = new Ref("lightspeed", EntityType.ORDER, "1042");
 * }</pre>
 */
public enum EntityType {
    /** A customer or debtor: {@link Customer}. */
    CUSTOMER(Customer.class),
    /** A product, article or item: {@link Product}. */
    PRODUCT(Product.class),
    /** A sale, order or invoice: {@link Order}. */
    ORDER(Order.class),
    /** A stock level of one SKU at one location: {@link StockLevel}. */
    STOCK_LEVEL(StockLevel.class);

    private final Class<? extends CanonicalRecord> recordType;

    EntityType(Class<? extends CanonicalRecord> recordType) {
        this.recordType = recordType;
    }

    /** The canonical record class of this entity type. */
    public Class<? extends CanonicalRecord> recordType() {
        return recordType;
    }
}

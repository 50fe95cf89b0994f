package io.possync.core;

/**
 * Whether a product flow creates new products published at once or as drafts (Lightspeed: archived,
 * X-Series and MplusKASSA: inactive, Business Central: blocked). Only creates follow it: an update never changes
 * whether a product is published unless the mapping writes the target's field on update.
 *
 * <pre>{@code
 * Flow.products("erp-items-to-shop").from(erp.items()).to(shop.items()).newProducts(Publication.DRAFT).build();
 * }</pre>
 */
public enum Publication {
    /** As the source has it (the default). */
    AS_SOURCE,
    /** Published at once. */
    PUBLISHED,
    /** As drafts, for someone to complete and publish in the target. */
    DRAFT
}

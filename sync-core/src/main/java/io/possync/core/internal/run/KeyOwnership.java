package io.possync.core.internal.run;

import io.possync.api.EntityType;
import io.possync.api.NaturalKey;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.state.Link;
import io.possync.core.state.StateStore;

import java.util.Locale;
import java.util.Optional;

/**
 * Natural keys are unique per source: a target record found by a source record's SKU, e-mail address
 * or order number belongs to the source record already linked to it, and a second source record with
 * the same key is rejected — never linked to that target and never written over it. Two source records
 * with one key in the same page: the first is written, the second rejected the same way.
 */
final class KeyOwnership {

    private final StateStore store;

    KeyOwnership(StateStore store) {
        this.store = store;
    }

    /** The source record already linked to {@code target}, when it is not {@code newcomer}. */
    Optional<Ref> otherOwner(Ref target, Ref newcomer) {
        return store.linkByTarget(target).map(Link::source).filter(owner -> !owner.equals(newcomer));
    }

    /** The rejection of {@code newcomer}, whose {@code key} belongs to {@code owner}. */
    static RecordRejectedException conflict(NaturalKey key, Ref newcomer, Ref owner) {
        String what = switch (key.type()) {
            case SKU -> "SKU '" + key.value() + "'";
            case EAN -> "EAN '" + key.value() + "'";
            case ORDER_NUMBER -> "order number '" + key.value() + "'";
            case CUSTOMER_NUMBER -> "customer number '" + key.value() + "'";
            case EMAIL -> "the e-mail address"; // personal data stays out of reasons
        };
        return RecordRejectedException.builder(what + " already belongs to source " + noun(owner.type()) + " " + owner.id()
                        + "; a second record with it is not linked or written (fix the duplicate in the source)")
                .record(newcomer).fieldPath(field(key)).build();
    }

    private static String field(NaturalKey key) {
        return switch (key.type()) {
            case SKU -> "sku";
            case EAN -> "ean";
            case ORDER_NUMBER -> "number";
            case CUSTOMER_NUMBER -> "sourceRef.id";
            case EMAIL -> "email";
        };
    }

    private static String noun(EntityType type) {
        return type == EntityType.STOCK_LEVEL ? "stock level" : type.name().toLowerCase(Locale.ROOT);
    }
}

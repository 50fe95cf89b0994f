package io.possync.connector.mpluskassa.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * MplusKASSA's numbers: amounts are {@code xsd:long} unscaled values, money in cents (two implied
 * decimals, FACTS.md §2, §11: the official client reads them with {@code ofUnscaledValue(x, 2)}),
 * quantities with an explicit {@code decimalPlaces} beside them. Conversions are exact — through
 * {@link BigDecimal}, never a double — and a value that cannot be written exactly is refused rather
 * than rounded.
 */
public final class Unscaled {

    /** Decimal places of money. */
    public static final int CENTS = 2;

    private Unscaled() {
    }

    /** {@code unscaled × 10^-places}, exactly. */
    public static BigDecimal toDecimal(long unscaled, int places) {
        return BigDecimal.valueOf(unscaled, places);
    }

    /** A money amount in cents, or empty when it has more than two significant decimals. */
    public static Optional<Long> cents(BigDecimal amount) {
        return unscaled(amount, CENTS);
    }

    /** {@code value} as an unscaled long at {@code places} decimals, or empty when that is not exact or too large. */
    public static Optional<Long> unscaled(BigDecimal value, int places) {
        try {
            return Optional.of(value.setScale(places).unscaledValue().longValueExact());
        } catch (ArithmeticException inexactOrTooLarge) {
            return Optional.empty();
        }
    }

    /** A quantity as (unscaled, decimalPlaces) with as few places as it needs (at least 0). */
    public static long[] quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        int places = Math.max(q.scale(), 0);
        return new long[] {q.setScale(places).unscaledValue().longValueExact(), places};
    }
}

package io.possync.connector.mpluskassa.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** MplusKASSA's unscaled longs: exact both ways, through BigDecimal only. */
class UnscaledTest {

    @Test
    void zeroRoundTripsAsZeroCents() {
        assertThat(Unscaled.cents(BigDecimal.ZERO)).contains(0L);
        assertThat(Unscaled.toDecimal(0, Unscaled.CENTS)).isEqualByComparingTo("0");
    }

    @Test
    void aNegativeAmountRoundTripsExactly() {
        long cents = Unscaled.cents(new BigDecimal("-12.34")).orElseThrow();

        assertThat(cents).isEqualTo(-1234L);
        assertThat(Unscaled.toDecimal(cents, Unscaled.CENTS)).isEqualTo(new BigDecimal("-12.34"));
    }

    @Test
    void aFourDecimalPriceIsExactInCentsWhenItsLastTwoDecimalsAreZero() {
        long cents = Unscaled.cents(new BigDecimal("19.9500")).orElseThrow();

        assertThat(cents).isEqualTo(1995L);
        assertThat(Unscaled.toDecimal(cents, Unscaled.CENTS)).isEqualByComparingTo("19.9500");
    }

    @Test
    void aFourDecimalPriceThatCentsCannotHoldIsRefusedNotRounded() {
        assertThat(Unscaled.cents(new BigDecimal("1.2345"))).isEmpty();
    }

    @Test
    void aFourDecimalQuantityRoundTripsWithItsDecimalPlaces() {
        long[] q = Unscaled.quantity(new BigDecimal("0.1234"));

        assertThat(q).containsExactly(1234L, 4L);
        assertThat(Unscaled.toDecimal(q[0], (int) q[1])).isEqualTo(new BigDecimal("0.1234"));
    }

    @Test
    void aWholeQuantityHasNoDecimalPlaces() {
        assertThat(Unscaled.quantity(new BigDecimal("3.000"))).containsExactly(3L, 0L);
        assertThat(Unscaled.quantity(new BigDecimal("-2"))).containsExactly(-2L, 0L);
    }

    @Test
    void largeAmountsAreExactBeyondWhatADoubleHolds() {
        BigDecimal big = new BigDecimal("92233720368547758.07");

        assertThat(Unscaled.cents(big)).contains(Long.MAX_VALUE);
        assertThat(Unscaled.toDecimal(Long.MAX_VALUE, 2)).isEqualTo(big);
        assertThat(Unscaled.cents(big.add(new BigDecimal("0.01")))).isEmpty();
    }
}

package io.possync.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A selling price that says whether it includes tax: POS systems usually store gross prices,
 * ERPs net prices, and a sync that guesses gets every invoice wrong.
 *
 * <pre>{@code
 * Price p = new Price(new BigDecimal("24.95"), "EUR", true);
 * }</pre>
 *
 * @param amount      the amount, at most 4 decimal places
 * @param currency    ISO 4217 code
 * @param includesTax whether {@code amount} includes tax
 */
public record Price(@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal amount,
                    @NotNull @CurrencyCode String currency,
                    boolean includesTax) {

    /** Checks that amount and currency are present. */
    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}

package io.possync.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of money in one currency. Never a double.
 *
 * <pre>{@code
 * Money shipping = Money.of("4.95", "EUR");
 * }</pre>
 *
 * @param amount   the amount, at most 4 decimal places
 * @param currency ISO 4217 code
 */
public record Money(@NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount,
                    @NotNull @CurrencyCode String currency) {

    /** Checks that both parts are present. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Parses {@code amount} exactly, e.g. {@code Money.of("19.99", "EUR")}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}

package io.possync.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * One payment on an order, in the order's currency. A POS sale may have several (cash + card).
 *
 * <pre>{@code
 * Payment p = new Payment("PIN", new BigDecimal("44.85"));
 * }</pre>
 *
 * @param method the source's payment method code, mapped to the target's with a value map
 * @param amount the amount paid (negative for money given back)
 */
public record Payment(@NotBlank String method, @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount) {
}

package io.possync.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * How an order is delivered and what that costs (in the order's currency, with the order's tax flag).
 *
 * <pre>{@code
 * Shipping s = new Shipping("postnl-standard", new BigDecimal("4.95"));
 * }</pre>
 *
 * @param method the source's shipping method code
 * @param cost   the shipping cost
 */
public record Shipping(@NotBlank String method,
                       @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal cost) {
}

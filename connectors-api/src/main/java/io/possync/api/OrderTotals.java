package io.possync.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * An order's totals as the source computed them, so a target can check its own arithmetic.
 *
 * <pre>{@code
 * OrderTotals t = new OrderTotals(new BigDecimal("37.07"), new BigDecimal("7.78"), new BigDecimal("44.85"));
 * }</pre>
 *
 * @param net   total excluding tax
 * @param tax   total tax
 * @param gross total including tax
 */
public record OrderTotals(@NotNull @Digits(integer = 15, fraction = 4) BigDecimal net,
                          @NotNull @Digits(integer = 15, fraction = 4) BigDecimal tax,
                          @NotNull @Digits(integer = 15, fraction = 4) BigDecimal gross) {
}

package io.possync.api;

import static io.possync.api.internal.Nulls.opt;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an {@link Order}: a quantity of one product at a unit price.
 *
 * <pre>{@code
 * OrderLine line = new OrderLine("TEE-RED-M", Optional.empty(), "T-shirt red M",
 *         new BigDecimal("2"), new BigDecimal("19.95"), new BigDecimal("21"), BigDecimal.ZERO);
 * }</pre>
 *
 * @param sku         the product's SKU; every SKU must exist in the target before the order is written
 * @param ean         EAN/GTIN
 * @param description line text
 * @param quantity    quantity, never negative (refunds are separate orders)
 * @param unitPrice   price of one unit, including tax when the order's prices include tax
 * @param taxRate     tax rate in percent ({@code 21} for 21 %)
 * @param discount    discount amount on the whole line, in the order's currency
 */
public record OrderLine(
        @NotBlank @Size(max = 64) String sku,
        Optional<String> ean,
        @NotNull @Size(max = 250) String description,
        @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 4) BigDecimal quantity,
        @NotNull @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
        @NotNull @PositiveOrZero @Digits(integer = 3, fraction = 4) BigDecimal taxRate,
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal discount) {

    /** Replaces nulls with empty values; a missing discount is zero. */
    public OrderLine {
        ean = opt(ean);
        description = description == null ? "" : description;
        discount = discount == null ? BigDecimal.ZERO : discount;
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(taxRate, "taxRate");
    }

    /**
     * The line's amount including tax, after its discount: {@code quantity × unitPrice − discount},
     * grossed up by the tax rate when the order's prices exclude tax. Unrounded.
     */
    public BigDecimal gross(boolean pricesIncludeTax) {
        BigDecimal base = quantity.multiply(unitPrice).subtract(discount);
        return pricesIncludeTax ? base : base.multiply(BigDecimal.ONE.add(taxRate.movePointLeft(2)));
    }

    /** A line without EAN or discount. */
    public static OrderLine of(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                               BigDecimal taxRate) {
        return new OrderLine(sku, Optional.empty(), description, quantity, unitPrice, taxRate, BigDecimal.ZERO);
    }
}

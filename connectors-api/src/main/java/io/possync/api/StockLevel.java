package io.possync.api;

import static io.possync.api.internal.Nulls.json;
import static io.possync.api.internal.Nulls.opt;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The stock of one SKU at one location.
 *
 * <p>{@code onHand} may be negative: tills sell what the books say is gone. {@code reserved}
 * (sales reservations) is never negative.
 *
 * <pre>{@code
 * StockLevel s = new StockLevel(new Ref("businesscentral", EntityType.STOCK_LEVEL, "TEE-RED-M@MAIN"),
 *         "TEE-RED-M", "MAIN", new BigDecimal("12"), new BigDecimal("2"), new BigDecimal("12"),
 *         Instant.now(), Optional.empty());
 * }</pre>
 *
 * @param sourceRef  the stock record in its source system
 * @param sku        the product's SKU
 * @param location   shop, warehouse or location code
 * @param onHand     physically present
 * @param reserved   reserved for sales not yet delivered
 * @param available  what the source calls available
 * @param modifiedAt last change in the source
 * @param raw        the vendor's JSON, when kept
 */
public record StockLevel(
        @NotNull @Valid Ref sourceRef,
        @NotBlank String sku,
        @NotBlank String location,
        @NotNull @Digits(integer = 12, fraction = 4) BigDecimal onHand,
        @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 4) BigDecimal reserved,
        @NotNull @Digits(integer = 12, fraction = 4) BigDecimal available,
        @NotNull Instant modifiedAt,
        Optional<JsonNode> raw) implements CanonicalRecord {

    /** Checks required parts; a missing raw is empty. */
    public StockLevel {
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        onHand = onHand == null ? BigDecimal.ZERO : onHand;
        reserved = reserved == null ? BigDecimal.ZERO : reserved;
        available = available == null ? onHand : available;
        raw = json(raw);
    }

    /** A stock level whose source ref id is {@code sku@location}, without raw JSON. */
    public static StockLevel of(String system, String sku, String location, BigDecimal onHand, BigDecimal reserved,
                                BigDecimal available, Instant modifiedAt) {
        return new StockLevel(new Ref(system, EntityType.STOCK_LEVEL, sku + "@" + location), sku, location,
                onHand, reserved, available, modifiedAt, Optional.empty());
    }
}

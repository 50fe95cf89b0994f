package io.possync.api;

import static io.possync.api.internal.Nulls.opt;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * A postal address. Every part but the country is optional, since POS systems often hold
 * only a city or a postal code.
 *
 * <pre>{@code
 * Address a = Address.builder().street("Keizersgracht").houseNumber("123").numberAddition("B")
 *         .postalCode("1015 CJ").city("Amsterdam").country("NL").build();
 * }</pre>
 *
 * @param street         street name, without the house number
 * @param houseNumber    house number
 * @param numberAddition addition to the house number ({@code B}, {@code -2})
 * @param postalCode     postal code as written in the country
 * @param city           city
 * @param region         state, province or county
 * @param country        ISO 3166-1 alpha-2 code
 */
public record Address(
        Optional<@Size(max = 200) String> street,
        Optional<@Size(max = 20) String> houseNumber,
        Optional<@Size(max = 20) String> numberAddition,
        Optional<@Size(max = 20) String> postalCode,
        Optional<@Size(max = 100) String> city,
        Optional<@Size(max = 100) String> region,
        @NotNull @CountryCode String country) {

    /** Replaces null optionals with empty ones. */
    public Address {
        street = opt(street);
        houseNumber = opt(houseNumber);
        numberAddition = opt(numberAddition);
        postalCode = opt(postalCode);
        city = opt(city);
        region = opt(region);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this address. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.street = street.orElse(null);
        b.houseNumber = houseNumber.orElse(null);
        b.numberAddition = numberAddition.orElse(null);
        b.postalCode = postalCode.orElse(null);
        b.city = city.orElse(null);
        b.region = region.orElse(null);
        b.country = country;
        return b;
    }

    /** Builds an {@link Address}; unset parts stay empty. */
    public static final class Builder {
        private String street;
        private String houseNumber;
        private String numberAddition;
        private String postalCode;
        private String city;
        private String region;
        private String country;

        private Builder() {
        }

        /** Street name. */
        public Builder street(String v) {
            street = v;
            return this;
        }

        /** House number. */
        public Builder houseNumber(String v) {
            houseNumber = v;
            return this;
        }

        /** House-number addition. */
        public Builder numberAddition(String v) {
            numberAddition = v;
            return this;
        }

        /** Postal code. */
        public Builder postalCode(String v) {
            postalCode = v;
            return this;
        }

        /** City. */
        public Builder city(String v) {
            city = v;
            return this;
        }

        /** Region. */
        public Builder region(String v) {
            region = v;
            return this;
        }

        /** ISO 3166-1 alpha-2 country code. */
        public Builder country(String v) {
            country = v;
            return this;
        }

        /** The address. */
        public Address build() {
            return new Address(Optional.ofNullable(street), Optional.ofNullable(houseNumber),
                    Optional.ofNullable(numberAddition), Optional.ofNullable(postalCode),
                    Optional.ofNullable(city), Optional.ofNullable(region), country);
        }
    }
}

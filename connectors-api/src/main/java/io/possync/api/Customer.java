package io.possync.api;

import static io.possync.api.internal.Nulls.map;
import static io.possync.api.internal.Nulls.json;
import static io.possync.api.internal.Nulls.opt;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as possync understands it, whatever system it came from.
 *
 * <pre>{@code
 * Customer c = Customer.builder(new Ref("lightspeed", EntityType.CUSTOMER, "77"), Instant.now())
 *         .kind(CustomerKind.COMPANY).companyName("Bakkerij Jansen")
 *         .contactPerson(ContactPerson.of("Piet", "Jansen"))
 *         .email("piet@bakkerij-jansen.nl")
 *         .billingAddress(Address.builder().city("Utrecht").country("NL").build())
 *         .build();
 * }</pre>
 *
 * @param sourceRef       the customer in its source system
 * @param kind            company or person
 * @param companyName     company name (companies)
 * @param contactPerson   the person, or a company's contact person
 * @param email           e-mail address, the default match key
 * @param phone           phone number as entered
 * @param vatNumber       VAT registration number
 * @param billingAddress  invoice address
 * @param shippingAddress delivery address
 * @param language        ISO 639-1 language code
 * @param group           the customer's classification as the source names it (customer group, price group,
 *                        customer type): map it to the target's with a value map
 * @param customFields    named extra values
 * @param modifiedAt      last change in the source
 * @param raw             the vendor's JSON, when kept
 */
public record Customer(
        @NotNull @Valid Ref sourceRef,
        @NotNull CustomerKind kind,
        Optional<@Size(max = 200) String> companyName,
        Optional<@Valid ContactPerson> contactPerson,
        Optional<@Email(regexp = ".+@.+\\..+") @Size(max = 254) String> email,
        Optional<@Size(max = 40) String> phone,
        Optional<@Size(max = 30) String> vatNumber,
        Optional<@Valid Address> billingAddress,
        Optional<@Valid Address> shippingAddress,
        Optional<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code such as nl") String> language,
        Optional<@Size(max = 50) String> group,
        Map<String, String> customFields,
        @NotNull Instant modifiedAt,
        Optional<JsonNode> raw) implements CanonicalRecord {

    /** Replaces nulls with empty values and copies collections. */
    public Customer {
        Objects.requireNonNull(sourceRef, "sourceRef");
        kind = kind == null ? CustomerKind.PERSON : kind;
        companyName = opt(companyName);
        contactPerson = opt(contactPerson);
        email = opt(email);
        phone = opt(phone);
        vatNumber = opt(vatNumber);
        billingAddress = opt(billingAddress);
        shippingAddress = opt(shippingAddress);
        language = opt(language);
        group = opt(group);
        customFields = map(customFields);
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        raw = json(raw);
    }

    /** A builder for the customer {@code sourceRef}, last changed at {@code modifiedAt}. */
    public static Builder builder(Ref sourceRef, Instant modifiedAt) {
        return new Builder(sourceRef, modifiedAt);
    }

    /** A builder preset with this customer. */
    public Builder toBuilder() {
        Builder b = new Builder(sourceRef, modifiedAt);
        b.kind = kind;
        b.companyName = companyName.orElse(null);
        b.contactPerson = contactPerson.orElse(null);
        b.email = email.orElse(null);
        b.phone = phone.orElse(null);
        b.vatNumber = vatNumber.orElse(null);
        b.billingAddress = billingAddress.orElse(null);
        b.shippingAddress = shippingAddress.orElse(null);
        b.language = language.orElse(null);
        b.group = group.orElse(null);
        b.customFields = customFields;
        b.raw = raw.orElse(null);
        return b;
    }

    /** Builds a {@link Customer}. */
    public static final class Builder {
        private Ref sourceRef;
        private Instant modifiedAt;
        private CustomerKind kind = CustomerKind.PERSON;
        private String companyName;
        private ContactPerson contactPerson;
        private String email;
        private String phone;
        private String vatNumber;
        private Address billingAddress;
        private Address shippingAddress;
        private String language;
        private String group;
        private Map<String, String> customFields = Map.of();
        private JsonNode raw;

        private Builder(Ref sourceRef, Instant modifiedAt) {
            this.sourceRef = sourceRef;
            this.modifiedAt = modifiedAt;
        }

        /** The source record. */
        public Builder sourceRef(Ref v) {
            sourceRef = v;
            return this;
        }

        /** Last change in the source. */
        public Builder modifiedAt(Instant v) {
            modifiedAt = v;
            return this;
        }

        /** Company or person (default person). */
        public Builder kind(CustomerKind v) {
            kind = v;
            return this;
        }

        /** Company name. */
        public Builder companyName(String v) {
            companyName = v;
            return this;
        }

        /** The person or contact person. */
        public Builder contactPerson(ContactPerson v) {
            contactPerson = v;
            return this;
        }

        /** E-mail address. */
        public Builder email(String v) {
            email = v;
            return this;
        }

        /** Phone number. */
        public Builder phone(String v) {
            phone = v;
            return this;
        }

        /** VAT number. */
        public Builder vatNumber(String v) {
            vatNumber = v;
            return this;
        }

        /** Invoice address. */
        public Builder billingAddress(Address v) {
            billingAddress = v;
            return this;
        }

        /** Delivery address. */
        public Builder shippingAddress(Address v) {
            shippingAddress = v;
            return this;
        }

        /** ISO 639-1 language code. */
        public Builder language(String v) {
            language = v;
            return this;
        }

        /** The customer's classification as the source names it (customer group, price group, customer type). */
        public Builder group(String v) {
            group = v;
            return this;
        }

        /** Named extra values. */
        public Builder customFields(Map<String, String> v) {
            customFields = v;
            return this;
        }

        /** The vendor's JSON. */
        public Builder raw(JsonNode v) {
            raw = v;
            return this;
        }

        /** The customer. */
        public Customer build() {
            return new Customer(sourceRef, kind, Optional.ofNullable(companyName), Optional.ofNullable(contactPerson),
                    Optional.ofNullable(email), Optional.ofNullable(phone), Optional.ofNullable(vatNumber),
                    Optional.ofNullable(billingAddress), Optional.ofNullable(shippingAddress),
                    Optional.ofNullable(language), Optional.ofNullable(group), customFields, modifiedAt, Optional.ofNullable(raw));
        }
    }
}

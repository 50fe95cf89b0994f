package io.possync.api;

import java.math.BigDecimal;

import static io.possync.api.internal.Nulls.list;
import static io.possync.api.internal.Nulls.map;
import static io.possync.api.internal.Nulls.json;
import static io.possync.api.internal.Nulls.opt;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sale, order or invoice as possync understands it.
 *
 * <pre>{@code
 * Order o = Order.builder(new Ref("lightspeed", EntityType.ORDER, "1042"), "1042", Instant.now())
 *         .status(OrderStatus.COMPLETED).currency("EUR").pricesIncludeTax(true)
 *         .customer(customer)
 *         .lines(List.of(OrderLine.of("TEE-RED-M", "T-shirt", new BigDecimal("1"), new BigDecimal("19.95"), new BigDecimal("21"))))
 *         .payments(List.of(new Payment("PIN", new BigDecimal("19.95"))))
 *         .totals(new OrderTotals(new BigDecimal("16.49"), new BigDecimal("3.46"), new BigDecimal("19.95")))
 *         .build();
 * }</pre>
 *
 * @param sourceRef        the order in its source system
 * @param number           the order number people see; written to the target as external document number
 * @param kind             order or invoice
 * @param status           life-cycle status
 * @param createdAt        when the order was placed
 * @param modifiedAt       last change in the source
 * @param customer         the buyer; empty for an anonymous sale (default debtor)
 * @param billingAddress   invoice address on the order
 * @param shippingAddress  delivery address on the order
 * @param lines            order lines, at least one
 * @param shipping         shipping method and cost
 * @param payments         payments
 * @param currency         ISO 4217 code of every amount on the order
 * @param pricesIncludeTax whether unit prices include tax
 * @param totals           the source's totals
 * @param store            store or outlet id in the source
 * @param customFields     named extra values
 * @param raw              the vendor's JSON, when kept
 */
public record Order(
        @NotNull @Valid Ref sourceRef,
        @NotBlank @Size(max = 35) String number,
        @NotNull OrderKind kind,
        @NotNull OrderStatus status,
        @NotNull Instant createdAt,
        @NotNull Instant modifiedAt,
        Optional<@Valid Customer> customer,
        Optional<@Valid Address> billingAddress,
        Optional<@Valid Address> shippingAddress,
        @NotEmpty List<@Valid OrderLine> lines,
        Optional<@Valid Shipping> shipping,
        List<@Valid Payment> payments,
        @NotNull @CurrencyCode String currency,
        boolean pricesIncludeTax,
        @NotNull @Valid OrderTotals totals,
        Optional<String> store,
        Map<String, String> customFields,
        Optional<JsonNode> raw) implements CanonicalRecord {

    /** Replaces nulls with empty values and copies collections. */
    public Order {
        Objects.requireNonNull(sourceRef, "sourceRef");
        kind = kind == null ? OrderKind.ORDER : kind;
        status = status == null ? OrderStatus.OPEN : status;
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        createdAt = createdAt == null ? modifiedAt : createdAt;
        customer = opt(customer);
        billingAddress = opt(billingAddress);
        shippingAddress = opt(shippingAddress);
        lines = list(lines);
        shipping = opt(shipping);
        payments = list(payments);
        store = opt(store);
        customFields = map(customFields);
        raw = json(raw);
    }

    /** The highest tax rate of the order's lines, in percent (zero without lines). */
    public BigDecimal highestTaxRate() {
        return lines.stream().map(OrderLine::taxRate).reduce(BigDecimal.ZERO, BigDecimal::max);
    }

    /**
     * The shipping cost including tax, unrounded: as given when the order's prices include tax, else
     * taxed at the order's {@link #highestTaxRate() highest line rate} (shipping follows the main
     * supply); zero without shipping.
     */
    public BigDecimal shippingGross() {
        BigDecimal cost = shipping.map(Shipping::cost).orElse(BigDecimal.ZERO);
        return pricesIncludeTax ? cost : cost.multiply(BigDecimal.ONE.add(highestTaxRate().movePointLeft(2)));
    }

    /** A builder for order {@code number} from {@code sourceRef}, last changed at {@code modifiedAt}. */
    public static Builder builder(Ref sourceRef, String number, Instant modifiedAt) {
        return new Builder(sourceRef, number, modifiedAt);
    }

    /** A builder preset with this order. */
    public Builder toBuilder() {
        Builder b = new Builder(sourceRef, number, modifiedAt);
        b.kind = kind;
        b.status = status;
        b.createdAt = createdAt;
        b.customer = customer.orElse(null);
        b.billingAddress = billingAddress.orElse(null);
        b.shippingAddress = shippingAddress.orElse(null);
        b.lines = lines;
        b.shipping = shipping.orElse(null);
        b.payments = payments;
        b.currency = currency;
        b.pricesIncludeTax = pricesIncludeTax;
        b.totals = totals;
        b.store = store.orElse(null);
        b.customFields = customFields;
        b.raw = raw.orElse(null);
        return b;
    }

    /** Builds an {@link Order}. */
    public static final class Builder {
        private Ref sourceRef;
        private String number;
        private Instant modifiedAt;
        private OrderKind kind = OrderKind.ORDER;
        private OrderStatus status = OrderStatus.OPEN;
        private Instant createdAt;
        private Customer customer;
        private Address billingAddress;
        private Address shippingAddress;
        private List<OrderLine> lines = List.of();
        private Shipping shipping;
        private List<Payment> payments = List.of();
        private String currency;
        private boolean pricesIncludeTax = true;
        private OrderTotals totals;
        private String store;
        private Map<String, String> customFields = Map.of();
        private JsonNode raw;

        private Builder(Ref sourceRef, String number, Instant modifiedAt) {
            this.sourceRef = sourceRef;
            this.number = number;
            this.modifiedAt = modifiedAt;
        }

        /** The source record. */
        public Builder sourceRef(Ref v) {
            sourceRef = v;
            return this;
        }

        /** Order number. */
        public Builder number(String v) {
            number = v;
            return this;
        }

        /** Last change in the source. */
        public Builder modifiedAt(Instant v) {
            modifiedAt = v;
            return this;
        }

        /** Order or invoice (default order). */
        public Builder kind(OrderKind v) {
            kind = v;
            return this;
        }

        /** Status (default open). */
        public Builder status(OrderStatus v) {
            status = v;
            return this;
        }

        /** When placed (default: modifiedAt). */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /** The buyer, or null for an anonymous sale. */
        public Builder customer(Customer v) {
            customer = v;
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

        /** Lines. */
        public Builder lines(List<OrderLine> v) {
            lines = v;
            return this;
        }

        /** Shipping. */
        public Builder shipping(Shipping v) {
            shipping = v;
            return this;
        }

        /** Payments. */
        public Builder payments(List<Payment> v) {
            payments = v;
            return this;
        }

        /** ISO 4217 currency. */
        public Builder currency(String v) {
            currency = v;
            return this;
        }

        /** Whether unit prices include tax (default true, as at a till). */
        public Builder pricesIncludeTax(boolean v) {
            pricesIncludeTax = v;
            return this;
        }

        /** Totals. */
        public Builder totals(OrderTotals v) {
            totals = v;
            return this;
        }

        /** Store or outlet id. */
        public Builder store(String v) {
            store = v;
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

        /** The order. */
        public Order build() {
            return new Order(sourceRef, number, kind, status, createdAt, modifiedAt, Optional.ofNullable(customer),
                    Optional.ofNullable(billingAddress), Optional.ofNullable(shippingAddress), lines,
                    Optional.ofNullable(shipping), payments, currency, pricesIncludeTax, totals,
                    Optional.ofNullable(store), customFields, Optional.ofNullable(raw));
        }
    }
}

package io.possync.testkit.shop;

import io.possync.api.ContactPerson;
import io.possync.api.Customer;
import io.possync.api.EntityType;
import io.possync.api.Order;
import io.possync.api.OrderLine;
import io.possync.api.OrderStatus;
import io.possync.api.OrderTotals;
import io.possync.api.Payment;
import io.possync.api.Ref;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import io.possync.api.Price;
import io.possync.api.Product;

/**
 * Deterministic POS sales for tests, demos and benchmarks: the same seed gives the same orders.
 * Each order has 1 to 5 lines (3 on average) of SKUs {@code SKU-0} to {@code SKU-(skus-1)}, prices
 * including 21 % VAT, one card payment, and a customer who is either known to the ERP
 * ({@code known<N>@example.com}) or new ({@code new<N>@example.com}).
 *
 * <pre>{@code
 * List<Order> orders = SyntheticShop.builder().seed(7).orders(1000).newCustomerShare(0.30).build().orders();
 * }</pre>
 */
public final class SyntheticShop {

    private final long seed;
    private final int orders;
    private final int skus;
    private final int knownCustomers;
    private final double newCustomerShare;
    private final String system;
    private final int linesPerOrder;

    private SyntheticShop(Builder b) {
        this.linesPerOrder = b.linesPerOrder;
        this.seed = b.seed;
        this.orders = b.orders;
        this.skus = b.skus;
        this.knownCustomers = b.knownCustomers;
        this.newCustomerShare = b.newCustomerShare;
        this.system = b.system;
    }

    /** A new builder (defaults: seed 7, 1,000 orders, 60 SKUs, 120 known customers, 30 % new). */
    public static Builder builder() {
        return new Builder();
    }

    /** The SKUs the orders use. */
    public List<String> skus() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < skus; i++) {
            out.add("SKU-" + i);
        }
        return out;
    }

    /**
     * The products the orders sell, one per SKU: {@code Product <i>}, an EAN {@code 87100000<i>} (13 digits),
     * a price including 21 % VAT of 9.95 to 48.95, published.
     */
    public List<Product> products() {
        List<Product> out = new ArrayList<>();
        Instant at = Instant.parse("2026-11-01T07:00:00Z");
        for (int i = 0; i < skus; i++) {
            out.add(Product.builder(new Ref(system, EntityType.PRODUCT, "SKU-" + i), "SKU-" + i, at).name("Product " + i)
                    .ean(String.format("87100000%05d", i)).price(new Price(new BigDecimal(9 + i % 40).add(new BigDecimal("0.95")), "EUR", true))
                    .taxClass("21").build());
        }
        return out;
    }

    /** The customers every order names (the known ones and the new ones), by e-mail, in order of first sale. */
    public List<Customer> customers() {
        java.util.Map<String, Customer> out = new java.util.LinkedHashMap<>();
        orders().forEach(o -> o.customer().ifPresent(c -> out.putIfAbsent(c.email().orElseThrow(), c)));
        return new ArrayList<>(out.values());
    }

    /** The e-mail addresses of customers the ERP already knows. */
    public List<String> knownCustomerEmails() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < knownCustomers; i++) {
            out.add("known" + i + "@example.com");
        }
        return out;
    }

    /** The orders, oldest first, one minute apart from 2026-11-01 08:00 UTC. */
    public List<Order> orders() {
        Random random = new Random(seed);
        List<Order> out = new ArrayList<>(orders);
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        for (int i = 0; i < orders; i++) {
            boolean isNew = random.nextDouble() < newCustomerShare;
            String email = isNew ? "new" + random.nextInt(Math.max(1, orders / 4)) + "@example.com"
                    : "known" + random.nextInt(Math.max(1, knownCustomers)) + "@example.com";
            Customer customer = Customer.builder(new Ref(system, EntityType.CUSTOMER, email), start).email(email)
                    .contactPerson(ContactPerson.of("Test", email.substring(0, email.indexOf('@')))).build();
            int lineCount = linesPerOrder > 0 ? linesPerOrder : 1 + random.nextInt(5);
            List<OrderLine> lines = new ArrayList<>();
            BigDecimal gross = BigDecimal.ZERO;
            for (int l = 0; l < lineCount; l++) {
                BigDecimal price = new BigDecimal(5 + random.nextInt(50)).add(new BigDecimal("0.95"));
                lines.add(OrderLine.of("SKU-" + random.nextInt(skus), "Line " + l, BigDecimal.ONE, price, new BigDecimal("21")));
                gross = gross.add(price);
            }
            BigDecimal net = gross.divide(new BigDecimal("1.21"), 2, RoundingMode.HALF_UP);
            out.add(Order.builder(new Ref(system, EntityType.ORDER, String.valueOf(i)), "POS-" + i, start.plusSeconds(60L * i))
                    .status(OrderStatus.COMPLETED).customer(customer).currency("EUR").lines(lines)
                    .payments(List.of(new Payment("CARD", gross))).totals(new OrderTotals(net, gross.subtract(net), gross))
                    .build());
        }
        return out;
    }

    /** Builds a {@link SyntheticShop}. */
    public static final class Builder {
        private long seed = 7;
        private int orders = 1000;
        private int skus = 60;
        private int knownCustomers = 120;
        private double newCustomerShare = 0.30;
        private String system = "pos";
        private int linesPerOrder;

        private Builder() {
        }

        /** Every order gets exactly {@code n} lines (default: 1 to 5 at random). */
        public Builder linesPerOrder(int n) {
            this.linesPerOrder = n;
            return this;
        }

        /** The random seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many orders. */
        public Builder orders(int n) {
            this.orders = n;
            return this;
        }

        /** How many distinct SKUs. */
        public Builder skus(int n) {
            this.skus = n;
            return this;
        }

        /** How many customers the ERP already knows. */
        public Builder knownCustomers(int n) {
            this.knownCustomers = n;
            return this;
        }

        /** The share of orders by customers the ERP does not know yet. */
        public Builder newCustomerShare(double share) {
            this.newCustomerShare = share;
            return this;
        }

        /** The source system name in refs (default {@code pos}). */
        public Builder system(String system) {
            this.system = system;
            return this;
        }

        /** The shop. */
        public SyntheticShop build() {
            return new SyntheticShop(this);
        }
    }
}

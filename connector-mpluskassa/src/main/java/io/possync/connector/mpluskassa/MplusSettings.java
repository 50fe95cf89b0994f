package io.possync.connector.mpluskassa;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one MplusKASSA installation and what its writes carry.
 *
 * <pre>{@code
 * MplusSettings settings = MplusSettings.builder(44281, "my-ident", Secret.of(secret))
 *         .branch(1).workplace(1)            // where orders are entered and stock is kept
 *         .employee(999999)                  // the API employee orders and stock mutations are booked on
 *         .turnoverGroup(10)                 // of new articles
 *         .build();
 * }</pre>
 *
 * @param baseUrl         {@code https://api.mpluskassa.nl:{port}/} (or a sandbox's)
 * @param ident           the API ident
 * @param secret          the API secret
 * @param branchNumber    branch orders are entered and booked in, and whose stock is read and written
 * @param workplaceNumber workplace orders are entered on
 * @param employeeNumber  employee on orders and stock mutations (default 999999, an integration convention:
 *                        the number must exist in {@code getEmployees})
 * @param turnoverGroup   turnover group (article group for the bookkeeping) of new articles
 * @param vatMethod       {@code VAT-METHOD-INCLUSIVE} (prices include VAT, default) or {@code VAT-METHOD-EXCLUSIVE}
 * @param orderType       the type of orders written ({@code ORDER-TYPE-EXTERNAL-SALES-ORDER} by default)
 * @param currency        the installation's currency
 * @param zone            the shop's time zone (MplusKASSA's date-times are wall clock)
 * @param shopBranches    a shop's branch (an order's {@code store} → the branch it is entered in; a stock level of that branch
 *                        has the shop as its location); a shop not named uses {@code branchNumber}
 * @param connection      timeouts, retries, time source and {@code syncMarkerLimit} (records per read, default 200, at most 1000)
 */
public record MplusSettings(URI baseUrl, String ident, Secret secret, int branchNumber, int workplaceNumber, long employeeNumber,
                            Optional<Integer> turnoverGroup, String vatMethod, String orderType, String currency, ZoneId zone,
                            java.util.Map<String, Integer> shopBranches, ConnectionSettings connection) {

    /** Checks every setting and names each problem. */
    public MplusSettings {
        List<String> problems = new ArrayList<>();
        if (ident == null || ident.isBlank()) {
            problems.add("ident is missing");
        }
        if (secret == null) {
            problems.add("secret is missing");
        }
        if (branchNumber < 1) {
            problems.add("branch must be a branch number (1 or more), was " + branchNumber);
        }
        if (workplaceNumber < 1) {
            problems.add("workplace must be a workplace number (1 or more), was " + workplaceNumber);
        }
        if (employeeNumber < 1) {
            problems.add("employee must be an employee number, was " + employeeNumber);
        }
        if (!List.of("VAT-METHOD-INCLUSIVE", "VAT-METHOD-EXCLUSIVE").contains(vatMethod)) {
            problems.add("vatMethod must be VAT-METHOD-INCLUSIVE or VAT-METHOD-EXCLUSIVE, was " + vatMethod);
        }
        shopBranches = shopBranches == null ? java.util.Map.of() : java.util.Map.copyOf(shopBranches);
        shopBranches.forEach((shop, branch) -> {
            if (branch < 1) {
                problems.add("the branch of shop " + shop + " must be a branch number (1 or more), was " + branch);
            }
        });
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(1000));
        }
        if (baseUrl == null || !baseUrl.toString().endsWith("/")) {
            problems.add("baseUrl must end with '/', was " + baseUrl);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(MplusKassa.SYSTEM, String.join("; ", problems));
        }
        turnoverGroup = turnoverGroup == null ? Optional.empty() : turnoverGroup;
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
    }

    /** A builder for the installation's port, ident and secret. */
    public static Builder builder(int port, String ident, Secret secret) {
        return new Builder(URI.create("https://api.mpluskassa.nl:" + port + "/"), ident, secret);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The branch orders of {@code shop} are entered in: its mapped branch, else {@link #branchNumber}. */
    public int branchOf(Optional<String> shop) {
        return shop.map(shopBranches::get).orElse(branchNumber);
    }

    /** Every branch whose stock is read: {@link #branchNumber} and the shops' branches. */
    public java.util.Set<Integer> stockBranches() {
        java.util.Set<Integer> out = new java.util.TreeSet<>(shopBranches.values());
        out.add(branchNumber);
        return out;
    }

    /** The location of a stock level of {@code branch}: the shop mapped to it, else the branch number. */
    public String locationOf(int branch) {
        return shopBranches.entrySet().stream().filter(e -> e.getValue() == branch).map(java.util.Map.Entry::getKey).sorted().findFirst()
                .orElse(String.valueOf(branch));
    }

    /** Whether written prices include VAT. */
    public boolean pricesIncludeVat() {
        return vatMethod.equals("VAT-METHOD-INCLUSIVE");
    }

    /** Builds {@link MplusSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private URI baseUrl;
        private final String ident;
        private final Secret secret;
        private int branchNumber = 1;
        private int workplaceNumber = 1;
        private long employeeNumber = 999_999;
        private Integer turnoverGroup;
        private String vatMethod = "VAT-METHOD-INCLUSIVE";
        private String orderType = "ORDER-TYPE-EXTERNAL-SALES-ORDER";
        private String currency = "EUR";
        private ZoneId zone = ZoneId.of("Europe/Amsterdam");
        private final java.util.Map<String, Integer> shopBranches = new java.util.LinkedHashMap<>();

        private Builder(URI baseUrl, String ident, Secret secret) {
            // 60 s: big sync pages take long
            super(Duration.ofSeconds(60), 200);
            this.baseUrl = baseUrl;
            this.ident = ident;
            this.secret = secret;
        }

        private Builder(MplusSettings s) {
            super(s.connection());
            this.baseUrl = s.baseUrl();
            this.ident = s.ident();
            this.secret = s.secret();
            this.branchNumber = s.branchNumber();
            this.workplaceNumber = s.workplaceNumber();
            this.employeeNumber = s.employeeNumber();
            this.turnoverGroup = s.turnoverGroup().orElse(null);
            this.vatMethod = s.vatMethod();
            this.orderType = s.orderType();
            this.currency = s.currency();
            this.zone = s.zone();
            this.shopBranches.putAll(s.shopBranches());
        }

        /** The endpoint (a sandbox's, or a self-hosted installation's); must end with '/'. */
        public Builder baseUrl(URI url) {
            this.baseUrl = url;
            return this;
        }

        /** Branch orders are entered and booked in and whose stock is kept (default 1). */
        public Builder branch(int number) {
            this.branchNumber = number;
            return this;
        }

        /** Workplace orders are entered on (default 1). */
        public Builder workplace(int number) {
            this.workplaceNumber = number;
            return this;
        }

        /** Employee orders and stock mutations are booked on (default 999999). */
        public Builder employee(long number) {
            this.employeeNumber = number;
            return this;
        }

        /** Turnover group of new articles. */
        public Builder turnoverGroup(int group) {
            this.turnoverGroup = group;
            return this;
        }

        /** {@code VAT-METHOD-INCLUSIVE} (default) or {@code VAT-METHOD-EXCLUSIVE}. */
        public Builder vatMethod(String method) {
            this.vatMethod = method;
            return this;
        }

        /** The type of orders written (default {@code ORDER-TYPE-EXTERNAL-SALES-ORDER}). */
        public Builder orderType(String type) {
            this.orderType = type;
            return this;
        }

        /** The installation's currency (default EUR). */
        public Builder currency(String code) {
            this.currency = code;
            return this;
        }

        /** The shop's zone (default Europe/Amsterdam). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /**
         * The branch of a web-shop or POS shop: its orders are entered there and the branch's stock is read as that
         * shop's (e.g. a Lightspeed shop id).
         */
        public Builder branchOfShop(String shop, int branch) {
            this.shopBranches.put(shop, branch);
            return this;
        }

        /** The settings; every problem is named at once. */
        public MplusSettings build() {
            return new MplusSettings(baseUrl, ident, secret, branchNumber, workplaceNumber, employeeNumber,
                    Optional.ofNullable(turnoverGroup), vatMethod, orderType, currency, zone, shopBranches, connection());
        }
    }
}

package io.possync.connector.winstore;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to reach one Winstore tenant and what its order posts carry.
 *
 * <pre>{@code
 * WinstoreSettings settings = WinstoreSettings.builder("shop-api", Secret.of(password))
 *         .branch(1)                    // the branch (filiaal) orders are posted for
 *         .channel("Webshop")           // free text sales channel on each order
 *         .defaultCustomerId("999999")  // the debtor of orders without a customer of their own
 *         .build();
 * }</pre>
 *
 * @param baseUrl           {@code https://winstore-c.aca.nl/iposws/api/osd} (or a sandbox's); operations are appended after one {@code /}
 * @param username          the HTTP Basic user name
 * @param password          the HTTP Basic password
 * @param branch            the branch number written on every order and position; empty: left empty
 * @param channel           the sales channel written on every order; empty: left empty
 * @param defaultCustomerId the {@code customerid} of an order without a customer link (Winstore always wants one; default 999999)
 * @param zone              the shop's time zone: {@code orderdate} is local time without an offset (UNCONFIRMED; default Europe/Amsterdam)
 * @param currency          the currency written on orders (default EUR)
 * @param orderLookup       whether an order number is looked up before posting ({@code GetOrderStatus}, a PROPOSAL; default on).
 *                          Off: nothing is looked up, and the duplicate answer (HTTP 409) alone keeps an order from being posted twice
 * @param orderFeed         whether {@code Winstore.orderFeed()} may read orders with {@code GetOrderChangesByDate} (a PROPOSAL; default off)
 * @param orderFeedStatus   the status the order feed reads only ({@code new}, {@code processing}, {@code completed}, {@code cancelled}); empty: all
 * @param statusWrites      whether {@code Winstore.orderStatus()} may set statuses with {@code PostOrderStatusWithStatusCode} (a PROPOSAL; default off)
 * @param warehouses        the warehouses whose stock counts (their rows summed per article); empty: all, from the totals
 * @param stockPerVariant   whether the stock source gives one level per variant (GTIN) under the variant's SKU instead of one
 *                          per article
 * @param categoryField     the article field read as its category (Winstore has none; default {@code group})
 * @param defaultCategory   the category of an article whose category field is empty; none by default
 * @param connection        timeouts, retries, time source and page size (articles per answer the source hands on; default 100)
 */
public record WinstoreSettings(URI baseUrl, String username, Secret password, Optional<Integer> branch, Optional<String> channel,
                               String defaultCustomerId, ZoneId zone, String currency, boolean orderLookup, boolean orderFeed,
                               Optional<String> orderFeedStatus, boolean statusWrites, java.util.Set<Integer> warehouses,
                               boolean stockPerVariant, String categoryField,
                               Optional<String> defaultCategory, ConnectionSettings connection) {

    /** The address of the service the public client talks to. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://winstore-c.aca.nl/iposws/api/osd");

    /** Checks every setting and names each problem. */
    public WinstoreSettings {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || baseUrl.toString().endsWith("/")) {
            problems.add("baseUrl must be given without a trailing '/', was " + baseUrl);
        }
        if (username == null || username.isBlank()) {
            problems.add("username is missing");
        }
        if (password == null) {
            problems.add("password is missing");
        }
        branch = branch == null ? Optional.empty() : branch;
        channel = channel == null ? Optional.empty() : channel;
        if (branch.isPresent() && branch.get() < 1) {
            problems.add("branch must be a branch number (1 or more), was " + branch.get());
        }
        if (defaultCustomerId == null || !defaultCustomerId.matches("\\d{1,18}")) {
            problems.add("defaultCustomerId must be a Winstore customer number (digits), was " + defaultCustomerId);
        }
        orderFeedStatus = orderFeedStatus == null ? Optional.empty() : orderFeedStatus;
        if (orderFeedStatus.isPresent() && !java.util.List.of("new", "processing", "completed", "cancelled").contains(orderFeedStatus.get())) {
            problems.add("orderFeedStatus must be new, processing, completed or cancelled, was " + orderFeedStatus.get());
        }
        defaultCategory = defaultCategory == null ? Optional.empty() : defaultCategory;
        warehouses = warehouses == null ? java.util.Set.of() : java.util.Set.copyOf(warehouses);
        if (categoryField == null || categoryField.isBlank()) {
            problems.add("categoryField must name an article field, was " + categoryField);
        }
        if (zone == null) {
            problems.add("zone is missing");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add("currency must be an ISO 4217 code, was " + currency);
        }
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(1000));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(Winstore.SYSTEM, String.join("; ", problems));
        }
    }

    /** A builder for the tenant's user name and password, at {@link #DEFAULT_BASE_URL}. */
    public static Builder builder(String username, Secret password) {
        return new Builder(username, password);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link WinstoreSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private URI baseUrl = DEFAULT_BASE_URL;
        private final String username;
        private final Secret password;
        private Integer branch;
        private String channel;
        private String defaultCustomerId = "999999";
        private ZoneId zone = ZoneId.of("Europe/Amsterdam");
        private String currency = "EUR";
        private boolean orderLookup = true;
        private boolean orderFeed;
        private String orderFeedStatus;
        private boolean statusWrites;
        private java.util.Set<Integer> warehouses = java.util.Set.of();
        private boolean stockPerVariant;
        private String categoryField = "group";
        private String defaultCategory;

        private Builder(String username, Secret password) {
            // 120 s: article answers are slow (an integrator reads two products per call for that reason)
            super(Duration.ofSeconds(120), 100);
            this.username = username;
            this.password = password;
        }

        private Builder(WinstoreSettings s) {
            super(s.connection());
            this.baseUrl = s.baseUrl();
            this.username = s.username();
            this.password = s.password();
            this.branch = s.branch().orElse(null);
            this.channel = s.channel().orElse(null);
            this.defaultCustomerId = s.defaultCustomerId();
            this.zone = s.zone();
            this.currency = s.currency();
            this.orderLookup = s.orderLookup();
            this.orderFeed = s.orderFeed();
            this.orderFeedStatus = s.orderFeedStatus().orElse(null);
            this.statusWrites = s.statusWrites();
            this.warehouses = s.warehouses();
            this.stockPerVariant = s.stockPerVariant();
            this.categoryField = s.categoryField();
            this.defaultCategory = s.defaultCategory().orElse(null);
        }

        /** Another address (a sandbox's, another host); without a trailing '/'. */
        public Builder baseUrl(URI url) {
            this.baseUrl = url;
            return this;
        }

        /** The branch written on every order and position. */
        public Builder branch(int number) {
            this.branch = number;
            return this;
        }

        /** The sales channel written on every order. */
        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        /** The {@code customerid} of orders without a customer link (default 999999). */
        public Builder defaultCustomerId(String id) {
            this.defaultCustomerId = id;
            return this;
        }

        /** The zone {@code orderdate} is written in (default Europe/Amsterdam). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The currency written on orders (default EUR). */
        public Builder currency(String code) {
            this.currency = code;
            return this;
        }

        /** Whether order numbers are looked up with {@code GetOrderStatus} (a PROPOSAL) before posting (default on). */
        public Builder orderLookup(boolean lookup) {
            this.orderLookup = lookup;
            return this;
        }

        /** Lets {@code Winstore.orderFeed()} read orders with {@code GetOrderChangesByDate}, a PROPOSAL (default off). */
        public Builder orderFeed(boolean on) {
            this.orderFeed = on;
            return this;
        }

        /** The order feed reads only orders in this status ({@code new}, {@code processing}, {@code completed}, {@code cancelled}). */
        public Builder orderFeedStatus(String status) {
            this.orderFeedStatus = status;
            return this;
        }

        /** Lets {@code Winstore.orderStatus()} set statuses with {@code PostOrderStatusWithStatusCode}, a PROPOSAL (default off). */
        public Builder statusWrites(boolean on) {
            this.statusWrites = on;
            return this;
        }

        /** Only these warehouses' stock counts (read per warehouse with {@code GetChangedStockWithWarehouse}); default: all. */
        public Builder warehouses(Integer... numbers) {
            this.warehouses = java.util.Set.of(numbers);
            return this;
        }

        /**
         * One stock level per variant (GTIN), under the variant's SKU as the articles source gives it
         * ({@code <number>-<size>-<colour>}), for a target that keeps stock per variant; default {@code false}: one level per
         * article, summed over its variants, for a target with one stock per item (Business Central's standard API):
         * {@code .stockPerVariant(true)}.
         */
        public Builder stockPerVariant(boolean perVariant) {
            this.stockPerVariant = perVariant;
            return this;
        }

        /** The article field read as its category, e.g. {@code brand} or {@code supplier_name} (default {@code group}). */
        public Builder categoryField(String field) {
            this.categoryField = field;
            return this;
        }

        /** The category of an article whose category field is empty. */
        public Builder defaultCategory(String category) {
            this.defaultCategory = category;
            return this;
        }

        /** The settings; every problem is named at once. */
        public WinstoreSettings build() {
            return new WinstoreSettings(baseUrl, username, password, Optional.ofNullable(branch), Optional.ofNullable(channel),
                    defaultCustomerId, zone, currency, orderLookup, orderFeed, Optional.ofNullable(orderFeedStatus), statusWrites,
                    warehouses, stockPerVariant, categoryField, Optional.ofNullable(defaultCategory), connection());
        }
    }
}

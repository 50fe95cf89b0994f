package io.possync.connector.lightspeed;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to reach one Lightspeed Retail (R-Series) account and what to read from it.
 *
 * <pre>{@code
 * LightspeedRetailSettings settings = LightspeedRetailSettings.builder(clientId, Secret.of(clientSecret),
 *                 Secret.of(vault.get("lightspeed.refresh")))
 *         .onTokenRotation(token -> vault.put("lightspeed.refresh", token.reveal()))
 *         .shops("1", "2")
 *         .currency("EUR")
 *         .build();
 * }</pre>
 *
 * @param apiRoot            the API V3 root ({@code https://api.lightspeedapp.com/API/V3/})
 * @param tokenUri           the OAuth2 token endpoint
 * @param accountId          the numeric account id; resolved from {@code Account.json} when absent
 * @param clientId           the OAuth2 client id of the registered app
 * @param clientSecret       its secret
 * @param refreshToken       the refresh token the merchant's authorisation produced (or the latest rotated one)
 * @param onTokenRotation    receives every newly issued refresh token: store it, the old one may be dead
 * @param shopIds            shops whose sales and stock are read; empty means all shops
 * @param stockShopId        the shop stock is written to when a stock level's location is not a shop id
 * @param salesInto          where sales written into Lightspeed are rung up: shop, register and employee
 * @param priceLevel         the {@code ItemPrice.useType} read and written as the product's price
 * @param customFields       names of item and customer custom fields copied into {@code customFields}
 * @param currency           the account's currency (R-Series answers carry none)
 * @param pricesIncludeTax   whether the account's prices include tax (VAT regions)
 * @param includeIncompleteSales whether open (not completed) sales are read as orders
 * @param includeVoidedSales whether voided sales are read (as cancelled orders)
 * @param imagesOnUpdate     whether an update replaces an item's image when the product's main image is another file
 * @param overlap            how far back each incremental read reaches past the last time stamp seen
 * @param connection         timeouts, retries, the clock and sleep for tokens, rate limiting and backoff, and records
 *                           per request (default and most 100)
 */
public record LightspeedRetailSettings(
        URI apiRoot,
        URI tokenUri,
        Optional<String> accountId,
        String clientId,
        Secret clientSecret,
        Secret refreshToken,
        Consumer<Secret> onTokenRotation,
        Set<String> shopIds,
        Optional<String> stockShopId,
        Optional<SalesInto> salesInto,
        String priceLevel,
        Set<String> customFields,
        String currency,
        boolean pricesIncludeTax,
        boolean includeIncompleteSales,
        boolean includeVoidedSales,
        boolean imagesOnUpdate,
        Duration overlap,
        ConnectionSettings connection) {

    /** Lightspeed's production API root. */
    public static final URI PRODUCTION_API = URI.create("https://api.lightspeedapp.com/API/V3/");
    /** Lightspeed's production token endpoint (the OAuth server introduced in 2024). */
    public static final URI PRODUCTION_TOKEN = URI.create("https://cloud.lightspeedapp.com/auth/oauth/token");

    /** Copies collections and checks every setting, naming each problem. */
    public LightspeedRetailSettings {
        List<String> problems = new ArrayList<>();
        if (clientId == null || clientId.isBlank()) {
            problems.add("clientId is missing (the client id of the app registered with Lightspeed)");
        }
        if (clientSecret == null) {
            problems.add("clientSecret is missing");
        }
        if (refreshToken == null) {
            problems.add("refreshToken is missing (from the merchant's authorisation of the app)");
        }
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(100));
        }
        if (currency == null || !isCurrency(currency)) {
            problems.add("currency must be an ISO 4217 code such as EUR, was " + currency);
        }
        if (priceLevel == null || priceLevel.isBlank()) {
            problems.add("priceLevel is missing (the ItemPrice useType, usually Default)");
        }
        accountId = accountId == null ? Optional.empty() : accountId.filter(a -> !a.isBlank());
        accountId.filter(a -> !a.matches("\\d+")).ifPresent(a -> problems.add("accountId must be numeric, was " + a));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(LightspeedRetail.SYSTEM, String.join("; ", problems));
        }
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(tokenUri, "tokenUri");
        onTokenRotation = onTokenRotation == null ? t -> { } : onTokenRotation;
        shopIds = Set.copyOf(shopIds);
        stockShopId = stockShopId == null ? Optional.empty() : stockShopId;
        salesInto = salesInto == null ? Optional.empty() : salesInto;
        customFields = Set.copyOf(customFields);
        Objects.requireNonNull(overlap, "overlap");
    }

    /**
     * Where sales written into Lightspeed (orders from the ERP or a web shop) are rung up.
     *
     * @param shopId     the shop
     * @param registerId the register
     * @param employeeId the employee the sales are booked on (an API user)
     */
    public record SalesInto(String shopId, String registerId, String employeeId) {
        /** Checks that every id is given. */
        public SalesInto {
            if (shopId == null || registerId == null || employeeId == null) {
                throw new ConfigurationException(LightspeedRetail.SYSTEM, "salesInto needs a shop, a register and an employee id");
            }
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A builder for the app's client id and secret and the merchant's refresh token. */
    public static Builder builder(String clientId, Secret clientSecret, Secret refreshToken) {
        return new Builder(clientId, clientSecret, refreshToken);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link LightspeedRetailSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private final String clientId;
        private final Secret clientSecret;
        private final Secret refreshToken;
        private URI apiRoot = PRODUCTION_API;
        private URI tokenUri = PRODUCTION_TOKEN;
        private String accountId;
        private Consumer<Secret> onTokenRotation = t -> { };
        private final Set<String> shopIds = new LinkedHashSet<>();
        private String stockShopId;
        private SalesInto salesInto;
        private String priceLevel = "Default";
        private final Set<String> customFields = new LinkedHashSet<>();
        private String currency = "EUR";
        private boolean pricesIncludeTax;
        private boolean imagesOnUpdate;
        private boolean includeIncompleteSales;
        private boolean includeVoidedSales;
        private Duration overlap = Duration.ofMinutes(1);

        private Builder(String clientId, Secret clientSecret, Secret refreshToken) {
            super(Duration.ofSeconds(30), 100);
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
        }

        private Builder(LightspeedRetailSettings s) {
            super(s.connection());
            this.clientId = s.clientId();
            this.clientSecret = s.clientSecret();
            this.refreshToken = s.refreshToken();
            this.apiRoot = s.apiRoot();
            this.tokenUri = s.tokenUri();
            this.accountId = s.accountId().orElse(null);
            this.onTokenRotation = s.onTokenRotation();
            this.shopIds.addAll(s.shopIds());
            this.stockShopId = s.stockShopId().orElse(null);
            this.salesInto = s.salesInto().orElse(null);
            this.priceLevel = s.priceLevel();
            this.customFields.addAll(s.customFields());
            this.currency = s.currency();
            this.pricesIncludeTax = s.pricesIncludeTax();
            this.imagesOnUpdate = s.imagesOnUpdate();
            this.includeIncompleteSales = s.includeIncompleteSales();
            this.includeVoidedSales = s.includeVoidedSales();
            this.overlap = s.overlap();
        }

        /** The API root and token endpoint (a sandbox's, in tests). */
        public Builder endpoints(URI apiRoot, URI tokenUri) {
            this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
            this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
            return this;
        }

        /** The numeric account id (saves one request; otherwise read from {@code Account.json}). */
        public Builder accountId(String id) {
            this.accountId = id;
            return this;
        }

        /** Receives every newly issued refresh token. */
        public Builder onTokenRotation(Consumer<Secret> callback) {
            this.onTokenRotation = Objects.requireNonNull(callback, "onTokenRotation");
            return this;
        }

        /** Only these shops' sales and stock are read (default: all). */
        public Builder shops(String... ids) {
            shopIds.clear();
            shopIds.addAll(List.of(ids));
            return this;
        }

        /** The shop stock levels are written to when their location is not one of the account's shop ids. */
        public Builder stockShop(String shopId) {
            this.stockShopId = Objects.requireNonNull(shopId, "shopId");
            return this;
        }

        /** Where sales written into Lightspeed are rung up (needed only to write sales). */
        public Builder salesInto(String shopId, String registerId, String employeeId) {
            this.salesInto = new SalesInto(shopId, registerId, employeeId);
            return this;
        }

        /** The price level ({@code ItemPrice.useType}) used as the product price (default {@code Default}). */
        public Builder priceLevel(String useType) {
            this.priceLevel = useType;
            return this;
        }

        /** Custom fields copied into the canonical {@code customFields} by name. */
        public Builder customFields(String... names) {
            customFields.addAll(List.of(names));
            return this;
        }

        /** The account's currency (default EUR). */
        public Builder currency(String code) {
            this.currency = code;
            return this;
        }

        /**
         * Whether an update replaces an item's image (default {@code false}: an image is uploaded only to an item without
         * one, so an image chosen in Lightspeed stays). When on, an item whose image is another file than the product's
         * main image (compared by file name) gets the product's image instead: {@code .imagesOnUpdate(true)}.
         */
        public Builder imagesOnUpdate(boolean replace) {
            this.imagesOnUpdate = replace;
            return this;
        }

        /** Whether prices include tax (default false; VAT-inclusive accounts set true). */
        public Builder pricesIncludeTax(boolean included) {
            this.pricesIncludeTax = included;
            return this;
        }

        /** Whether sales not yet completed are read (default false). */
        public Builder includeIncompleteSales(boolean include) {
            this.includeIncompleteSales = include;
            return this;
        }

        /** Whether voided sales are read, as cancelled orders (default false). */
        public Builder includeVoidedSales(boolean include) {
            this.includeVoidedSales = include;
            return this;
        }

        /** How far each incremental read reaches back past the last time stamp seen (default 1 minute). */
        public Builder overlap(Duration d) {
            this.overlap = d;
            return this;
        }

        /** The settings; a {@link ConfigurationException} names every missing or invalid one. */
        public LightspeedRetailSettings build() {
            return new LightspeedRetailSettings(apiRoot, tokenUri, Optional.ofNullable(accountId), clientId, clientSecret,
                    refreshToken, onTokenRotation, shopIds, Optional.ofNullable(stockShopId), Optional.ofNullable(salesInto),
                    priceLevel, customFields,
                    currency, pricesIncludeTax, includeIncompleteSales, includeVoidedSales, imagesOnUpdate, overlap, connection());
        }
    }
}

package io.possync.connector.lightspeed.xseries;

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
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to reach one Lightspeed Retail X-Series (formerly Vend) retailer over API 2.0.
 *
 * <pre>{@code
 * XSeriesSettings settings = XSeriesSettings.builder("mystore", clientId, Secret.of(clientSecret),
 *                 Secret.of(vault.get("xseries.refresh")))
 *         .onTokenRotation(token -> vault.put("xseries.refresh", token.reveal()))   // the old one dies now
 *         .registers(3)
 *         .build();
 * }</pre>
 *
 * @param apiRoot           {@code https://{domain_prefix}.retail.lightspeed.app/api/2.0/}
 * @param tokenUri          {@code https://{domain_prefix}.retail.lightspeed.app/api/1.0/token}
 * @param clientId          the OAuth2 client id of the app
 * @param clientSecret      its secret
 * @param refreshToken      the latest refresh token
 * @param onTokenRotation   receives each new refresh token: X-Series invalidates the used one at once
 * @param registers         the retailer's registers; the limit is 300 per register plus 50 per 5 minutes
 * @param outletIds         outlets whose sales and inventory are read; empty means all
 * @param currency          the retailer's currency
 * @param pricesIncludeTax  whether a product's price is read including tax (else excluding)
 * @param includeVoidedSales whether voided sales are read (as cancelled orders)
 * @param includeWebOrders  whether web orders (sales awaiting dispatch or pickup, and those fulfilled) are read too
 * @param salesInto         where sales written into X-Series are rung up: register, user and the tax of their lines
 * @param stockOutletId     the outlet stock is written to when a stock level's location is not an outlet id
 * @param connection        timeouts, retries, time source and records per request (default 200, at most 10000)
 */
public record XSeriesSettings(URI apiRoot, URI tokenUri, String clientId, Secret clientSecret, Secret refreshToken,
                              Consumer<Secret> onTokenRotation, int registers, Set<String> outletIds, String currency,
                              boolean pricesIncludeTax, boolean includeVoidedSales, boolean includeWebOrders,
                              java.util.Optional<SalesInto> salesInto,
                              java.util.Optional<String> stockOutletId,
                              ConnectionSettings connection) {

    /** Checks every setting and names each problem. */
    public XSeriesSettings {
        List<String> problems = new ArrayList<>();
        if (clientId == null || clientId.isBlank()) {
            problems.add("clientId is missing");
        }
        if (clientSecret == null) {
            problems.add("clientSecret is missing");
        }
        if (refreshToken == null) {
            problems.add("refreshToken is missing");
        }
        if (registers < 1) {
            problems.add("registers must be at least 1, was " + registers);
        }
        if (apiRoot == null || tokenUri == null) {
            problems.add("the domain prefix must be the retailer's lower-case store name"
                    + " (https://{domain_prefix}.retail.lightspeed.app), or set endpoints");
        }
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(10_000));
        }
        try {
            Currency.getInstance(Objects.requireNonNullElse(currency, "?"));
        } catch (IllegalArgumentException e) {
            problems.add("currency must be an ISO 4217 code, was " + currency);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(LightspeedXSeries.SYSTEM, String.join("; ", problems));
        }
        onTokenRotation = onTokenRotation == null ? t -> { } : onTokenRotation;
        salesInto = salesInto == null ? java.util.Optional.empty() : salesInto;
        stockOutletId = stockOutletId == null ? java.util.Optional.empty() : stockOutletId;
        outletIds = Set.copyOf(outletIds);
    }

    /**
     * Where sales written into X-Series are rung up.
     *
     * @param registerId the register
     * @param userId     the user (cashier) the sales are booked on
     * @param taxId      the sales tax of their lines
     */
    public record SalesInto(String registerId, String userId, String taxId) {
        /** Checks that every id is given. */
        public SalesInto {
            if (registerId == null || userId == null || taxId == null) {
                throw new ConfigurationException(LightspeedXSeries.SYSTEM, "salesInto needs a register, a user and a tax id");
            }
        }
    }

    /** The requests the retailer's limit allows per 5 minutes. */
    public int requestsPerFiveMinutes() {
        return 300 * registers + 50;
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for the retailer's domain prefix, the app's client id and secret and the refresh token. */
    public static Builder builder(String domainPrefix, String clientId, Secret clientSecret, Secret refreshToken) {
        return new Builder(domainPrefix, clientId, clientSecret, refreshToken);
    }

    /** Builds {@link XSeriesSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private URI apiRoot;
        private URI tokenUri;
        private final String clientId;
        private final Secret clientSecret;
        private final Secret refreshToken;
        private Consumer<Secret> onTokenRotation = t -> { };
        private int registers = 1;
        private final Set<String> outletIds = new LinkedHashSet<>();
        private String currency = "EUR";
        private boolean pricesIncludeTax = true;
        private boolean includeVoidedSales;
        private boolean includeWebOrders;
        private SalesInto salesInto;
        private String stockOutletId;

        private Builder(String domainPrefix, String clientId, Secret clientSecret, Secret refreshToken) {
            super(Duration.ofSeconds(30), 200);
            if (domainPrefix != null && domainPrefix.matches("[a-z0-9-]+")) {
                this.apiRoot = URI.create("https://" + domainPrefix + ".retail.lightspeed.app/api/2.0/");
                this.tokenUri = URI.create("https://" + domainPrefix + ".retail.lightspeed.app/api/1.0/token");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
        }

        private Builder(XSeriesSettings s) {
            super(s.connection());
            this.apiRoot = s.apiRoot();
            this.tokenUri = s.tokenUri();
            this.clientId = s.clientId();
            this.clientSecret = s.clientSecret();
            this.refreshToken = s.refreshToken();
            this.onTokenRotation = s.onTokenRotation();
            this.registers = s.registers();
            this.outletIds.addAll(s.outletIds());
            this.currency = s.currency();
            this.pricesIncludeTax = s.pricesIncludeTax();
            this.includeVoidedSales = s.includeVoidedSales();
            this.includeWebOrders = s.includeWebOrders();
            this.salesInto = s.salesInto().orElse(null);
            this.stockOutletId = s.stockOutletId().orElse(null);
        }

        /** The API root and token endpoint (a sandbox's, in tests). */
        public Builder endpoints(URI apiRoot, URI tokenUri) {
            this.apiRoot = Objects.requireNonNull(apiRoot, "apiRoot");
            this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
            return this;
        }

        /** Receives each new refresh token. */
        public Builder onTokenRotation(Consumer<Secret> callback) {
            this.onTokenRotation = Objects.requireNonNull(callback, "onTokenRotation");
            return this;
        }

        /** The retailer's registers (default 1). */
        public Builder registers(int n) {
            this.registers = n;
            return this;
        }

        /** Only these outlets' sales and inventory are read (default all). */
        public Builder outlets(String... ids) {
            outletIds.addAll(List.of(ids));
            return this;
        }

        /** The retailer's currency (default EUR). */
        public Builder currency(String code) {
            this.currency = code;
            return this;
        }

        /** Whether product prices are read including tax (default true). */
        public Builder pricesIncludeTax(boolean included) {
            this.pricesIncludeTax = included;
            return this;
        }

        /** Whether voided sales are read (default false). */
        public Builder includeVoidedSales(boolean include) {
            this.includeVoidedSales = include;
            return this;
        }

        /**
         * Reads web orders too: sales awaiting dispatch or pickup (as paid orders) and fulfilled ones (dispatched: shipped,
         * picked up: completed), so that an order-status flow can fulfil them later. Off by default: only closed sales.
         */
        public Builder includeWebOrders(boolean include) {
            this.includeWebOrders = include;
            return this;
        }

        /** Where sales written into X-Series are rung up (needed only to write sales). */
        public Builder salesInto(String registerId, String userId, String taxId) {
            this.salesInto = new SalesInto(registerId, userId, taxId);
            return this;
        }

        /** The outlet stock levels are written to when their location is not one of the retailer's outlet ids. */
        public Builder stockOutlet(String outletId) {
            this.stockOutletId = Objects.requireNonNull(outletId, "outletId");
            return this;
        }

        /** The settings; a {@link ConfigurationException} names every problem. */
        public XSeriesSettings build() {
            return new XSeriesSettings(apiRoot, tokenUri, clientId, clientSecret, refreshToken, onTokenRotation, registers,
                    outletIds, currency, pricesIncludeTax, includeVoidedSales, includeWebOrders, java.util.Optional.ofNullable(salesInto),
                    java.util.Optional.ofNullable(stockOutletId), connection());
        }
    }
}

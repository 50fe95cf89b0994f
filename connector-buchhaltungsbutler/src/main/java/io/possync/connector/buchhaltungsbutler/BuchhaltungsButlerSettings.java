package io.possync.connector.buchhaltungsbutler;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one BuchhaltungsButler tenant (Mandant) and how POS orders are booked there.
 *
 * <pre>{@code
 * BuchhaltungsButlerSettings settings = BuchhaltungsButlerSettings.builder(apiClient, Secret.of(apiSecret), Secret.of(apiKey))
 *         .revenueAccount("DE", "19", 8400).revenueAccount("DE", "7", 8300)
 *         .revenueAccount("*", "0", 8125)            // intra-EU deliveries, any country
 *         .vatKey("*", "0", "0_none")
 *         .debtorAccounts(10000, 69999)
 *         .build();
 * }</pre>
 *
 * <p>Accounts and VAT keys are looked up by the order's billing country (else its customer's, else
 * {@code homeCountry}) and the line's tax rate: {@code "DE:19"} first, then {@code "*:19"}. The VAT
 * keys for 19 %, 7 % and 0 % default to {@code 19_vat}, {@code 7_vat} and {@code 0_none}; revenue
 * accounts have no defaults, because they depend on the tenant's chart of accounts (SKR03 or SKR04).
 *
 * @param baseUrl              the API root, default {@code https://webapp.buchhaltungsbutler.de/api/v1/}
 * @param apiClient            the API client (HTTP Basic user)
 * @param apiSecret            the API secret (HTTP Basic password)
 * @param apiKey               the tenant's api_key, sent in every body
 * @param homeCountry          country of orders without an address
 * @param revenueAccounts      {@code "DE:19"} or {@code "*:19"} → revenue posting account
 * @param vatKeys              {@code "DE:19"} or {@code "*:19"} → VAT key such as {@code 19_vat}
 * @param shippingAccounts     country or {@code "*"} → posting account of shipping costs; without one, shipping
 *                             goes to the revenue account of the order's highest rate
 * @param debtorAccounts       the account numbers new debtors get
 * @param anonymousCounterparty counterparty of receipts without a customer name
 * @param otherCharges         where an order's amounts that no line or shipping carries (fees, surcharges) are booked;
 *                             without it such an order is rejected
 * @param refunds              how an order with a negative total is booked
 * @param zone                 the tenant's time zone: receipt dates and {@code date_since_last_modified}
 * @param requestsPerMinute    the tenant's request budget (100)
 * @param receiptBatchInterval the least time between two receipt batches (5 s)
 * @param indexOverlap         how far back each refresh of the receipt index reads before the last one
 * @param connection           timeouts, retries, time source, and the records per list read (default and most 500)
 */
public record BuchhaltungsButlerSettings(URI baseUrl, String apiClient, Secret apiSecret, Secret apiKey, String homeCountry,
                                         Map<String, Integer> revenueAccounts, Map<String, String> vatKeys,
                                         Map<String, Integer> shippingAccounts, DebtorAccounts debtorAccounts,
                                         String anonymousCounterparty, Optional<OtherCharges> otherCharges, RefundReceipt refunds, ZoneId zone, int requestsPerMinute,
                                         Duration receiptBatchInterval, Duration indexOverlap, ConnectionSettings connection) {

    /** Checks every setting and names each problem. */
    public BuchhaltungsButlerSettings {
        List<String> problems = new ArrayList<>();
        if (apiClient == null || apiClient.isBlank()) {
            problems.add("apiClient is missing");
        }
        if (apiSecret == null) {
            problems.add("apiSecret is missing");
        }
        if (apiKey == null) {
            problems.add("apiKey (the tenant's api_key) is missing");
        }
        if (homeCountry == null || !homeCountry.matches("[A-Z]{2}")) {
            problems.add("homeCountry must be an ISO 3166 alpha-2 code, was " + homeCountry);
        }
        if (requestsPerMinute < 1) {
            problems.add("requestsPerMinute must be at least 1, was " + requestsPerMinute);
        }
        if (baseUrl == null || !baseUrl.toString().endsWith("/")) {
            problems.add("baseUrl must end with '/', was " + baseUrl);
        }
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(500));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(BuchhaltungsButler.SYSTEM, String.join("; ", problems));
        }
        otherCharges = otherCharges == null ? Optional.empty() : otherCharges;
        revenueAccounts = Map.copyOf(revenueAccounts);
        vatKeys = Map.copyOf(vatKeys);
        shippingAccounts = Map.copyOf(shippingAccounts);
        Objects.requireNonNull(debtorAccounts, "debtorAccounts");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(receiptBatchInterval, "receiptBatchInterval");
        Objects.requireNonNull(indexOverlap, "indexOverlap");
    }

    /**
     * The range new debtor accounts are numbered from (SKR03/SKR04: 10000–69999).
     *
     * @param first the lowest number
     * @param last  the highest number
     */
    public record DebtorAccounts(long first, long last) {
        /** Checks {@code 0 < first <= last}. */
        public DebtorAccounts {
            if (first < 1 || last < first) {
                throw new ConfigurationException("buchhaltungsbutler.debtorAccounts", "need 0 < first <= last, got " + first + "–" + last);
            }
        }
    }

    /**
     * Where amounts of an order that no line or shipping carries are booked — a card fee or surcharge a
     * till adds to the total (Lightspeed X-Series {@code adjustments}).
     *
     * @param account the posting account
     * @param vatKey  the VAT key of that posting, e.g. {@code 0_none} for an untaxed fee
     */
    public record OtherCharges(int account, String vatKey) {
        /** Checks the VAT key is given. */
        public OtherCharges {
            Objects.requireNonNull(vatKey, "vatKey");
        }
    }

    /** How an order whose total is negative (a return at the till) is booked. */
    public enum RefundReceipt {
        /** An outgoing invoice with a negative amount, BuchhaltungsButler's reversal (the default). */
        NEGATIVE_INVOICE,
        /**
         * A {@code credit outbound} receipt with the positive amount. BuchhaltungsButler's credit types are credit
         * notes in the sense of §14 UStG (self-billing), so this is only for tenants that book refunds that way.
         */
        CREDIT_NOTE
    }

    /** The revenue account for a line of {@code country} at {@code rate}, if one is set. */
    public Optional<Integer> revenueAccount(String country, BigDecimal rate) {
        return byCountryAndRate(revenueAccounts, country, rate);
    }

    /** The VAT key for a line of {@code country} at {@code rate}, if one is set. */
    public Optional<String> vatKey(String country, BigDecimal rate) {
        return byCountryAndRate(vatKeys, country, rate);
    }

    /** The posting account of shipping costs to {@code country}, if one is set. */
    public Optional<Integer> shippingAccount(String country) {
        return Optional.ofNullable(shippingAccounts.getOrDefault(country, shippingAccounts.get("*")));
    }

    private static <V> Optional<V> byCountryAndRate(Map<String, V> map, String country, BigDecimal rate) {
        String r = rateKey(rate);
        V v = map.get(country + ":" + r);
        return Optional.ofNullable(v != null ? v : map.get("*:" + r));
    }

    static String rateKey(BigDecimal rate) {
        return rate.signum() == 0 ? "0" : rate.stripTrailingZeros().toPlainString();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for the API client and secret and the tenant's api_key. */
    public static Builder builder(String apiClient, Secret apiSecret, Secret apiKey) {
        return new Builder(apiClient, apiSecret, apiKey);
    }

    /** Builds {@link BuchhaltungsButlerSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private URI baseUrl = URI.create("https://webapp.buchhaltungsbutler.de/api/v1/");
        private final String apiClient;
        private final Secret apiSecret;
        private final Secret apiKey;
        private String homeCountry = "DE";
        private final Map<String, Integer> revenueAccounts = new LinkedHashMap<>();
        private final Map<String, String> vatKeys = new LinkedHashMap<>(Map.of("*:19", "19_vat", "*:7", "7_vat", "*:0", "0_none"));
        private final Map<String, Integer> shippingAccounts = new LinkedHashMap<>();
        private DebtorAccounts debtorAccounts = new DebtorAccounts(10000, 69999);
        private String anonymousCounterparty = "Barverkauf";
        private OtherCharges otherCharges;
        private RefundReceipt refunds = RefundReceipt.NEGATIVE_INVOICE;
        private ZoneId zone = ZoneId.of("Europe/Berlin");
        private int requestsPerMinute = 100;
        private Duration receiptBatchInterval = Duration.ofSeconds(5);
        private Duration indexOverlap = Duration.ofMinutes(10);

        private Builder(String apiClient, Secret apiSecret, Secret apiKey) {
            super(Duration.ofSeconds(30), 500);
            this.apiClient = apiClient;
            this.apiSecret = apiSecret;
            this.apiKey = apiKey;
        }

        private Builder(BuchhaltungsButlerSettings s) {
            super(s.connection());
            this.baseUrl = s.baseUrl();
            this.apiClient = s.apiClient();
            this.apiSecret = s.apiSecret();
            this.apiKey = s.apiKey();
            this.homeCountry = s.homeCountry();
            this.revenueAccounts.putAll(s.revenueAccounts());
            this.vatKeys.clear();
            this.vatKeys.putAll(s.vatKeys());
            this.shippingAccounts.putAll(s.shippingAccounts());
            this.debtorAccounts = s.debtorAccounts();
            this.anonymousCounterparty = s.anonymousCounterparty();
            this.otherCharges = s.otherCharges().orElse(null);
            this.refunds = s.refunds();
            this.zone = s.zone();
            this.requestsPerMinute = s.requestsPerMinute();
            this.receiptBatchInterval = s.receiptBatchInterval();
            this.indexOverlap = s.indexOverlap();
        }

        /** The API root (a sandbox's, or an older {@code app.} host); must end with '/'. */
        public Builder baseUrl(URI url) {
            this.baseUrl = url;
            return this;
        }

        /** Country of orders without an address (default DE). */
        public Builder homeCountry(String country) {
            this.homeCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
            return this;
        }

        /** Revenue posting account for lines to {@code country} ({@code "*"}: any) at {@code rate} percent. */
        public Builder revenueAccount(String country, String rate, int account) {
            revenueAccounts.put(country.toUpperCase(Locale.ROOT) + ":" + rateKey(new BigDecimal(rate)), account);
            return this;
        }

        /** VAT key ({@code 19_vat}, {@code 0_none}, an intra-EU or reverse-charge key) for lines to {@code country} at {@code rate}. */
        public Builder vatKey(String country, String rate, String key) {
            vatKeys.put(country.toUpperCase(Locale.ROOT) + ":" + rateKey(new BigDecimal(rate)), key);
            return this;
        }

        /** Posting account of shipping costs to {@code country} ({@code "*"}: any). */
        public Builder shippingAccount(String country, int account) {
            shippingAccounts.put(country.toUpperCase(Locale.ROOT), account);
            return this;
        }

        /** The account numbers new debtors get (default 10000–69999). */
        public Builder debtorAccounts(long first, long last) {
            this.debtorAccounts = new DebtorAccounts(first, last);
            return this;
        }

        /** Counterparty of receipts whose order names no customer (default "Barverkauf"). */
        public Builder anonymousCounterparty(String name) {
            this.anonymousCounterparty = Objects.requireNonNull(name, "anonymousCounterparty");
            return this;
        }

        /**
         * Books an order's amounts that no line or shipping carries (fees, surcharges) on {@code account}
         * with {@code vatKey}; without it such an order is rejected naming the amount.
         */
        public Builder otherCharges(int account, String vatKey) {
            this.otherCharges = new OtherCharges(account, vatKey);
            return this;
        }

        /** How orders with a negative total are booked (default a negative outgoing invoice). */
        public Builder refunds(RefundReceipt refunds) {
            this.refunds = refunds;
            return this;
        }

        /** The tenant's time zone (default Europe/Berlin). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The tenant's request budget per minute (default 100). */
        public Builder requestsPerMinute(int n) {
            this.requestsPerMinute = n;
            return this;
        }

        /** The least time between two receipt batches (default 5 s). */
        public Builder receiptBatchInterval(Duration d) {
            this.receiptBatchInterval = d;
            return this;
        }

        /** How far back each refresh of the receipt index reads before the last one (default 10 minutes). */
        public Builder indexOverlap(Duration d) {
            this.indexOverlap = d;
            return this;
        }

        /** The settings; every problem is named at once. */
        public BuchhaltungsButlerSettings build() {
            return new BuchhaltungsButlerSettings(baseUrl, apiClient, apiSecret, apiKey, homeCountry, revenueAccounts, vatKeys,
                    shippingAccounts, debtorAccounts, anonymousCounterparty, Optional.ofNullable(otherCharges), refunds, zone, requestsPerMinute, receiptBatchInterval,
                    indexOverlap, connection());
        }
    }
}

package io.possync.connector.accountview;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to reach one AccountView company through AccountView.Net, and the bookkeeping its writes carry.
 *
 * <pre>{@code
 * AccountViewSettings settings = AccountViewSettings.builder(clientId, Secret.of(clientSecret),
 *                 Secret.of(vault.get("accountview.refresh")), "DEMO")       // the ondernemingscode
 *         .onTokenRotation(token -> vault.put("accountview.refresh", token.reveal()))
 *         .collectiveAccount("1300").salesJournal("800")
 *         .revenueAccount("*", "8000").vatCode("NL", new BigDecimal("21"), "2").vatCode("NL", new BigDecimal("9"), "1")
 *         .build();
 * }</pre>
 *
 * @param baseUrl           {@code https://www.accountview.net/api/v3} (or a sandbox's)
 * @param tokenUri          the OAuth 2.0 token endpoint, {@code …/api/v3/token}
 * @param clientId          the app's API key (client id)
 * @param clientSecret      the app's API secret
 * @param refreshToken      the refresh token from the company's authorisation
 * @param onTokenRotation   receives every refresh token the token endpoint hands out: store it
 * @param companyCode       the ondernemingscode; its {@code Id} from {@code GET /companies} goes into {@code X-Company}
 * @param collectiveAccount the collective receivables account ({@code ACCT_NR}) of new debtors
 * @param salesJournal      the sales journal ({@code DJ_CODE}) invoices are booked in
 * @param revenueAccounts   revenue account per country ({@code *}: any other)
 * @param vatCodes          VAT code per country and rate ({@code NL|21} → {@code 2}; {@code *|21} for any country)
 * @param shippingArticle   the article a sales order's shipping line is on (empty: an order with shipping costs is rejected)
 * @param shippingAccount   the account an invoice's shipping line is booked on (empty: the revenue account)
 * @param homeCountry       the country of orders without an address
 * @param debtorUpdates     whether debtors are updated with {@code PUT} (PROPOSAL P-8; default on); off: an update is a rejection
 * @param articleFields     the installation's ARTICLE field names for barcode, VAT code and blocked flag (PROPOSAL P-5)
 * @param pricesIncludeVat  whether {@code PX_SELL} includes VAT (PROPOSAL P-5: excluding by default)
 * @param orderStatus       the sales-order field that holds its status and what its values mean (PROPOSAL P-17)
 * @param overlap           how far before the last change seen a changed-since read starts (PROPOSAL P-12: one day)
 * @param connection        timeouts, retries, time source and page size ({@code PageSize}, default 200)
 */
public record AccountViewSettings(URI baseUrl, URI tokenUri, String clientId, Secret clientSecret, Secret refreshToken,
                                  Consumer<Secret> onTokenRotation, String companyCode, String collectiveAccount, String salesJournal,
                                  Map<String, String> revenueAccounts, Map<String, String> vatCodes, Optional<String> shippingArticle,
                                  Optional<String> shippingAccount, String homeCountry, boolean debtorUpdates,
                                  ArticleFields articleFields, boolean pricesIncludeVat, OrderStatusField orderStatus, Duration overlap,
                                  ConnectionSettings connection) {

    /** AccountView.Net's API. */
    public static final URI PRODUCTION = URI.create("https://www.accountview.net/api/v3");

    /**
     * The installation's names of the ARTICLE fields no public source names (PROPOSAL P-5).
     *
     * @param barcode the EAN field (default {@code EAN_CODE})
     * @param vatCode the VAT code field (default {@code VAT_CODE})
     * @param blocked the blocked flag (default {@code REC_BLK}; blocked is a draft)
     */
    public record ArticleFields(String barcode, String vatCode, String blocked) {

        /** The PROPOSAL names. */
        public static final ArticleFields DEFAULT = new ArticleFields("EAN_CODE", "VAT_CODE", "REC_BLK");
    }

    /**
     * The sales-order field that holds an order's status and what its values mean (PROPOSAL P-17: no
     * public source names it).
     *
     * @param field  the {@code SO_HDR} field (default {@code ORD_STAT})
     * @param values each value and its status (default {@code O} open, {@code G} delivered → shipped,
     *               {@code F} invoiced → completed, {@code V} cancelled)
     */
    public record OrderStatusField(String field, Map<String, io.possync.api.OrderStatus> values) {

        /** The PROPOSAL. */
        public static final OrderStatusField DEFAULT = new OrderStatusField("ORD_STAT", Map.of("O", io.possync.api.OrderStatus.OPEN,
                "G", io.possync.api.OrderStatus.SHIPPED, "F", io.possync.api.OrderStatus.COMPLETED, "V", io.possync.api.OrderStatus.CANCELLED));

        public OrderStatusField {
            values = Map.copyOf(values);
        }
    }

    /** Checks every setting and names each problem. */
    public AccountViewSettings {
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
        if (companyCode == null || companyCode.isBlank()) {
            problems.add("companyCode (the ondernemingscode) is missing");
        }
        if (collectiveAccount == null || collectiveAccount.isBlank() || collectiveAccount.length() > 10) {
            problems.add("collectiveAccount must be an account number of at most 10 characters, was " + collectiveAccount);
        }
        if (salesJournal == null || salesJournal.isBlank() || salesJournal.length() > 3) {
            problems.add("salesJournal must be a journal code of at most 3 characters, was " + salesJournal);
        }
        revenueAccounts = revenueAccounts == null ? Map.of() : Map.copyOf(revenueAccounts);
        vatCodes = vatCodes == null ? Map.of() : Map.copyOf(vatCodes);
        revenueAccounts.forEach((country, account) -> {
            if (account.length() > 10) {
                problems.add("revenue account " + account + " (" + country + ") is longer than 10 characters");
            }
        });
        vatCodes.forEach((key, code) -> {
            if (code.length() > 2) {
                problems.add("VAT code " + code + " (" + key + ") is longer than 2 characters");
            }
        });
        shippingArticle = shippingArticle == null ? Optional.empty() : shippingArticle;
        shippingAccount = shippingAccount == null ? Optional.empty() : shippingAccount;
        onTokenRotation = onTokenRotation == null ? t -> { } : onTokenRotation;
        articleFields = articleFields == null ? ArticleFields.DEFAULT : articleFields;
        orderStatus = orderStatus == null ? OrderStatusField.DEFAULT : orderStatus;
        if (overlap == null || overlap.isNegative()) {
            problems.add("overlap must be zero or more, was " + overlap);
        }
        if (homeCountry == null || !homeCountry.matches("[A-Z]{2}")) {
            problems.add("homeCountry must be an ISO country code, was " + homeCountry);
        }
        if (baseUrl == null || tokenUri == null) {
            problems.add("baseUrl and tokenUri are required");
        }
        if (connection == null) {
            problems.add("connection is missing");
        } else {
            problems.addAll(connection.problems(1000));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(AccountView.SYSTEM, String.join("; ", problems));
        }
    }

    /** A builder for the app's credentials, the company's refresh token and its ondernemingscode. */
    public static Builder builder(String clientId, Secret clientSecret, Secret refreshToken, String companyCode) {
        return new Builder(clientId, clientSecret, refreshToken, companyCode);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link AccountViewSettings}. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private URI baseUrl = PRODUCTION;
        private URI tokenUri = URI.create(PRODUCTION + "/token");
        private final String clientId;
        private final Secret clientSecret;
        private final Secret refreshToken;
        private Consumer<Secret> onTokenRotation = t -> { };
        private final String companyCode;
        private String collectiveAccount = "1300";
        private String salesJournal = "800";
        private final Map<String, String> revenueAccounts = new LinkedHashMap<>();
        private final Map<String, String> vatCodes = new LinkedHashMap<>();
        private String shippingArticle;
        private String shippingAccount;
        private String homeCountry = "NL";
        private boolean debtorUpdates = true;
        private ArticleFields articleFields = ArticleFields.DEFAULT;
        private boolean pricesIncludeVat;
        private OrderStatusField orderStatus = OrderStatusField.DEFAULT;
        private Duration overlap = Duration.ofDays(1);

        private Builder(String clientId, Secret clientSecret, Secret refreshToken, String companyCode) {
            // 60 s: the data comes live from the customer's own server (PROPOSAL P-1)
            super(Duration.ofSeconds(60), 200);
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
            this.companyCode = companyCode;
        }

        private Builder(AccountViewSettings s) {
            super(s.connection());
            this.baseUrl = s.baseUrl();
            this.tokenUri = s.tokenUri();
            this.clientId = s.clientId();
            this.clientSecret = s.clientSecret();
            this.refreshToken = s.refreshToken();
            this.onTokenRotation = s.onTokenRotation();
            this.companyCode = s.companyCode();
            this.collectiveAccount = s.collectiveAccount();
            this.salesJournal = s.salesJournal();
            this.revenueAccounts.putAll(s.revenueAccounts());
            this.vatCodes.putAll(s.vatCodes());
            this.shippingArticle = s.shippingArticle().orElse(null);
            this.shippingAccount = s.shippingAccount().orElse(null);
            this.homeCountry = s.homeCountry();
            this.debtorUpdates = s.debtorUpdates();
            this.articleFields = s.articleFields();
            this.pricesIncludeVat = s.pricesIncludeVat();
            this.orderStatus = s.orderStatus();
            this.overlap = s.overlap();
        }

        /** Another API address and its token endpoint (a sandbox's, the test host). */
        public Builder endpoints(URI baseUrl, URI tokenUri) {
            this.baseUrl = baseUrl;
            this.tokenUri = tokenUri;
            return this;
        }

        /** Receives every refresh token the token endpoint hands out; store it, the one before may be dead. */
        public Builder onTokenRotation(Consumer<Secret> callback) {
            this.onTokenRotation = callback;
            return this;
        }

        /** The collective receivables account of new debtors (default 1300). */
        public Builder collectiveAccount(String account) {
            this.collectiveAccount = account;
            return this;
        }

        /** The sales journal invoices are booked in (default 800). */
        public Builder salesJournal(String code) {
            this.salesJournal = code;
            return this;
        }

        /** The revenue account of sales to {@code country} ({@code *}: every other country). */
        public Builder revenueAccount(String country, String account) {
            this.revenueAccounts.put(country, account);
            return this;
        }

        /** The VAT code of {@code rate} in {@code country} ({@code *}: every other country). */
        public Builder vatCode(String country, BigDecimal rate, String code) {
            this.vatCodes.put(country + "|" + rate.stripTrailingZeros().toPlainString(), code);
            return this;
        }

        /** The article a sales order's shipping costs are a line on. */
        public Builder shippingArticle(String articleCode) {
            this.shippingArticle = articleCode;
            return this;
        }

        /** The account an invoice's shipping costs are booked on (default: the revenue account). */
        public Builder shippingAccount(String account) {
            this.shippingAccount = account;
            return this;
        }

        /** The country of orders without an address (default NL). */
        public Builder homeCountry(String country) {
            this.homeCountry = country;
            return this;
        }

        /** Whether debtors are updated with {@code PUT} (PROPOSAL P-8, default on). */
        public Builder debtorUpdates(boolean on) {
            this.debtorUpdates = on;
            return this;
        }

        /** The installation's ARTICLE field names for barcode, VAT code and blocked flag (PROPOSAL P-5). */
        public Builder articleFields(ArticleFields fields) {
            this.articleFields = fields;
            return this;
        }

        /** Whether {@code PX_SELL} includes VAT (default: excludes, PROPOSAL P-5). */
        public Builder pricesIncludeVat(boolean included) {
            this.pricesIncludeVat = included;
            return this;
        }

        /** The sales-order field that holds its status and what its values mean (PROPOSAL P-17). */
        public Builder orderStatus(OrderStatusField field) {
            this.orderStatus = field;
            return this;
        }

        /** How far before the last change seen a changed-since read starts (default one day, PROPOSAL P-12). */
        public Builder overlap(Duration overlap) {
            this.overlap = overlap;
            return this;
        }

        /** The settings; every problem is named at once. */
        public AccountViewSettings build() {
            return new AccountViewSettings(baseUrl, tokenUri, clientId, clientSecret, refreshToken, onTokenRotation, companyCode,
                    collectiveAccount, salesJournal, revenueAccounts, vatCodes, Optional.ofNullable(shippingArticle),
                    Optional.ofNullable(shippingAccount), homeCountry, debtorUpdates, articleFields, pricesIncludeVat, orderStatus, overlap,
                    connection());
        }
    }
}

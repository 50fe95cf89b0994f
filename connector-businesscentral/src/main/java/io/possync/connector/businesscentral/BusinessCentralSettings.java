package io.possync.connector.businesscentral;

import io.possync.api.ConfigurationException;
import io.possync.api.http.ConnectionSettings;
import io.possync.api.http.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Business Central company: cloud (tenant, environment, a Microsoft Entra app's
 * client id and secret, OAuth2 client credentials) or on-premises (the server instance's API URL, a
 * user and its web-service access key over HTTP Basic), and the sync's tuning.
 *
 * <pre>{@code
 * BusinessCentralSettings cloud = BusinessCentralSettings.builder(
 *                 BusinessCentralSettings.cloud("contoso.onmicrosoft.com", "production", clientId, Secret.of(clientSecret)),
 *                 "CRONUS International Ltd.")
 *         .build();
 * BusinessCentralSettings onPrem = BusinessCentralSettings.builder(
 *                 BusinessCentralSettings.onPremises(URI.create("https://bc.example.local:7048/BC240"), "SYNC", Secret.of(accessKey)),
 *                 "CRONUS International Ltd.")
 *         .build();
 * }</pre>
 *
 * <p>API v2.0 (Business Central 17 and later) by default, {@link ApiVersion#V1_0} for Business
 * Central 14–16; an optional {@link CustomApi} route for the posting groups the standard API lacks.
 * {@link #apiHost} and {@link #loginHost} point a cloud connection at a sandbox instead of
 * Microsoft's hosts.
 *
 * @param deployment    cloud or on-premises access
 * @param company       the company's name or id
 * @param apiHost       cloud API host (default {@code https://api.businesscentral.dynamics.com})
 * @param loginHost     Entra ID host (default {@code https://login.microsoftonline.com})
 * @param overlap       how far back each incremental read starts before the last change seen
 * @param batchSize     operations per {@code $batch} (at most 100)
 * @param currency      the company's local currency, for amounts Business Central states without one
 * @param contactPersons whether a company debtor's contact person is written as a person contact (BC 18+)
 * @param customerDefaults ERP data every new customer gets unless its mapping sets it
 * @param bookkeeping   tax codes and revenue accounts per country for document lines
 * @param pictures      whether items get their product's main image as picture
 * @param picturesOnUpdate whether an update uploads the picture again (default false: a new item's picture only, so a
 *                      picture changed in Business Central stays)
 * @param apiVersion    the standard API spoken
 * @param customApi     the custom API page route for posting groups, if the company has one
 * @param postingGroups posting groups new customers and items get through {@code customApi}
 * @param connection    timeouts, retries, the clock and sleep for retries and token expiry, and the rows per page
 *                      requested with {@code Prefer: odata.maxpagesize} (default 1,000, at most 20,000)
 */
public record BusinessCentralSettings(Deployment deployment, String company, URI apiHost, URI loginHost,
                                      Duration overlap, int batchSize, String currency, CustomerDefaults customerDefaults,
                                      Bookkeeping bookkeeping, boolean pictures, boolean picturesOnUpdate, boolean contactPersons, ApiVersion apiVersion,
                                      Optional<CustomApi> customApi, PostingGroups postingGroups, ConnectionSettings connection) {

    /** Checks every setting and names each problem at once. */
    public BusinessCentralSettings {
        List<String> problems = new ArrayList<>();
        if (deployment == null) {
            problems.add("deployment: missing (BusinessCentralSettings.cloud(...) or onPremises(...))");
        } else if (deployment instanceof Cloud c) {
            blank(problems, "tenant", c.tenant());
            blank(problems, "environment", c.environment());
            blank(problems, "clientId", c.clientId());
            if (c.clientSecret() == null) {
                problems.add("clientSecret: missing");
            }
        } else if (deployment instanceof OnPremises op) {
            if (op.serverInstanceUrl() == null) {
                problems.add("serverInstanceUrl: missing");
            }
            blank(problems, "user", op.user());
            if (op.accessKey() == null) {
                problems.add("accessKey: missing");
            }
        }
        blank(problems, "company", company);
        if (connection == null) {
            problems.add("connection: missing");
        } else {
            connection.problems(20_000).forEach(problems::add);
        }
        if (batchSize < 1 || batchSize > 100) {
            problems.add("batchSize: must be 1 to 100 (Business Central's limit), was " + batchSize);
        }
        if (bookkeeping == null) {
            problems.add("bookkeeping: missing");
        } else if (bookkeeping.homeCountry() == null || !bookkeeping.homeCountry().matches("[A-Z]{2}")) {
            problems.add("homeCountry: must be an ISO 3166-1 alpha-2 code, was " + bookkeeping.homeCountry());
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            problems.add("currency: must be an ISO 4217 code, was " + currency);
        }
        boolean v1 = apiVersion == ApiVersion.V1_0;
        if (v1 && contactPersons) {
            problems.add("contactPersons: API v1.0 has no contacts (BC 18+, API v2.0)");
        }
        if (v1 && pictures) {
            problems.add("pictures: written through API v2.0 only (v1.0's picture is a collection; UNCONFIRMED how it takes content)");
        }
        if (v1 && bookkeeping != null && !bookkeeping.paymentJournals().isEmpty()) {
            problems.add("paymentJournal: payment lines are written through API v2.0 only");
        }
        customApi = customApi == null ? Optional.empty() : customApi;
        if (postingGroups != null && (postingGroups.forCustomers() || postingGroups.forItems()) && customApi.isEmpty()) {
            problems.add("posting groups: the standard API has no posting groups; set customApi(...) to the extension's route");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(BusinessCentral.SYSTEM, "invalid settings: " + String.join("; ", problems));
        }
        Objects.requireNonNull(apiHost, "apiHost");
        Objects.requireNonNull(loginHost, "loginHost");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(customerDefaults, "customerDefaults");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(postingGroups, "postingGroups");
    }

    private static void blank(List<String> problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + ": missing");
        }
    }

    /**
     * Posting groups written through the {@link CustomApi} when a customer or item is created (never
     * on updates: afterwards they belong to the bookkeeper). Codes as the company knows them.
     *
     * @param customerPostingGroup  customer posting group, e.g. {@code BINNENLAND}
     * @param genBusPostingGroup    general business posting group
     * @param vatBusPostingGroup    VAT business posting group
     * @param genProdPostingGroup   general product posting group of new items
     * @param vatProdPostingGroup   VAT product posting group of new items
     * @param inventoryPostingGroup inventory posting group of new items
     */
    public record PostingGroups(Optional<String> customerPostingGroup, Optional<String> genBusPostingGroup,
                                Optional<String> vatBusPostingGroup, Optional<String> genProdPostingGroup,
                                Optional<String> vatProdPostingGroup, Optional<String> inventoryPostingGroup) {

        /** None. */
        public static PostingGroups none() {
            return new PostingGroups(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        /** Whether any customer group is set. */
        public boolean forCustomers() {
            return customerPostingGroup.isPresent() || genBusPostingGroup.isPresent() || vatBusPostingGroup.isPresent();
        }

        /** Whether any item group is set. */
        public boolean forItems() {
            return genProdPostingGroup.isPresent() || vatProdPostingGroup.isPresent() || inventoryPostingGroup.isPresent();
        }
    }

    /**
     * How document lines are booked: the tax code for each (country, VAT rate) — a VAT product posting
     * group in VAT countries (FACTS.md §3.8) — and the G/L revenue account that shipping costs go to,
     * per country. The country is the order's billing country, else its customer's, else
     * {@code homeCountry}. Without a tax code a line takes its item's.
     *
     * @param homeCountry       country of orders without an address
     * @param taxCodes          {@code "NL:21"} → {@code "HOOG"}
     * @param shippingAccounts  country → G/L account for shipping costs; {@code "*"} for any other country
     * @param paymentJournals   payment method (lower case) → customer payment journal code; when set, each
     *                          payment of an invoiced order becomes a payment line in its method's journal
     */
    public record Bookkeeping(String homeCountry, Map<String, String> taxCodes, Map<String, String> shippingAccounts,
                              Map<String, String> paymentJournals) {

        /** Copies the maps. */
        public Bookkeeping {
            taxCodes = Map.copyOf(taxCodes);
            shippingAccounts = Map.copyOf(shippingAccounts);
            paymentJournals = Map.copyOf(paymentJournals);
        }
    }

    /**
     * Mandatory ERP data for customers the sync creates, by code as a bookkeeper knows it; the
     * connector resolves each code to Business Central's id once per connection.
     *
     * <p>Customer posting group and general business posting group are not on the standard customer
     * entity: Business Central takes them from the configuration template its "Config. Tmpl. Selection
     * Rules" choose for API inserts (FACTS.md §3.2), so they are set up there, not here. In VAT
     * countries {@code taxAreaId} is the VAT business posting group (FACTS.md §3.2).
     *
     * @param paymentTerms            payment terms code, e.g. {@code 14 DAYS}
     * @param paymentMethod           payment method code, e.g. {@code BANK}
     * @param shipmentMethod          shipment method code
     * @param vatBusinessPostingGroup VAT business posting group (tax area) code, e.g. {@code BINNENLAND}
     */
    public record CustomerDefaults(Optional<String> paymentTerms, Optional<String> paymentMethod,
                                   Optional<String> shipmentMethod, Optional<String> vatBusinessPostingGroup) {

        /** No defaults. */
        public static CustomerDefaults none() {
            return new CustomerDefaults(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Cloud or on-premises access. */
    public sealed interface Deployment permits Cloud, OnPremises {
    }

    /**
     * Business Central online with OAuth2 client credentials.
     *
     * @param tenant       Entra tenant id or domain
     * @param environment  environment name, e.g. {@code production}
     * @param clientId     the Entra app's client id
     * @param clientSecret the Entra app's client secret
     */
    public record Cloud(String tenant, String environment, String clientId, Secret clientSecret) implements Deployment {
    }

    /**
     * Business Central on-premises with a user's web-service access key (HTTP Basic).
     *
     * @param serverInstanceUrl e.g. {@code https://bc.example.local:7048/BC240}
     * @param user              the Business Central user
     * @param accessKey         the user's web-service access key
     */
    public record OnPremises(URI serverInstanceUrl, String user, Secret accessKey) implements Deployment {
    }

    /** Business Central online, reached with the Entra app's client credentials. */
    public static Cloud cloud(String tenant, String environment, String clientId, Secret clientSecret) {
        return new Cloud(tenant, environment, clientId, clientSecret);
    }

    /** Business Central on-premises, reached with a user's web-service access key. */
    public static OnPremises onPremises(URI serverInstanceUrl, String user, Secret accessKey) {
        return new OnPremises(serverInstanceUrl, user, accessKey);
    }

    /** A builder for the deployment ({@link #cloud} or {@link #onPremises}) and the company's name or id. */
    public static Builder builder(Deployment deployment, String company) {
        return new Builder(deployment, company);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The standard API's root of this deployment, e.g. {@code …/api/v2.0/}. */
    public URI apiRoot() {
        return root(apiVersion.segment());
    }

    /** The custom API's root ({@code …/api/{publisher}/{group}/{version}/}), when one is set. */
    public Optional<URI> customApiRoot() {
        return customApi.map(c -> root(c.route()));
    }

    private URI root(String route) {
        if (deployment instanceof Cloud c) {
            return URI.create(trim(apiHost.toString()) + "/v2.0/" + c.tenant() + "/" + c.environment() + "/api/" + route + "/");
        }
        OnPremises p = (OnPremises) deployment;
        return URI.create(trim(p.serverInstanceUrl().toString()) + "/api/" + route + "/");
    }

    /** The Entra token endpoint of a cloud deployment. */
    public Optional<URI> tokenUri() {
        return deployment instanceof Cloud c
                ? Optional.of(URI.create(trim(loginHost.toString()) + "/" + c.tenant() + "/oauth2/v2.0/token"))
                : Optional.empty();
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Builds {@link BusinessCentralSettings}; {@link #build()} lists every missing or invalid setting at once. */
    public static final class Builder extends ConnectionSettings.Builder<Builder> {
        private final Deployment deployment;
        private final String company;
        private URI apiHost = URI.create("https://api.businesscentral.dynamics.com");
        private URI loginHost = URI.create("https://login.microsoftonline.com");
        private Duration overlap = Duration.ofMinutes(5);
        private int batchSize = 100;
        private String currency = "EUR";
        private Boolean contactPersons;
        private Boolean pictures;
        private boolean picturesOnUpdate;
        private ApiVersion apiVersion = ApiVersion.V2_0;
        private CustomApi customApi;
        private String customerPostingGroup;
        private String genBusPostingGroup;
        private String vatBusPostingGroupCode;
        private String genProdPostingGroup;
        private String vatProdPostingGroup;
        private String inventoryPostingGroup;
        private String paymentTerms;
        private String paymentMethod;
        private String shipmentMethod;
        private String vatBusinessPostingGroup;
        private String homeCountry = "NL";
        private final Map<String, String> taxCodes = new java.util.LinkedHashMap<>();
        private final Map<String, String> shippingAccounts = new java.util.LinkedHashMap<>();
        private final Map<String, String> paymentJournals = new java.util.LinkedHashMap<>();

        private Builder(Deployment deployment, String company) {
            // 2 minutes: Business Central cancels operations after 8
            super(Duration.ofMinutes(2), 1000);
            retryPolicy(io.possync.api.http.RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofSeconds(1))
                    .maxElapsed(Duration.ofMinutes(5)).build());
            this.deployment = deployment;
            this.company = company;
        }

        private Builder(BusinessCentralSettings s) {
            super(s.connection());
            this.deployment = s.deployment();
            this.company = s.company();
            this.apiHost = s.apiHost();
            this.loginHost = s.loginHost();
            this.overlap = s.overlap();
            this.batchSize = s.batchSize();
            this.currency = s.currency();
            this.contactPersons = s.contactPersons();
            this.pictures = s.pictures();
            this.picturesOnUpdate = s.picturesOnUpdate();
            this.apiVersion = s.apiVersion();
            this.customApi = s.customApi().orElse(null);
            this.customerPostingGroup = s.postingGroups().customerPostingGroup().orElse(null);
            this.genBusPostingGroup = s.postingGroups().genBusPostingGroup().orElse(null);
            this.vatBusPostingGroupCode = s.postingGroups().vatBusPostingGroup().orElse(null);
            this.genProdPostingGroup = s.postingGroups().genProdPostingGroup().orElse(null);
            this.vatProdPostingGroup = s.postingGroups().vatProdPostingGroup().orElse(null);
            this.inventoryPostingGroup = s.postingGroups().inventoryPostingGroup().orElse(null);
            this.paymentTerms = s.customerDefaults().paymentTerms().orElse(null);
            this.paymentMethod = s.customerDefaults().paymentMethod().orElse(null);
            this.shipmentMethod = s.customerDefaults().shipmentMethod().orElse(null);
            this.vatBusinessPostingGroup = s.customerDefaults().vatBusinessPostingGroup().orElse(null);
            this.homeCountry = s.bookkeeping().homeCountry();
            this.taxCodes.putAll(s.bookkeeping().taxCodes());
            this.shippingAccounts.putAll(s.bookkeeping().shippingAccounts());
            this.paymentJournals.putAll(s.bookkeeping().paymentJournals());
        }

        /** The standard API spoken (default v2.0; {@link ApiVersion#V1_0} for Business Central 14–16). */
        public Builder apiVersion(ApiVersion version) {
            this.apiVersion = Objects.requireNonNull(version, "apiVersion");
            return this;
        }

        /** The custom API page route through which new customers and items get their posting groups. */
        public Builder customApi(CustomApi route) {
            this.customApi = Objects.requireNonNull(route, "customApi");
            return this;
        }

        /** Customer posting group of new customers (through the custom API). */
        public Builder customerPostingGroup(String code) {
            this.customerPostingGroup = code;
            return this;
        }

        /** General business posting group of new customers (through the custom API). */
        public Builder genBusPostingGroup(String code) {
            this.genBusPostingGroup = code;
            return this;
        }

        /** VAT business posting group of new customers written as a posting group (through the custom API). */
        public Builder vatBusPostingGroupCode(String code) {
            this.vatBusPostingGroupCode = code;
            return this;
        }

        /** General product posting group of new items (through the custom API). */
        public Builder genProdPostingGroup(String code) {
            this.genProdPostingGroup = code;
            return this;
        }

        /** VAT product posting group of new items (through the custom API). */
        public Builder vatProdPostingGroup(String code) {
            this.vatProdPostingGroup = code;
            return this;
        }

        /** Inventory posting group of new items (through the custom API). */
        public Builder inventoryPostingGroup(String code) {
            this.inventoryPostingGroup = code;
            return this;
        }

        /** Whether items get their product's main image as picture (default true with v2.0; one download and one upload per write). */
        public Builder pictures(boolean upload) {
            this.pictures = upload;
            return this;
        }

        /** Whether an update uploads the product's main image again (default false: new items' pictures only). */
        public Builder picturesOnUpdate(boolean upload) {
            this.picturesOnUpdate = upload;
            return this;
        }

        /** The country of orders without an address (default NL). */
        public Builder homeCountry(String country) {
            this.homeCountry = country;
            return this;
        }

        /** The tax code (VAT product posting group) for lines taxed at {@code rate} percent in {@code country}. */
        public Builder taxCode(String country, java.math.BigDecimal rate, String code) {
            taxCodes.put(country + ":" + rate.stripTrailingZeros().toPlainString(), Objects.requireNonNull(code, "code"));
            return this;
        }

        /** The G/L account shipping costs of orders to {@code country} are booked on ({@code "*"}: any other). */
        public Builder shippingAccount(String country, String account) {
            shippingAccounts.put(Objects.requireNonNull(country, "country"), Objects.requireNonNull(account, "account"));
            return this;
        }

        /**
         * The customer payment journal (its code, e.g. {@code KAS}) that payments made with the POS
         * payment method {@code method} (e.g. {@code Cash}, matched case-insensitively) are entered in.
         * Once any is set, every payment of an invoiced order needs one.
         */
        public Builder paymentJournal(String method, String journalCode) {
            paymentJournals.put(Objects.requireNonNull(method, "method").toLowerCase(java.util.Locale.ROOT),
                    Objects.requireNonNull(journalCode, "journalCode"));
            return this;
        }

        /** Payment terms code for new customers (resolved to its id). */
        public Builder paymentTerms(String code) {
            this.paymentTerms = code;
            return this;
        }

        /** Payment method code for new customers (resolved to its id). */
        public Builder paymentMethod(String code) {
            this.paymentMethod = code;
            return this;
        }

        /** Shipment method code for new customers (resolved to its id). */
        public Builder shipmentMethod(String code) {
            this.shipmentMethod = code;
            return this;
        }

        /** VAT business posting group (tax area) code for new customers (resolved to its id). */
        public Builder vatBusinessPostingGroup(String code) {
            this.vatBusinessPostingGroup = code;
            return this;
        }

        /** The cloud API host (for sandboxes). */
        public Builder apiHost(URI host) {
            this.apiHost = Objects.requireNonNull(host, "apiHost");
            return this;
        }

        /** The Entra ID host (for sandboxes). */
        public Builder loginHost(URI host) {
            this.loginHost = Objects.requireNonNull(host, "loginHost");
            return this;
        }

        /** How far back each incremental read starts (default 5 minutes; Business Central's clocks are per server). */
        public Builder overlap(Duration d) {
            this.overlap = Objects.requireNonNull(d, "overlap");
            return this;
        }

        /** Operations per {@code $batch} (default and maximum 100). */
        public Builder batchSize(int n) {
            this.batchSize = n;
            return this;
        }

        /** The company's local currency (default EUR). */
        public Builder currency(String code) {
            this.currency = code;
            return this;
        }

        /** Whether a company debtor's contact person becomes a person contact (default true with v2.0; needs BC 18+). */
        public Builder contactPersons(boolean write) {
            this.contactPersons = write;
            return this;
        }

        /**
         * The settings.
         *
         * @throws ConfigurationException naming every missing or invalid setting
         */
        public BusinessCentralSettings build() {
            boolean v1 = apiVersion == ApiVersion.V1_0;
            PostingGroups groups = new PostingGroups(Optional.ofNullable(customerPostingGroup), Optional.ofNullable(genBusPostingGroup),
                    Optional.ofNullable(vatBusPostingGroupCode), Optional.ofNullable(genProdPostingGroup),
                    Optional.ofNullable(vatProdPostingGroup), Optional.ofNullable(inventoryPostingGroup));
            return new BusinessCentralSettings(deployment, company, apiHost, loginHost, overlap, batchSize, currency,
                    new CustomerDefaults(Optional.ofNullable(paymentTerms), Optional.ofNullable(paymentMethod),
                            Optional.ofNullable(shipmentMethod), Optional.ofNullable(vatBusinessPostingGroup)),
                    new Bookkeeping(homeCountry, taxCodes, shippingAccounts, paymentJournals),
                    pictures == null ? !v1 : pictures, picturesOnUpdate, contactPersons == null ? !v1 : contactPersons, apiVersion,
                    Optional.ofNullable(customApi), groups, connection());
        }
    }
}

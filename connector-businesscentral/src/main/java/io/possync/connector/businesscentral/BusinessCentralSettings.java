package io.possync.connector.businesscentral;

import io.possync.api.ConfigurationException;
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
 * BusinessCentralSettings cloud = BusinessCentralSettings.builder()
 *         .cloud("contoso.onmicrosoft.com", "production", clientId, Secret.of(clientSecret))
 *         .company("CRONUS International Ltd.")
 *         .build();
 * BusinessCentralSettings onPrem = BusinessCentralSettings.builder()
 *         .onPremises(URI.create("https://bc.example.local:7048/BC240"), "SYNC", Secret.of(accessKey))
 *         .company("CRONUS International Ltd.")
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
 * @param pageSize      rows per page requested with {@code Prefer: odata.maxpagesize}
 * @param overlap       how far back each incremental read starts before the last change seen
 * @param batchSize     operations per {@code $batch} (at most 100)
 * @param currency      the company's local currency, for amounts Business Central states without one
 * @param requestTimeout timeout of one request
 * @param retryPolicy   how transient failures are retried
 * @param contactPersons whether a company debtor's contact person is written as a person contact (BC 18+)
 * @param timeSource    the clock and sleep for retries and token expiry
 * @param customerDefaults ERP data every new customer gets unless its mapping sets it
 * @param bookkeeping   tax codes and revenue accounts per country for document lines
 * @param pictures      whether items get their product's main image as picture
 * @param apiVersion    the standard API spoken
 * @param customApi     the custom API page route for posting groups, if the company has one
 * @param postingGroups posting groups new customers and items get through {@code customApi}
 */
public record BusinessCentralSettings(Deployment deployment, String company, URI apiHost, URI loginHost, int pageSize,
                                      Duration overlap, int batchSize, String currency, Duration requestTimeout,
                                      io.possync.api.http.RetryPolicy retryPolicy, CustomerDefaults customerDefaults,
                                      Bookkeeping bookkeeping, boolean pictures, boolean contactPersons,
                                      io.possync.api.http.TimeSource timeSource, ApiVersion apiVersion,
                                      Optional<CustomApi> customApi, PostingGroups postingGroups) {

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

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
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
    public static final class Builder {
        private Deployment deployment;
        private String company;
        private URI apiHost = URI.create("https://api.businesscentral.dynamics.com");
        private URI loginHost = URI.create("https://login.microsoftonline.com");
        private int pageSize = 1000;
        private Duration overlap = Duration.ofMinutes(5);
        private int batchSize = 100;
        private String currency = "EUR";
        private Duration requestTimeout = Duration.ofMinutes(2);
        private io.possync.api.http.TimeSource timeSource = io.possync.api.http.TimeSource.system();
        private Boolean contactPersons;
        private Boolean pictures;
        private ApiVersion apiVersion = ApiVersion.V2_0;
        private CustomApi customApi;
        private String customerPostingGroup;
        private String genBusPostingGroup;
        private String vatBusPostingGroupCode;
        private String genProdPostingGroup;
        private String vatProdPostingGroup;
        private String inventoryPostingGroup;
        private io.possync.api.http.RetryPolicy retryPolicy = io.possync.api.http.RetryPolicy.builder().maxAttempts(6)
                .initialBackoff(Duration.ofSeconds(1)).maxElapsed(Duration.ofMinutes(5)).build();

        private String paymentTerms;
        private String paymentMethod;
        private String shipmentMethod;
        private String vatBusinessPostingGroup;
        private String homeCountry = "NL";
        private final Map<String, String> taxCodes = new java.util.LinkedHashMap<>();
        private final Map<String, String> shippingAccounts = new java.util.LinkedHashMap<>();
        private final Map<String, String> paymentJournals = new java.util.LinkedHashMap<>();

        private Builder() {
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

        /** Business Central online. */
        public Builder cloud(String tenant, String environment, String clientId, Secret clientSecret) {
            this.deployment = new Cloud(tenant, environment, clientId, clientSecret);
            return this;
        }

        /** Business Central on-premises. */
        public Builder onPremises(URI serverInstanceUrl, String user, Secret accessKey) {
            this.deployment = new OnPremises(serverInstanceUrl, user, accessKey);
            return this;
        }

        /** The company's name or id. */
        public Builder company(String nameOrId) {
            this.company = nameOrId;
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

        /** Rows per page (default 1,000; Business Central allows up to 20,000). */
        public Builder pageSize(int n) {
            this.pageSize = n;
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

        /** Timeout of one request (default 2 minutes; Business Central cancels operations after 8). */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = Objects.requireNonNull(d, "requestTimeout");
            return this;
        }

        /** Whether a company debtor's contact person becomes a person contact (default true with v2.0; needs BC 18+). */
        public Builder contactPersons(boolean write) {
            this.contactPersons = write;
            return this;
        }

        /** The clock and sleep for retries and token expiry (default: the system's; benchmarks scale it). */
        public Builder timeSource(io.possync.api.http.TimeSource time) {
            this.timeSource = Objects.requireNonNull(time, "timeSource");
            return this;
        }

        /** How transient failures (429, 5xx, timeouts) are retried (default: 6 attempts from 1 s, within 5 minutes). */
        public Builder retryPolicy(io.possync.api.http.RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * The settings.
         *
         * @throws ConfigurationException naming every missing or invalid setting
         */
        public BusinessCentralSettings build() {
            List<String> problems = new ArrayList<>();
            if (deployment == null) {
                problems.add("deployment: call cloud(...) or onPremises(...)");
            } else if (deployment instanceof Cloud c) {
                blank(problems, "tenant", c.tenant());
                blank(problems, "environment", c.environment());
                blank(problems, "clientId", c.clientId());
                if (c.clientSecret() == null) {
                    problems.add("clientSecret: missing");
                }
            } else if (deployment instanceof OnPremises p) {
                if (p.serverInstanceUrl() == null) {
                    problems.add("serverInstanceUrl: missing");
                }
                blank(problems, "user", p.user());
                if (p.accessKey() == null) {
                    problems.add("accessKey: missing");
                }
            }
            blank(problems, "company", company);
            if (pageSize < 1 || pageSize > 20_000) {
                problems.add("pageSize: must be 1 to 20000, was " + pageSize);
            }
            if (batchSize < 1 || batchSize > 100) {
                problems.add("batchSize: must be 1 to 100 (Business Central's limit), was " + batchSize);
            }
            if (homeCountry == null || !homeCountry.matches("[A-Z]{2}")) {
                problems.add("homeCountry: must be an ISO 3166-1 alpha-2 code, was " + homeCountry);
            }
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                problems.add("currency: must be an ISO 4217 code, was " + currency);
            }
            boolean v1 = apiVersion == ApiVersion.V1_0;
            if (v1 && Boolean.TRUE.equals(contactPersons)) {
                problems.add("contactPersons: API v1.0 has no contacts (BC 18+, API v2.0)");
            }
            if (v1 && Boolean.TRUE.equals(pictures)) {
                problems.add("pictures: written through API v2.0 only (v1.0's picture is a collection; UNCONFIRMED how it takes content)");
            }
            if (v1 && !paymentJournals.isEmpty()) {
                problems.add("paymentJournal: payment lines are written through API v2.0 only");
            }
            PostingGroups groups = new PostingGroups(Optional.ofNullable(customerPostingGroup), Optional.ofNullable(genBusPostingGroup),
                    Optional.ofNullable(vatBusPostingGroupCode), Optional.ofNullable(genProdPostingGroup),
                    Optional.ofNullable(vatProdPostingGroup), Optional.ofNullable(inventoryPostingGroup));
            if ((groups.forCustomers() || groups.forItems()) && customApi == null) {
                problems.add("posting groups: the standard API has no posting groups; set customApi(...) to the extension's route");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(BusinessCentral.SYSTEM, "invalid settings: " + String.join("; ", problems));
            }
            return new BusinessCentralSettings(deployment, company, apiHost, loginHost, pageSize, overlap, batchSize, currency,
                    requestTimeout, retryPolicy, new CustomerDefaults(Optional.ofNullable(paymentTerms),
                    Optional.ofNullable(paymentMethod), Optional.ofNullable(shipmentMethod),
                    Optional.ofNullable(vatBusinessPostingGroup)), new Bookkeeping(homeCountry, taxCodes, shippingAccounts, paymentJournals),
                    pictures == null ? !v1 : pictures, contactPersons == null ? !v1 : contactPersons, timeSource, apiVersion,
                    Optional.ofNullable(customApi), groups);
        }

        private static void blank(List<String> problems, String name, String value) {
            if (value == null || value.isBlank()) {
                problems.add(name + ": missing");
            }
        }
    }
}

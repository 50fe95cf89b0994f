package io.possync.connector.businesscentral;

/**
 * Which of Business Central's standard APIs the connector speaks (FACTS.md §1, §2.3).
 *
 * <pre>{@code
 * BusinessCentralSettings.builder(
 *         BusinessCentralSettings.onPremises(url, user, Secret.of(key)),
 *         company).apiVersion(ApiVersion.V1_0)...
 * }</pre>
 *
 * <p>Mappings name API v2.0 fields whichever version is spoken: with v1.0 the connector converts
 * them on the wire (flat addresses to v1.0's {@code address} and postal-address objects, a line's
 * {@code lineObjectNumber} to the item's or account's id, {@code in} filters to {@code or} chains).
 */
public enum ApiVersion {
    /** API v2.0: Business Central 17 and later (the default). */
    V2_0("v2.0"),
    /**
     * API v1.0: Business Central 14 to 16 (also served by 17–27, removed in 28). It has no contacts,
     * no pictures as one object and no payment journals as this connector writes them, so those are
     * off; whether BC 14's v1.0 has {@code itemVariants} is UNCONFIRMED (FACTS.md §2.3).
     */
    V1_0("v1.0");

    private final String segment;

    ApiVersion(String segment) {
        this.segment = segment;
    }

    /** The path segment after {@code /api/}, e.g. {@code v2.0}. */
    public String segment() {
        return segment;
    }
}

package io.possync.connector.businesscentral;

import io.possync.api.ConfigurationException;

import java.util.List;
import java.util.Objects;

/**
 * A custom API page route, {@code /api/{publisher}/{group}/{version}}, for data the standard API
 * lacks (FACTS.md §2.4): the posting groups of customers and items, which Business Central keeps on
 * the Customer and Item tables but the standard entities do not expose.
 *
 * <pre>{@code
 * // AL, in the extension installed next to the connector:
 * //   page 50100 "PossyncCustomerPosting" { PageType = API; APIPublisher = 'contoso'; APIGroup = 'possync';
 * //     APIVersion = 'v1.0'; EntitySetName = 'customerPostingGroups'; SourceTable = Customer;
 * //     ODataKeyFields = SystemId; fields id (SystemId), number, customerPostingGroup,
 * //     genBusPostingGroup, vatBusPostingGroup, customerPriceGroup }   — and 'itemPostingGroups' on Item with
 * //     genProdPostingGroup, vatProdPostingGroup, inventoryPostingGroup, longDescription
 * BusinessCentralSettings.builder(deployment, company)
 *         .customApi(new CustomApi("contoso", "possync", "v1.0"))
 *         .customerPostingGroup("BINNENLAND").genBusPostingGroup("BINNENLAND")
 *         .build();
 * }</pre>
 *
 * <p>The page's entity sets are addressed by the standard record's id (its {@code SystemId}), so a
 * customer just created through the standard API gets its posting groups by one {@code PATCH} on
 * {@code customerPostingGroups({id})}. Custom pages before BC 24 default to schema version 1.0, so
 * every request carries {@code $schemaversion=2.0} (FACTS.md §4.6).
 *
 * @param publisher        the page's {@code APIPublisher}
 * @param group            its {@code APIGroup}
 * @param version          its {@code APIVersion} ({@code beta} or {@code vX.Y})
 * <p>Fields a partner's table extensions add to customers or items ride on the same pages under their own names: name
 * them with {@link #withCustomerFields} and {@link #withItemFields}, and they are read into a record's
 * {@code customFields} and written from a mapped {@code customFields} object.
 *
 * @param customerEntitySet the entity set over customers (default {@code customerPostingGroups})
 * @param itemEntitySet     the entity set over items (default {@code itemPostingGroups})
 * @param customerFields    the customer page's extension fields read into {@code customFields}
 * @param itemFields        the item page's extension fields read into {@code customFields}
 * @param variantStock      whether the route also has the variant stock pages ({@link #withVariantStock})
 */
public record CustomApi(String publisher, String group, String version, String customerEntitySet, String itemEntitySet,
                        List<String> customerFields, List<String> itemFields, boolean variantStock) {

    /**
     * PROPOSAL (the connector README, "Stock per variant"): the API page over Item Variant, keyed by its id, whose
     * {@link #VARIANT_SKU} field (added by the extension) holds the shop's SKU of the variant.
     */
    public static final String VARIANT_SKU_ENTITY_SET = "itemVariantSkus";

    /** PROPOSAL: the Item Variant extension field with the shop's SKU, written by the products flow. */
    public static final String VARIANT_SKU = "sku";

    /**
     * PROPOSAL: the API query summing Item Ledger Entry quantities per item and variant, with the columns {@code itemNumber},
     * {@code variantCode}, {@code sku} (the variant's {@link #VARIANT_SKU}, or the item number on the item's own row) and
     * {@code quantity}.
     */
    public static final String STOCK_ENTITY_SET = "itemStockLevels";

    /**
     * PROPOSAL (the connector README, "Posting groups through a custom API route"): the field of the item page
     * that holds the item's long description, which the partner extension adds to the Item table. Change it here
     * if your extension names it otherwise.
     */
    public static final String ITEM_LONG_DESCRIPTION = "longDescription";

    /**
     * PROPOSAL (the connector README): the field of the customer page that holds the Customer table's
     * {@code Customer Price Group} (the standard API has none). Change it here if your extension names it otherwise.
     */
    public static final String CUSTOMER_PRICE_GROUP = "customerPriceGroup";

    /** Checks the route's parts. */
    public CustomApi {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        if (!version.equals("beta") && !version.matches("v\\d+\\.\\d+")) {
            throw new ConfigurationException("businesscentral.customApi.version", "must be 'beta' or 'vX.Y', was '" + version + "'");
        }
        if (!publisher.matches("[A-Za-z0-9]+") || !group.matches("[A-Za-z0-9]+")) {
            throw new ConfigurationException("businesscentral.customApi", "publisher and group are letters and digits, were '"
                    + publisher + "' and '" + group + "'");
        }
        Objects.requireNonNull(customerEntitySet, "customerEntitySet");
        Objects.requireNonNull(itemEntitySet, "itemEntitySet");
        customerFields = List.copyOf(customerFields);
        itemFields = List.copyOf(itemFields);
        for (String field : concat(customerFields, itemFields)) {
            if (!field.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigurationException("businesscentral.customApi.fields", "an OData property name is letters, digits and"
                        + " underscores, was '" + field + "'");
            }
        }
    }

    /** The route with the default entity sets {@code customerPostingGroups} and {@code itemPostingGroups}. */
    public CustomApi(String publisher, String group, String version) {
        this(publisher, group, version, "customerPostingGroups", "itemPostingGroups", List.of(), List.of(), false);
    }

    /**
     * This route whose customer page also carries {@code fields}, extension fields read into a customer's
     * {@code customFields}: {@code new CustomApi("contoso", "possync", "v1.0").withCustomerFields("loyaltyTier")}.
     */
    public CustomApi withCustomerFields(String... fields) {
        return new CustomApi(publisher, group, version, customerEntitySet, itemEntitySet, List.of(fields), itemFields, variantStock);
    }

    /** This route whose item page also carries {@code fields}, extension fields read into a product's {@code customFields}. */
    public CustomApi withItemFields(String... fields) {
        return new CustomApi(publisher, group, version, customerEntitySet, itemEntitySet, customerFields, List.of(fields), variantStock);
    }

    /**
     * This route with the variant stock pages ({@link #VARIANT_SKU_ENTITY_SET}, {@link #STOCK_ENTITY_SET}): item variants
     * the items sink writes get their SKU on the variant page, and the stock source reads stock per item and variant, each
     * variant's level under its SKU — so a configurable product's variants' stock moves, which the standard API (an item's
     * total only) cannot do: {@code new CustomApi("contoso", "possync", "v1.0").withVariantStock()}.
     */
    public CustomApi withVariantStock() {
        return new CustomApi(publisher, group, version, customerEntitySet, itemEntitySet, customerFields, itemFields, true);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** {@code publisher/group/version}, the part after {@code /api/}. */
    public String route() {
        return publisher + "/" + group + "/" + version;
    }
}

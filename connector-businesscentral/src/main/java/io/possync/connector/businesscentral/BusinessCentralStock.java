package io.possync.connector.businesscentral;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.UpdateSink;
import io.possync.api.http.ApiRequest;
import io.possync.api.internal.Unreadable;
import io.possync.connector.businesscentral.internal.BusinessCentralConverters;
import io.possync.connector.businesscentral.internal.EntityEndpoint;
import io.possync.connector.businesscentral.internal.BusinessCentralSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stock in Business Central through the standard API: each item's total {@code inventory} across
 * all locations (the standard API exposes no stock per location or variant — FACTS.md §3.12).
 *
 * <p>As a source it reads every item's inventory on each run: posting stock does not change an
 * item's {@code lastModifiedDateTime} (FACTS.md §3.4), so no incremental filter can see it; the
 * engine drops unchanged levels by hash, so only changes are written. As a sink it PATCHes
 * {@code inventory}, which makes Business Central post an item journal adjustment for the
 * difference (the one documented way to write stock; blank location and variant).
 *
 * <p>With a custom route that has the variant stock pages ({@link CustomApi#withVariantStock()}, a PROPOSAL), the source
 * reads stock per item and variant from the route's stock query instead: each variant's level under its SKU.
 *
 * <pre>{@code
 * Flow.stock("erp-stock-to-pos").from(businessCentral.stock()).to(lightspeed.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class BusinessCentralStock extends BusinessCentralCapability<StockLevel>
        implements StockSource, UpdateSink<StockLevel> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("businesscentral stock")
            .field(MappableField.number("inventory").alwaysWritten().describe("quantity on hand over all locations"), "quantity")
            .build();

    private final boolean variantStock;

    BusinessCentralStock(BusinessCentralSession session) {
        super(session, new EntityEndpoint.Shape<>("items", "item", EntityType.STOCK_LEVEL, Map.of(KeyType.SKU, "number"),
                Optional.empty(), Optional.empty(), "number", BusinessCentralConverters::stock));
        this.variantStock = session.settings().customApi().filter(CustomApi::variantStock).isPresent();
    }

    /** No: the standard API gives an item's inventory only. */
    @Override
    public boolean knowsReservations() {
        return false;
    }
    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        if (variantStock) {
            return variantStockSince(cursor, limit);
        }
        String prefer = "odata.maxpagesize=" + Math.min(limit, session.settings().connection().pageSize());
        JsonNode page = cursor.isInitial()
                ? session.read(ApiRequest.get(session.companyPath() + "/items").header("Prefer", prefer)
                        .query("$select", "id,number,inventory,lastModifiedDateTime").query("$orderby", "number asc").build())
                : session.read(ApiRequest.get(cursor.value()).header("Prefer", prefer).build());
        List<StockLevel> levels = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        int position = 0;
        for (JsonNode row : page.path("value")) {
            position++;
            if (row.has("inventory")) {
                try {
                    levels.add(BusinessCentralConverters.stock(row));
                } catch (RuntimeException e) {
                    String sku = row.path("number").isValueNode() ? row.path("number").asText("") : "";
                    unreadable.add(Unreadable.record(new Ref(BusinessCentral.SYSTEM, EntityType.STOCK_LEVEL,
                            sku.isBlank() ? EntityEndpoint.rowId(row, position) : sku + "@ALL"), e));
                }
            }
        }
        String next = page.path("@odata.nextLink").asText("");
        // After the last page the cursor returns to the start: the next run reads all inventory again.
        return next.isEmpty() ? new Page<>(levels, unreadable, Cursor.initial(), false)
                : new Page<>(levels, unreadable, Cursor.of(next), true);
    }

    /**
     * Stock per item and variant from the custom route's stock query (PROPOSAL, {@link CustomApi#STOCK_ENTITY_SET}): an
     * item's own row under its number, each variant's under the SKU the items sink put on the variant page. Read whole on
     * each run, as the item totals are.
     */
    private Page<StockLevel> variantStockSince(Cursor cursor, int limit) {
        String prefer = "odata.maxpagesize=" + Math.min(limit, session.settings().connection().pageSize());
        JsonNode page = cursor.isInitial()
                ? session.read(ApiRequest.get(stockQuery()).header("Prefer", prefer).query("$schemaversion", "2.0").build())
                : session.read(ApiRequest.get(cursor.value()).header("Prefer", prefer).build());
        List<StockLevel> levels = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        readLevels(page, levels, unreadable);
        String next = page.path("@odata.nextLink").asText("");
        return next.isEmpty() ? new Page<>(levels, unreadable, Cursor.initial(), false)
                : new Page<>(levels, unreadable, Cursor.of(next), true);
    }

    private void readLevels(JsonNode page, List<StockLevel> levels, List<RecordRejectedException> unreadable) {
        java.time.Instant now = session.settings().connection().timeSource().now();
        for (JsonNode row : page.path("value")) {
            String item = row.path("itemNumber").asText("");
            String variant = row.path("variantCode").asText("");
            String sku = variant.isBlank() ? item : row.path("sku").asText("");
            Ref ref = new Ref(BusinessCentral.SYSTEM, EntityType.STOCK_LEVEL, (sku.isBlank() ? item + "/" + variant : sku) + "@ALL");
            if (sku.isBlank()) {
                unreadable.add(RecordRejectedException.builder("variant " + variant + " of item " + item + " has no SKU on the custom route's "
                        + CustomApi.VARIANT_SKU_ENTITY_SET + " page (the items sink writes it when it writes the variant), so its stock"
                        + " cannot be matched to a product").record(ref).fieldPath(CustomApi.VARIANT_SKU).build());
            } else if (!row.path("quantity").isNumber()) {
                unreadable.add(Unreadable.record(ref, new IllegalArgumentException("quantity is not a number: " + row.path("quantity"))));
            } else {
                java.math.BigDecimal quantity = row.path("quantity").decimalValue();
                levels.add(new StockLevel(ref, sku, "ALL", quantity, java.math.BigDecimal.ZERO, quantity, now, Optional.of(row)));
            }
        }
    }

    private String stockQuery() {
        return session.settings().customApiRoot().orElseThrow() + session.companyPath() + "/" + CustomApi.STOCK_ENTITY_SET;
    }

    @Override
    public Optional<StockLevel> fetch(String id) {
        String sku = id.endsWith("@ALL") ? id.substring(0, id.length() - 4) : id;
        if (variantStock) {
            List<StockLevel> levels = new ArrayList<>();
            readLevels(session.read(ApiRequest.get(stockQuery()).query("$schemaversion", "2.0")
                    .query("$filter", "sku eq " + BusinessCentralSession.literal(sku)).build()), levels, new ArrayList<>());
            return levels.stream().findFirst();
        }
        JsonNode page = session.read(ApiRequest.get(session.companyPath() + "/items")
                .query("$filter", "number eq " + BusinessCentralSession.literal(sku))
                .query("$select", "id,number,inventory,lastModifiedDateTime").build());
        for (JsonNode row : page.path("value")) {
            return Optional.of(BusinessCentralConverters.stock(row));
        }
        return Optional.empty();
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU);
    }
}

package io.possync.connector.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.BatchLookupSink;
import io.possync.api.ConfigurationException;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.KeyType;
import io.possync.api.MappedRecord;
import io.possync.api.MappableField;
import io.possync.api.MappingDefaults;
import io.possync.api.NaturalKey;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.UpdateSink;
import io.possync.connector.lightspeed.internal.ChangeFeed;
import io.possync.connector.lightspeed.internal.InFilter;
import io.possync.connector.lightspeed.internal.ItemLookup;
import io.possync.connector.lightspeed.internal.Lenient;
import io.possync.connector.lightspeed.internal.LightspeedRetailConverters;
import io.possync.connector.lightspeed.internal.LightspeedRetailSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock in Lightspeed Retail: each item's quantity on hand per shop ({@code ItemShop}).
 *
 * <p>As a source it reads ItemShops changed since the last run, one stock level per item and shop
 * (location = the shop id); the {@code shopID 0} record, Lightspeed's sum over all shops, is never
 * read, so nothing is counted twice. R-Series exposes no reserved quantity, so reserved is zero and
 * available equals on hand. As an update-only sink it sets the quantity on hand of the item with the
 * level's SKU in one shop: the level's location when that is a shop id, else the settings' stock
 * shop, else the account's only shop.
 *
 * <pre>{@code
 * Flow.stock("erp-stock-to-pos").from(businessCentral.stock()).to(lightspeed.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class LightspeedStock extends LightspeedRetailCapability implements StockSource, UpdateSink<StockLevel>, BatchLookupSink<StockLevel> {

    private static final MappingDefaults DEFAULTS = MappingDefaults.builder("lightspeed stock")
            .field(MappableField.number("qoh").alwaysWritten().describe("quantity on hand in the settings' stock shop"), "quantity")
            .build();

    private final ChangeFeed<StockLevel> feed;
    private final ItemLookup lookup;
    /** itemID → (shopID → itemShopID), learned from lookups. */
    private final Map<String, Map<String, String>> itemShops = new ConcurrentHashMap<>();

    LightspeedStock(LightspeedRetailSession session) {
        super(session);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("shopID", session.settings().shopIds().isEmpty() ? ">,0"
                : InFilter.of(new ArrayList<>(session.settings().shopIds())));
        this.feed = new ChangeFeed<>(session, "ItemShop", "itemShopID", EntityType.STOCK_LEVEL, filters, List.of("Item"), row ->
                Lenient.id(row, "shopID").isPresent() ? List.of(LightspeedRetailConverters.itemShop(row)) : List.of());
        this.lookup = new ItemLookup(session);
    }

    /** No: an R-Series ItemShop has no reserved quantity (its backorder counts customer orders awaiting stock). */
    @Override
    public boolean knowsReservations() {
        return false;
    }
    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        return feed.read(cursor, limit);
    }

    @Override
    public Optional<StockLevel> fetch(String id) {
        return session.get("ItemShop", id, List.of("Item")).map(LightspeedRetailConverters::itemShop);
    }

    @Override
    public MappingDefaults defaultMapping() {
        return DEFAULTS;
    }

    @Override
    public Set<KeyType> supportedKeys() {
        return Set.of(KeyType.SKU);
    }

    @Override
    public Map<NaturalKey, Ref> findAll(Collection<NaturalKey> keys) {
        List<String> skus = keys.stream().filter(k -> k.type() == KeyType.SKU).map(NaturalKey::value).distinct().toList();
        Map<NaturalKey, Ref> out = new LinkedHashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        Map<String, JsonNode> found = lookup.by("customSku", skus, List.of("ItemShops"));
        for (NaturalKey key : keys) {
            JsonNode item = found.get(key.value().toLowerCase(Locale.ROOT));
            if (item != null) {
                String itemId = Lenient.text(item, "itemID").orElseThrow();
                Map<String, String> shops = new ConcurrentHashMap<>();
                for (JsonNode s : Lenient.list(item.path("ItemShops"), "ItemShop")) {
                    Lenient.id(s, "shopID").ifPresent(shop -> shops.put(shop, Lenient.text(s, "itemShopID").orElseThrow()));
                }
                itemShops.put(itemId, shops);
                out.put(key, new Ref(LightspeedRetail.SYSTEM, EntityType.STOCK_LEVEL, itemId));
            }
        }
        return out;
    }

    @Override
    public Ref update(Ref target, MappedRecord<StockLevel> record) {
        Map<String, String> shops = itemShops.get(target.id());
        if (shops == null) {
            NaturalKey key = NaturalKey.sku(record.record().sku());
            findAll(List.of(key));
            shops = itemShops.getOrDefault(target.id(), Map.of());
        }
        String shop = shopFor(record.record(), shops);
        String itemShopId = shops.get(shop);
        if (itemShopId == null) {
            throw RecordRejectedException.builder("item " + record.record().sku() + " has no stock record in shop " + shop)
                    .record(record.sourceRef()).fieldPath("location").build();
        }
        if (!record.fields().hasNonNull("qoh")) {
            throw RecordRejectedException.builder("the mapping gave no qoh for " + record.record().sku())
                    .record(record.sourceRef()).fieldPath("qoh").build();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("ItemShops").putArray("ItemShop").addObject()
                .put("itemShopID", itemShopId).put("qoh", record.fields().get("qoh").decimalValue().stripTrailingZeros().toPlainString());
        session.update("Item", target.id(), body);
        return target;
    }

    private String shopFor(StockLevel level, Map<String, String> shops) {
        if (shops.containsKey(level.location())) {
            return level.location();
        }
        Optional<String> configured = session.settings().stockShopId();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (shops.size() == 1) {
            return shops.keySet().iterator().next();
        }
        throw new ConfigurationException(LightspeedRetail.SYSTEM, "stock location '" + level.location() + "' is not a Lightspeed shop id and the"
                + " account has " + shops.size() + " shops; set stockShop in the settings");
    }
}

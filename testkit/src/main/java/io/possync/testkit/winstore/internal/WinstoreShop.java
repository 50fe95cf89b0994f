package io.possync.testkit.winstore.internal;

import io.possync.api.http.TimeSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data behind the Winstore sandbox: suppliers, articles with their variants, stock per GTIN and
 * warehouse, and the orders posted. Records are kept as ordered maps of typed values (text, whole and
 * decimal numbers, booleans, nested lists), in the element order of the answers. Synchronized by the sandbox.
 */
public final class WinstoreShop {

    /** The most variants an article may have (an integrator's statement of Winstore's limit). */
    public static final int MAX_VARIANTS = 30;

    private static final java.time.format.DateTimeFormatter ATOM = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final TimeSource time;
    private final ZoneId zone;
    private final AtomicLong nextArticleKey = new AtomicLong(100);
    private final AtomicLong nextOrderId = new AtomicLong(700_000);
    private final Map<Long, String> suppliers = new TreeMap<>();
    private final Map<Long, Map<String, Object>> articles = new TreeMap<>();
    /** gtin → warehouse → row. */
    private final Map<String, Map<Integer, Map<String, Object>>> stock = new TreeMap<>();
    private final Map<String, Map<String, Object>> orders = new LinkedHashMap<>();

    public WinstoreShop(TimeSource time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The current time, whole seconds, as Winstore writes {@code modified}. */
    public String now() {
        return ATOM.format(time.now().truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** The current local time as an order's {@code orderdate} has it. */
    public String localNow() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(time.now().atZone(zone));
    }

    public void supplier(long id, String name) {
        suppliers.put(id, name);
    }

    public Map<Long, String> suppliers() {
        return suppliers;
    }

    /** Adds an article from {@code fields} (see {@code WinstoreSandbox.seedArticle}); returns its key. */
    public long addArticle(Map<String, ?> fields) {
        long key = nextArticleKey.incrementAndGet();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("artkey", key);
        a.put("artnr", String.valueOf(fields.get("artnr")));
        a.put("gtin", fields.containsKey("gtin") ? fields.get("gtin") : null);
        a.put("description", fields.get("description"));
        for (String name : List.of("description_long", "brand")) {
            if (fields.containsKey(name)) {
                a.put(name, fields.get(name));
            }
        }
        BigDecimal incl = new BigDecimal(String.valueOf(fields.containsKey("price_incl") ? fields.get("price_incl") : "0"));
        BigDecimal rate = new BigDecimal(String.valueOf(fields.containsKey("vat_rate") ? fields.get("vat_rate") : "21"));
        a.put("price_incl", incl);
        a.put("price_excl", incl.multiply(BigDecimal.valueOf(100)).divide(rate.add(BigDecimal.valueOf(100)), 2, java.math.RoundingMode.HALF_UP));
        a.put("vat_rate", rate.stripTrailingZeros().scale() <= 0 ? rate.toBigInteger() : rate);
        long supplier = Long.parseLong(String.valueOf(fields.containsKey("supplier_id") ? fields.get("supplier_id") : suppliers.keySet().stream().findFirst().orElse(1L)));
        suppliers.putIfAbsent(supplier, "Supplier " + supplier);
        a.put("supplier_id", supplier);
        a.put("supplier_name", suppliers.get(supplier));
        a.put("group", fields.containsKey("group") ? fields.get("group") : null);
        a.put("modified", now());
        a.put("active", !fields.containsKey("active") || Boolean.parseBoolean(String.valueOf(fields.get("active"))));
        if (fields.get("image_url") != null) {
            a.put("image_url", fields.get("image_url"));
        }
        if (fields.get("attributes") instanceof Map<?, ?> attributes && !attributes.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            attributes.forEach((n, v) -> {
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("name", String.valueOf(n));
                at.put("value", String.valueOf(v));
                list.add(at);
            });
            a.put("attributes", list);
        }
        if (fields.get("variants") instanceof List<?> variants && !variants.isEmpty()) {
            if (variants.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException("an article has at most " + MAX_VARIANTS + " variants, was " + variants.size());
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (Object o : variants) {
                Map<?, ?> v = (Map<?, ?>) o;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("gtin", String.valueOf(v.get("gtin")));
                row.put("size", v.get("size") == null ? null : String.valueOf(v.get("size")));
                row.put("colour", v.get("colour") == null ? null : String.valueOf(v.get("colour")));
                row.put("price_incl", v.get("price_incl") == null ? null : new BigDecimal(String.valueOf(v.get("price_incl"))));
                row.put("active", v.get("active") == null || Boolean.parseBoolean(String.valueOf(v.get("active"))));
                list.add(row);
            }
            a.put("variants", list);
        }
        articles.put(key, a);
        return key;
    }

    /** Changes one field of an article and its {@code modified}. */
    public void modifyArticle(long key, String field, Object value) {
        Map<String, Object> a = article(key);
        a.put(field, value);
        a.put("modified", now());
    }

    /** Sets the whole article list's {@code modified} to now, one instant (for a test of equal time stamps). */
    public Map<String, Object> article(long key) {
        Map<String, Object> a = articles.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no article " + key);
        }
        return a;
    }

    public List<Map<String, Object>> articles() {
        return new ArrayList<>(articles.values());
    }

    /** The GTINs an article is sold under: its variants', else its own. */
    public List<String> gtins(Map<String, Object> a) {
        List<String> out = new ArrayList<>();
        if (a.get("variants") instanceof List<?> variants) {
            variants.forEach(v -> out.add(String.valueOf(((Map<?, ?>) v).get("gtin"))));
        } else if (a.get("gtin") != null) {
            out.add(String.valueOf(a.get("gtin")));
        }
        return out;
    }

    /** The article holding {@code gtin} (its own or a variant's), or with article number {@code gtin}. */
    public Optional<Map<String, Object>> articleOf(String productId) {
        return articles.values().stream().filter(a -> gtins(a).contains(productId) || productId.equals(a.get("artnr"))).findFirst();
    }

    /** Sets the stock of {@code gtin} in {@code warehouse}. */
    public void setStock(String gtin, int warehouse, BigDecimal quantity, BigDecimal reserved) {
        Map<String, Object> a = articleOf(gtin).orElseThrow(() -> new IllegalArgumentException("no article sold under " + gtin));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("artkey", a.get("artkey"));
        row.put("gtin", gtin);
        row.put("warehouse", warehouse);
        row.put("quantity", quantity);
        row.put("reserved", reserved);
        row.put("available", quantity.subtract(reserved));
        row.put("modified", now());
        stock.computeIfAbsent(gtin, g -> new TreeMap<>()).put(warehouse, row);
    }

    /** Every stock row, per GTIN and warehouse. */
    public List<Map<String, Object>> stockRows() {
        List<Map<String, Object>> out = new ArrayList<>();
        stock.values().forEach(w -> out.addAll(w.values()));
        return out;
    }

    /** The rows of one GTIN summed over its warehouses (no {@code warehouse}), {@code modified} the latest. */
    public Map<String, Object> total(String gtin) {
        Map<Integer, Map<String, Object>> rows = stock.getOrDefault(gtin, Map.of());
        Map<String, Object> sum = new LinkedHashMap<>();
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        String modified = "";
        Object key = null;
        for (Map<String, Object> row : rows.values()) {
            key = row.get("artkey");
            q = q.add((BigDecimal) row.get("quantity"));
            r = r.add((BigDecimal) row.get("reserved"));
            modified = ((String) row.get("modified")).compareTo(modified) > 0 ? (String) row.get("modified") : modified;
        }
        sum.put("artkey", key);
        sum.put("gtin", gtin);
        sum.put("quantity", q);
        sum.put("reserved", r);
        sum.put("available", q.subtract(r));
        sum.put("modified", modified);
        return sum;
    }

    public java.util.Set<String> stockedGtins() {
        return stock.keySet();
    }

    public Optional<Map<String, Object>> order(String number) {
        return Optional.ofNullable(orders.get(number));
    }

    /** Keeps an order (posted, or entered at the till); returns Winstore's number for it. */
    public long addOrder(Map<String, Object> order) {
        long id = nextOrderId.incrementAndGet();
        order.put("orderid", id);
        order.put("status", "new");
        order.putIfAbsent("source", "api");
        order.put("modified", now());
        orders.put(String.valueOf(order.get("ordernr")), order);
        return id;
    }

    /** Sets an order's status; its {@code modified} moves to now. */
    public void setStatus(String ordernr, String status) {
        Map<String, Object> order = orders.get(ordernr);
        if (order == null) {
            throw new IllegalArgumentException("no order " + ordernr);
        }
        order.put("status", status);
        order.put("modified", now());
    }

    public List<Map<String, Object>> orders() {
        return new ArrayList<>(orders.values());
    }

    /** {@code rows} changed at or after {@code since}, oldest first, at most {@code max} — never cut inside one instant. */
    public static List<Map<String, Object>> changedSince(List<Map<String, Object>> rows, Instant since, int max, String keyField) {
        List<Map<String, Object>> changed = new ArrayList<>(rows.stream()
                .filter(r -> !java.time.OffsetDateTime.parse((String) r.get("modified")).toInstant().isBefore(since)).toList());
        changed.sort(Comparator.comparing((Map<String, Object> r) -> java.time.OffsetDateTime.parse((String) r.get("modified")).toInstant())
                .thenComparing(r -> String.valueOf(r.get(keyField))));
        if (changed.size() <= max) {
            return changed;
        }
        int end = max;
        Object last = java.time.OffsetDateTime.parse((String) changed.get(max - 1).get("modified")).toInstant();
        while (end < changed.size() && java.time.OffsetDateTime.parse((String) changed.get(end).get("modified")).toInstant().equals(last)) {
            end++;
        }
        return changed.subList(0, end);
    }
}

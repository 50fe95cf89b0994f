package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock per item and variant on a partner extension's custom route, as connector-businesscentral's README proposes it (a
 * PROPOSAL): {@code itemVariantSkus}, an API page over Item Variant keyed by its id with the extension's {@code sku} field
 * (the shop's SKU of the variant), and {@code itemStockLevels}, an API query summing Item Ledger Entry quantities per item
 * and variant ({@code itemNumber}, {@code variantCode}, {@code sku}, {@code quantity}; the item's own row has a blank
 * variant code and the item number as SKU), paged with {@code @odata.nextLink} like any API query.
 */
public final class VariantStockPages {

    private static final Pattern PATH = Pattern.compile("companies\\(([^)]+)\\)/(itemVariantSkus|itemStockLevels)(?:\\(([^)]+)\\))?");

    private final SandboxApi api;
    private final String companyId;
    private final int pageSize;
    private final java.util.function.Supplier<String> routeRoot;
    private final Map<String, String> skus = new LinkedHashMap<>();
    private final Map<String, Long> quantities = new LinkedHashMap<>();

    /** @param routeRoot the custom route's absolute root, ending in {@code /}, for next links */
    public VariantStockPages(SandboxApi api, String companyId, int pageSize, java.util.function.Supplier<String> routeRoot) {
        this.api = api;
        this.companyId = companyId;
        this.pageSize = pageSize;
        this.routeRoot = routeRoot;
    }

    /** Whether {@code path} (relative to the route's root) is one of these pages. */
    public static boolean serves(String path) {
        return PATH.matcher(path).matches();
    }

    /**
     * Stock received or sold for variant {@code code} of item {@code itemNumber} (a posted item ledger entry): the variant's
     * quantity and the item's {@code inventory} both move by {@code delta}.
     */
    public synchronized void post(String itemNumber, String code, long delta) {
        ObjectNode item = api.rows("items").stream().filter(i -> i.path("number").asText().equals(itemNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + itemNumber));
        boolean known = api.rows("itemVariants").stream().anyMatch(v -> v.path("itemNumber").asText().equals(itemNumber)
                && v.path("code").asText().equals(code));
        if (!known) {
            throw new IllegalArgumentException("item " + itemNumber + " has no variant " + code);
        }
        quantities.merge(itemNumber + "/" + code, delta, Long::sum);
        api.modify("items", item.path("id").asText(), "inventory",
                JsonNodeFactory.instance.numberNode(item.path("inventory").asLong() + delta));
    }

    /** The stock of variant {@code code} of item {@code itemNumber}. */
    public synchronized long quantity(String itemNumber, String code) {
        return quantities.getOrDefault(itemNumber + "/" + code, 0L);
    }

    public synchronized SandboxApi.Response handle(String method, String path, Map<String, String> query, Map<String, String> headers,
                                                   JsonNode body) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return SandboxApi.error(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + path + "'.");
        }
        if (!m.group(1).equals(companyId)) {
            return SandboxApi.error(404, "Internal_CompanyNotFound", "The company does not exist.");
        }
        if (m.group(2).equals("itemStockLevels")) {
            if (!method.equals("GET") || m.group(3) != null) {
                return SandboxApi.error(405, "BadRequest_MethodNotAllowed", "'" + method + "' requests for 'itemStockLevels' are not allowed.");
            }
            return stockLevels(path, query, headers);
        }
        if (m.group(3) == null) {
            return SandboxApi.error(405, "BadRequest_MethodNotAllowed", "'" + method + "' requests for 'itemVariantSkus' are not allowed.");
        }
        String id = m.group(3);
        Optional<ObjectNode> variant = api.rows("itemVariants").stream().filter(v -> v.path("id").asText().equals(id)).findFirst();
        if (variant.isEmpty()) {
            return SandboxApi.error(404, "Internal_RecordNotFound", "The Item Variant does not exist.");
        }
        if (method.equals("PATCH")) {
            if (headers.get("if-match") == null) {
                return SandboxApi.error(400, "Application_MissingIfMatchHeader", "The request requires an If-Match header.");
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
                if (!e.getKey().equals("sku")) {
                    return SandboxApi.error(400, "BadRequest_PropertyNotFound", "The property '" + e.getKey()
                            + "' does not exist on type 'Microsoft.NAV.itemVariantSku'.");
                }
                if (e.getValue().asText().length() > 50) {
                    return SandboxApi.error(400, "Application_StringExceededLength", "The length of the string is "
                            + e.getValue().asText().length() + ", but it must be less than or equal to 50 characters.");
                }
                skus.put(id, e.getValue().asText());
            }
        } else if (!method.equals("GET")) {
            return SandboxApi.error(405, "BadRequest_MethodNotAllowed", "'" + method + "' requests for 'itemVariantSkus' are not allowed.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", id).put("itemNumber", variant.get().path("itemNumber").asText())
                .put("code", variant.get().path("code").asText()).put("sku", skus.getOrDefault(id, ""));
        return new SandboxApi.Response(200, Map.of(), out);
    }

    private SandboxApi.Response stockLevels(String path, Map<String, String> query, Map<String, String> headers) {
        List<ObjectNode> rows = new ArrayList<>();
        for (ObjectNode item : api.rows("items")) {
            String number = item.path("number").asText();
            long ofVariants = 0;
            for (ObjectNode v : api.rows("itemVariants")) {
                if (v.path("itemNumber").asText().equals(number)) {
                    long q = quantity(number, v.path("code").asText());
                    ofVariants += q;
                    rows.add(JsonNodeFactory.instance.objectNode().put("itemNumber", number).put("variantCode", v.path("code").asText())
                            .put("sku", skus.getOrDefault(v.path("id").asText(), "")).put("quantity", q));
                }
            }
            rows.add(JsonNodeFactory.instance.objectNode().put("itemNumber", number).put("variantCode", "").put("sku", number)
                    .put("quantity", item.path("inventory").asLong() - ofVariants));
        }
        if (query.containsKey("$filter")) {
            java.util.function.Predicate<JsonNode> filter = ODataFilter.parse(query.get("$filter"));
            rows.removeIf(r -> !filter.test(r));
        }
        int size = pageSize;
        String prefer = headers.getOrDefault("prefer", "");
        Matcher max = Pattern.compile("odata.maxpagesize=(\\d+)").matcher(prefer);
        if (max.find()) {
            size = Math.min(size, Integer.parseInt(max.group(1)));
        }
        int from = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode value = out.putArray("value");
        rows.subList(Math.min(from, rows.size()), Math.min(from + size, rows.size())).forEach(value::add);
        if (from + size < rows.size()) {
            StringBuilder next = new StringBuilder(routeRoot.get()).append(path).append("?$schemaversion=2.0");
            query.forEach((k, v) -> {
                if (!k.equals("$skiptoken") && !k.equals("$schemaversion")) {
                    next.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            out.put("@odata.nextLink", next.append("&$skiptoken=").append(from + size).toString());
        }
        return new SandboxApi.Response(200, Map.of(), out);
    }
}

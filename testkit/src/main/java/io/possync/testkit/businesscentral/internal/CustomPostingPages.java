package io.possync.testkit.businesscentral.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two custom API pages as a partner extension would publish them (connector-businesscentral/FACTS.md §2.4: {@code PageType =
 * API}, {@code ODataKeyFields = SystemId}): {@code customerPostingGroups} over the Customer table and
 * {@code itemPostingGroups} over the Item table, each row keyed by the standard record's id, with the
 * posting-group fields the standard API does not expose, the customer's price group, on items the long description
 * the extension adds, and the extension fields the sandbox was built with (texts of up to 250 characters). Codes are checked against the company's
 * posting groups; {@code PATCH} needs {@code If-Match}; a JSON {@code $batch} at the route's root.
 */
public final class CustomPostingPages {

    private static final Pattern PATH = Pattern.compile("companies\\(([^)]+)\\)/(\\w+)(?:\\(([^)]+)\\))?");
    private static final Map<String, String> TABLE = Map.of("customerPostingGroups", "customers", "itemPostingGroups", "items");
    private static final Map<String, Map<String, Set<String>>> CODES = Map.of(
            "customerPostingGroups", Map.of("customerPostingGroup", Set.of("BINNENLAND", "EU", "EXPORT"),
                    "genBusPostingGroup", Set.of("BINNENLAND", "EU", "EXPORT"), "vatBusPostingGroup", Set.of("BINNENLAND", "EU", "EXPORT"),
                    "customerPriceGroup", Set.of("DETAIL", "GROOTHANDEL")),
            "itemPostingGroups", Map.of("genProdPostingGroup", Set.of("HANDEL", "DIENSTEN"),
                    "vatProdPostingGroup", Set.of("HOOG", "LAAG", "GEEN"), "inventoryPostingGroup", Set.of("HANDEL")));

    /** The long description the partner extension adds to the Item table (a PROPOSAL of the connector's) and its length. */
    private static final String LONG_DESCRIPTION = "longDescription";
    private static final int LONG_DESCRIPTION_MAX = 2048;

    /** An extension field's length (a partner's {@code Text[250]}). */
    private static final int EXTENSION_FIELD_MAX = 250;

    private final SandboxApi api;
    private final String companyId;
    private final Map<String, Set<String>> extensionFields;
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final VariantStockPages variantStock;

    /**
     * @param extensionFields the fields a partner's table extensions add, by table ({@code customers}, {@code items}); the
     *                        pages carry them under their own names
     */
    public CustomPostingPages(SandboxApi api, String companyId, Map<String, Set<String>> extensionFields, VariantStockPages variantStock) {
        this.api = api;
        this.companyId = companyId;
        this.extensionFields = Map.copyOf(extensionFields);
        this.variantStock = variantStock;
    }

    /** The posting groups set on the record {@code id} of {@code table} ({@code customers}, {@code items}). */
    public synchronized Optional<ObjectNode> groups(String table, String id) {
        return Optional.ofNullable(groups.get(table + "/" + id)).map(ObjectNode::deepCopy);
    }

    /** One request on the custom route (path relative to its root, query without {@code $schemaversion} needs). */
    public synchronized SandboxApi.Response handle(String method, String path, Map<String, String> headers, JsonNode body) {
        return handle(method, path, Map.of(), headers, body);
    }

    /** One request on the custom route, with its query ({@code $filter} and {@code $select} on the collection). */
    public synchronized SandboxApi.Response handle(String method, String path, Map<String, String> query, Map<String, String> headers,
                                                   JsonNode body) {
        if (VariantStockPages.serves(path)) {
            return variantStock.handle(method, path, query, headers, body);
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !TABLE.containsKey(m.group(2))) {
            return SandboxApi.error(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + path + "'.");
        }
        if (!m.group(1).equals(companyId)) {
            return SandboxApi.error(404, "Internal_CompanyNotFound", "The company does not exist.");
        }
        String page = m.group(2);
        String table = TABLE.get(page);
        if (m.group(3) == null) {
            if (!method.equals("GET")) {
                return SandboxApi.error(405, "BadRequest_MethodNotAllowed", "'" + method + "' requests for '" + page + "' are not allowed.");
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode value = out.putArray("value");
            java.util.function.Predicate<JsonNode> filter = query.containsKey("$filter")
                    ? ODataFilter.parse(query.get("$filter")) : r -> true;
            Optional<List<String>> select = Optional.ofNullable(query.get("$select")).map(q -> List.of(q.split(",")));
            for (ObjectNode r : api.rows(table)) {
                ObjectNode v = view(page, table, r);
                if (filter.test(v)) {
                    value.add(select.map(fields -> v.retain(fields)).orElse(v));
                }
            }
            return new SandboxApi.Response(200, Map.of(), out);
        }
        String id = m.group(3);
        Optional<ObjectNode> row = api.row(table, id);
        if (row.isEmpty()) {
            return SandboxApi.error(404, "Internal_RecordNotFound", "The " + table + " record does not exist.");
        }
        if (method.equals("GET")) {
            return new SandboxApi.Response(200, Map.of(), view(page, table, row.get()));
        }
        if (!method.equals("PATCH")) {
            return SandboxApi.error(405, "BadRequest_MethodNotAllowed", "'" + method + "' requests for '" + page + "' are not allowed.");
        }
        if (headers.get("if-match") == null) {
            return SandboxApi.error(400, "Application_MissingIfMatchHeader", "The request requires an If-Match header.");
        }
        ObjectNode current = groups.computeIfAbsent(table + "/" + id, k -> JsonNodeFactory.instance.objectNode());
        ObjectNode changes = body instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) changes::fields) {
            if (page.equals("itemPostingGroups") && e.getKey().equals(LONG_DESCRIPTION)) {
                if (e.getValue().asText().length() > LONG_DESCRIPTION_MAX) {
                    return SandboxApi.error(400, "Application_StringExceededLength", "The length of the string is "
                            + e.getValue().asText().length() + ", but it must be less than or equal to " + LONG_DESCRIPTION_MAX + " characters.");
                }
                continue;
            }
            if (extensionFields.getOrDefault(table, Set.of()).contains(e.getKey())) {
                if (!e.getValue().isValueNode() || e.getValue().asText().length() > EXTENSION_FIELD_MAX) {
                    return SandboxApi.error(400, "Application_StringExceededLength", "The length of the string is "
                            + e.getValue().asText().length() + ", but it must be less than or equal to " + EXTENSION_FIELD_MAX + " characters.");
                }
                continue;
            }
            Set<String> allowed = CODES.get(page).get(e.getKey());
            if (allowed == null) {
                return SandboxApi.error(400, "BadRequest_PropertyNotFound", "The property '" + e.getKey()
                        + "' does not exist on type 'Microsoft.NAV." + page.substring(0, page.length() - 1) + "'.");
            }
            if (!allowed.contains(e.getValue().asText())) {
                return SandboxApi.error(400, "Application_FieldValidationException", "The field " + e.getKey() + " of table "
                        + table + " contains a value (" + e.getValue().asText() + ") that cannot be found in the related table.");
            }
        }
        changes.fields().forEachRemaining(e -> current.set(e.getKey(), e.getValue()));
        return new SandboxApi.Response(200, Map.of(), view(page, table, row.get()));
    }

    /** A JSON {@code $batch} at the custom route's root. */
    public SandboxApi.Response batch(JsonNode body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = out.putArray("responses");
        for (JsonNode inner : body.path("requests")) {
            String url = inner.path("url").asText().replaceFirst("\\?.*$", "");
            Map<String, String> headers = new LinkedHashMap<>();
            inner.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(), h.getValue().asText()));
            SandboxApi.Response r = handle(inner.path("method").asText("GET"), url, headers,
                    inner.get("body") == null ? JsonNodeFactory.instance.objectNode() : inner.get("body"));
            ObjectNode item = responses.addObject();
            item.set("id", inner.path("id"));
            item.put("status", r.status());
            item.set("body", r.body());
        }
        return new SandboxApi.Response(200, Map.of(), out);
    }

    private ObjectNode view(String page, String table, ObjectNode row) {
        ObjectNode v = JsonNodeFactory.instance.objectNode();
        v.put("id", row.path("id").asText());
        v.put("number", row.path("number").asText());
        ObjectNode set = groups.getOrDefault(table + "/" + row.path("id").asText(), JsonNodeFactory.instance.objectNode());
        for (String field : List.copyOf(CODES.get(page).keySet())) {
            v.put(field, set.path(field).asText(""));
        }
        if (page.equals("itemPostingGroups")) {
            v.put(LONG_DESCRIPTION, set.path(LONG_DESCRIPTION).asText(""));
        }
        for (String field : extensionFields.getOrDefault(table, Set.of())) {
            v.put(field, set.path(field).asText(""));
        }
        return v;
    }
}

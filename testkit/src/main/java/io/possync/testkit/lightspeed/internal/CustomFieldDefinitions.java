package io.possync.testkit.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom fields an account defines on items and customers ({@code Item/CustomField.json},
 * {@code Customer/CustomField.json}), and the values a create or update sets through {@code CustomFieldValues}: each
 * value names its field by {@code customFieldID}, is stored with the field's name and type, and replaces the record's
 * earlier value of that field only.
 */
public final class CustomFieldDefinitions {

    private final Map<String, Map<String, String>> namesById = new LinkedHashMap<>();
    private long nextId = 1;
    private long nextValueId = 1;

    /** Defines a text field {@code name} on {@code resource} ({@code Item} or {@code Customer}); returns its id. */
    public synchronized String define(String resource, String name) {
        if (!resource.equals("Item") && !resource.equals("Customer")) {
            throw new IllegalArgumentException("custom fields are on Item or Customer, not " + resource);
        }
        String id = String.valueOf(nextId++);
        namesById.computeIfAbsent(resource, r -> new LinkedHashMap<>()).put(id, name);
        return id;
    }

    /** Whether {@code path}'s resource is a custom field list ({@code Item/CustomField}), and which. */
    public static Optional<String> listOf(String resourcePath) {
        return resourcePath.endsWith("/CustomField") ? Optional.of(resourcePath.substring(0, resourcePath.indexOf('/'))) : Optional.empty();
    }

    /** The answer of {@code GET {resource}/CustomField.json}. */
    public synchronized ObjectNode list(String resource) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Map<String, String> fields = namesById.getOrDefault(resource, Map.of());
        out.putObject("@attributes").put("count", String.valueOf(fields.size())).put("offset", "0").put("limit", "100");
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        fields.forEach((id, name) -> list.addObject().put("customFieldID", id).put("name", name).put("type", "string")
                .put("uom", "").put("decimalPrecision", "0").put("archived", "false").put("default", ""));
        if (list.size() == 1) {
            out.set("CustomField", list.get(0));
        } else if (!list.isEmpty()) {
            out.set("CustomField", list);
        }
        return out;
    }

    /**
     * {@code body} with its {@code CustomFieldValues} resolved against the definitions and merged into {@code current}'s;
     * an unknown {@code customFieldID} is a 400.
     */
    public synchronized JsonNode resolve(String resource, JsonNode body, Optional<ObjectNode> current) {
        JsonNode sent = body.path(resource).isObject() ? body.path(resource) : body;
        if (!sent.path("CustomFieldValues").isObject()) {
            return body;
        }
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        current.ifPresent(row -> elements(row.path("CustomFieldValues").path("CustomFieldValue"))
                .forEach(v -> values.put(v.path("customFieldID").asText(), (ObjectNode) v.deepCopy())));
        for (JsonNode v : elements(sent.path("CustomFieldValues").path("CustomFieldValue"))) {
            String id = v.path("customFieldID").asText();
            String name = namesById.getOrDefault(resource, Map.of()).get(id);
            if (name == null) {
                throw new RetailStore.ApiError(400, "CustomField " + id + " does not exist for " + resource);
            }
            ObjectNode stored = values.computeIfAbsent(id, k -> JsonNodeFactory.instance.objectNode()
                    .put("customFieldValueID", String.valueOf(nextValueId++)).put("customFieldID", id));
            stored.put("name", name).put("type", "string").put("value", v.path("value").asText(""));
        }
        ObjectNode resolved = ((ObjectNode) sent).deepCopy();
        ArrayNode list = resolved.putObject("CustomFieldValues").putArray("CustomFieldValue");
        values.values().forEach(list::add);
        return resolved;
    }

    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }
}

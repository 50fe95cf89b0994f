package io.possync.testkit.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shapes of Lightspeed Retail (R-Series) JSON, which is converted from XML: every scalar is a
 * string, a repeated element that occurs once is an object rather than a one-element array, a
 * contact's empty list is an empty string ({@code "Emails": ""}) and a contact without an address
 * has one blank {@code ContactAddress}.
 * The sandbox stores records in a regular form (arrays, strings) and renders them with the quirks.
 */
public final class Quirks {

    private Quirks() {
    }

    /** A copy of {@code node} with one-element arrays collapsed to their element and empty ones removed. */
    public static JsonNode render(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                JsonNode value = e.getValue();
                if (value.isArray() && value.isEmpty()) {
                    continue;
                }
                if (value.isArray() && value.size() == 1) {
                    out.set(e.getKey(), render(value.get(0)));
                } else if (isEmptyContactList(e.getKey(), value)) {
                    // Lightspeed sends a contact without e-mail addresses as "Emails": "", and one without an
                    // address (a new customer) with one blank ContactAddress.
                    out.set(e.getKey(), e.getKey().equals("Addresses") ? blankAddresses() : JsonNodeFactory.instance.textNode(""));
                } else {
                    out.set(e.getKey(), render(value));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(render(n)));
            return out;
        }
        return node;
    }

    private static boolean isEmptyContactList(String name, JsonNode value) {
        if (!name.equals("Emails") && !name.equals("Phones") && !name.equals("Websites") && !name.equals("Addresses")) {
            return false;
        }
        if (value.isTextual()) {
            return value.asText().isEmpty();
        }
        if (!value.isObject()) {
            return false;
        }
        for (JsonNode inner : value) {
            if (!(inner.isArray() && inner.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode blankAddresses() {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        ObjectNode address = wrapper.putObject("ContactAddress");
        for (String field : List.of("address1", "address2", "city", "state", "stateCode", "zip", "country", "countryCode")) {
            address.put(field, "");
        }
        return wrapper;
    }

    /**
     * A client's body in the stored form: numbers and booleans as strings, and the element lists of
     * {@code wrappers} (e.g. {@code Prices.ItemPrice}) as arrays whether sent as object or array.
     */
    public static ObjectNode normalize(JsonNode body) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.set(e.getKey(), normalizeValue(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static JsonNode normalizeValue(String name, JsonNode value) {
        if (value.isNumber() || value.isBoolean()) {
            return JsonNodeFactory.instance.textNode(value.asText());
        }
        if (value.isObject() && isWrapper(name)) {
            // {"Prices":{"ItemPrice":{...}}} and {"Prices":{"ItemPrice":[...]}} are the same.
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            value.fields().forEachRemaining(inner -> wrapper.set(inner.getKey(), list(inner.getValue())));
            return wrapper;
        }
        if (value.isObject()) {
            return normalize(value);
        }
        return value;
    }

    private static ArrayNode list(JsonNode value) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> elements = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(elements::add);
        } else if (value.isObject()) {
            elements.add(value);
        }
        elements.forEach(el -> out.add(normalize(el)));
        return out;
    }

    private static boolean isWrapper(String name) {
        return switch (name) {
            case "Prices", "ItemShops", "SaleLines", "SalePayments", "Emails", "Phones", "Addresses", "Images",
                 "CustomFieldValues" -> true;
            default -> false;
        };
    }
}

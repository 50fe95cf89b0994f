package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a mapped {@code customFields} object (custom field name → value) as an Item's or Customer's
 * {@code CustomFieldValues}. Lightspeed addresses a value by its field's {@code customFieldID}; the ids are read from the
 * field definitions ({@code Item/CustomField.json}, {@code Customer/CustomField.json}) once per connection, and once again
 * when a name is not among them (a field defined since).
 *
 * <p>UNCONFIRMED (the connector README): that a create or update body sets values as
 * {@code "CustomFieldValues": {"CustomFieldValue": [{"customFieldID": "1", "value": "…"}]}}, leaving the item's other custom
 * fields as they are. {@link #body} is the one place that shape is written.
 */
public final class CustomFieldIds {

    private final LightspeedRetailSession session;
    private final Map<String, Map<String, String>> idsByResource = new ConcurrentHashMap<>();

    public CustomFieldIds(LightspeedRetailSession session) {
        this.session = session;
    }

    /**
     * The {@code CustomFieldValues} to send for {@code values} on a {@code resource} ({@code Item} or {@code Customer}), or
     * empty when there are none; a name Lightspeed does not define rejects the record, naming the field.
     */
    public Optional<ObjectNode> body(String resource, JsonNode values, Ref record) {
        if (values == null || !values.isObject() || values.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("CustomFieldValue");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) values::fields) {
            if (e.getValue().isNull()) {
                continue;
            }
            String id = id(resource, e.getKey()).orElseThrow(() -> RecordRejectedException.builder("Lightspeed has no " + resource
                            + " custom field named '" + e.getKey() + "' (define it under Settings → Custom fields, or map another name)")
                    .record(record).fieldPath("customFields." + e.getKey()).build());
            list.addObject().put("customFieldID", id).put("value", e.getValue().asText());
        }
        return list.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private Optional<String> id(String resource, String name) {
        String id = idsByResource.computeIfAbsent(resource, this::definitions).get(name);
        if (id == null) {
            idsByResource.put(resource, definitions(resource));
            id = idsByResource.get(resource).get(name);
        }
        return Optional.ofNullable(id);
    }

    private Map<String, String> definitions(String resource) {
        Map<String, String> ids = new ConcurrentHashMap<>();
        JsonNode answer = session.list(resource + "/CustomField", Map.of("archived", "false"));
        for (JsonNode field : Lenient.list(answer, "CustomField")) {
            Optional<String> name = Lenient.text(field, "name");
            Optional<String> id = Lenient.text(field, "customFieldID");
            if (name.isPresent() && id.isPresent()) {
                ids.put(name.get(), id.get());
            }
        }
        return ids;
    }
}

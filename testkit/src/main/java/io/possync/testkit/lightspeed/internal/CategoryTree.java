package io.possync.testkit.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.internal.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The X-Series sandbox's product categories, from the OpenAPI document: {@code GET /product_categories} answers
 * {@code {"page_info": {"has_next", "last_seen"}, "data": {"categories": [...]}}}, sorted by full path, each with
 * {@code root_category_id}, {@code parent_category_id}, {@code leaf_category} and {@code category_path} (root first);
 * {@code page_size} (default 1,000) and {@code after} (a category id) page it. {@code POST /product_categories/bulk}
 * creates a hierarchy in one request, new categories referring to each other by {@code payload_id} and
 * {@code payload_parent_category_id}, and answers {@code data[]} with each one's {@code id} and {@code payload_id}.
 */
public final class CategoryTree {

    private final ProductFamilies.Rows rows;

    public CategoryTree(ProductFamilies.Rows rows) {
        this.rows = rows;
    }

    /** {@code GET /product_categories}. */
    public JsonNode list(Map<String, String> query) {
        int pageSize;
        try {
            pageSize = Integer.parseInt(query.getOrDefault("page_size", "1000"));
        } catch (NumberFormatException e) {
            throw new ProductFamilies.Refused(400, "page_size must be a number");
        }
        List<ObjectNode> sorted = new ArrayList<>(rows.of("product_categories"));
        sorted.sort(Comparator.comparing(this::fullPath));
        int from = 0;
        String after = query.getOrDefault("after", "");
        if (!after.isEmpty()) {
            from = -1;
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).get("id").asText().equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new ProductFamilies.Refused(400, "after: no category " + after);
            }
        }
        int to = Math.min(sorted.size(), from + pageSize);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("page_info").put("has_next", to < sorted.size()).put("last_seen", to > from ? sorted.get(to - 1).get("id").asText() : "");
        ArrayNode categories = out.putObject("data").putArray("categories");
        for (ObjectNode c : sorted.subList(from, to)) {
            categories.add(answer(c));
        }
        return out;
    }

    /** {@code POST /product_categories/bulk}. */
    public JsonNode bulk(JsonNode body) {
        JsonNode categories = body.path("categories");
        if (!categories.isArray() || categories.isEmpty()) {
            throw new ProductFamilies.Refused(422, "categories is required");
        }
        Map<String, String> byPayload = new HashMap<>();
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode data = out.putArray("data");
        for (JsonNode c : categories) {
            String name = c.path("name").asText("");
            if (name.isBlank()) {
                throw new ProductFamilies.Refused(422, "categories[].name is required");
            }
            String parent = c.path("parent_category_id").asText("");
            String payloadParent = c.path("payload_parent_category_id").asText("");
            if (!payloadParent.isEmpty()) {
                parent = Optional.ofNullable(byPayload.get(payloadParent)).orElseThrow(() -> new ProductFamilies.Refused(422,
                        "payload_parent_category_id " + payloadParent + " names no category earlier in the payload"));
            } else if (!parent.isEmpty() && byId(parent).isEmpty()) {
                throw new ProductFamilies.Refused(422, "parent_category_id " + parent + " is no category");
            }
            ObjectNode row = Json.MAPPER.createObjectNode().put("name", name);
            if (parent.isEmpty()) {
                row.putNull("parent_category_id");
            } else {
                row.put("parent_category_id", parent);
            }
            ObjectNode stored = rows.add("product_categories", row);
            String payloadId = c.path("payload_id").asText("");
            if (!payloadId.isEmpty()) {
                byPayload.put(payloadId, stored.get("id").asText());
            }
            ObjectNode d = data.addObject().put("id", stored.get("id").asText()).put("payload_id", payloadId).put("name", name);
            d.set("parent_category_id", row.get("parent_category_id"));
        }
        return out;
    }

    /** Whether a category with this id exists. */
    public boolean exists(String id) {
        return byId(id).isPresent();
    }

    private Optional<ObjectNode> byId(String id) {
        return rows.of("product_categories").stream().filter(c -> c.get("id").asText().equals(id)).findFirst();
    }

    private List<ObjectNode> lineage(ObjectNode c) {
        List<ObjectNode> path = new ArrayList<>();
        Optional<ObjectNode> at = Optional.of(c);
        while (at.isPresent()) {
            path.add(0, at.get());
            String parent = at.get().path("parent_category_id").asText("");
            at = parent.isEmpty() ? Optional.empty() : byId(parent);
        }
        return path;
    }

    private String fullPath(ObjectNode c) {
        return String.join(" / ", lineage(c).stream().map(x -> x.path("name").asText()).toList());
    }

    private ObjectNode answer(ObjectNode c) {
        List<ObjectNode> path = lineage(c);
        String id = c.get("id").asText();
        ObjectNode a = Json.MAPPER.createObjectNode().put("id", id).put("name", c.path("name").asText())
                .put("root_category_id", path.get(0).get("id").asText());
        a.set("parent_category_id", c.path("parent_category_id"));
        a.put("leaf_category", rows.of("product_categories").stream().noneMatch(x -> x.path("parent_category_id").asText("").equals(id)));
        ArrayNode p = a.putArray("category_path");
        path.forEach(x -> p.addObject().put("id", x.get("id").asText()).put("name", x.path("name").asText()));
        return a;
    }
}

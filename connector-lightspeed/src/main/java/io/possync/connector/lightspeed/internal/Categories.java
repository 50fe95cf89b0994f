package io.possync.connector.lightspeed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Category paths ({@code Shoes/Running}) resolved to {@code categoryID}s: all categories are read
 * once, missing path segments are created parent first. Thread-safe.
 */
public final class Categories {

    private final LightspeedRetailSession session;
    private Map<String, String> idsByPath;

    public Categories(LightspeedRetailSession session) {
        this.session = session;
    }

    /** The id of the category at {@code path} (levels separated by '|', as Lightspeed's fullPathName), created when missing. */
    public synchronized String ensure(String path) {
        if (idsByPath == null) {
            idsByPath = load();
        }
        String parent = "0";
        StringBuilder sofar = new StringBuilder();
        for (String segment : path.split("\\|")) {
            String name = segment.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (sofar.length() > 0) {
                sofar.append('|');
            }
            sofar.append(name);
            String key = sofar.toString().toLowerCase(Locale.ROOT);
            String id = idsByPath.get(key);
            if (id == null) {
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name).put("parentID", parent);
                id = Lenient.text(session.create("Category", body), "categoryID")
                        .orElseThrow(() -> new IllegalStateException("Lightspeed created a category without categoryID"));
                idsByPath.put(key, id);
            }
            parent = id;
        }
        return parent;
    }

    private Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", "100");
        JsonNode page = session.list("Category", query);
        while (true) {
            for (JsonNode c : Lenient.list(page, "Category")) {
                String path = Lenient.text(c, "fullPathName").or(() -> Lenient.text(c, "name")).orElse("");
                String key = String.join("|", java.util.Arrays.stream(path.split("\\|")).map(String::trim).toList());
                Lenient.text(c, "categoryID").ifPresent(id -> out.put(key.toLowerCase(Locale.ROOT), id));
            }
            String next = page.path("@attributes").path("next").asText("");
            if (next.isEmpty()) {
                return out;
            }
            page = session.follow(next);
        }
    }
}

package io.possync.connector.lightspeed.xseries.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CategoryPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * X-Series product categories by path: every category is read once per session ({@code GET /product_categories},
 * 1,000 a page, {@code after} the page's {@code last_seen}), each known by its {@code category_path}; the missing
 * levels of a path are created in one {@code POST /product_categories/bulk}, linked by {@code payload_id}s — both from
 * the OpenAPI document. Thread-safe.
 */
public final class ProductCategories {

    private final XSeriesSession session;
    /** Category ids by lower-case path, levels joined by '|'. */
    private Map<String, String> idsByPath;
    private Map<String, CategoryPath> pathsById;

    public ProductCategories(XSeriesSession session) {
        this.session = session;
    }

    /** The id of the category at {@code path} (levels separated by '|'), its missing levels created first. */
    public synchronized String ensure(String path) {
        load();
        List<String> names = new ArrayList<>();
        for (String segment : path.split("\\|")) {
            if (!segment.isBlank()) {
                names.add(segment.trim());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a category path needs a name");
        }
        int known = 0;
        while (known < names.size() && idsByPath.containsKey(key(names.subList(0, known + 1)))) {
            known++;
        }
        if (known == names.size()) {
            return idsByPath.get(key(names));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode categories = body.putArray("categories");
        for (int level = known; level < names.size(); level++) {
            ObjectNode c = categories.addObject().put("payload_id", "level-" + level).put("name", names.get(level));
            if (level > known) {
                c.put("payload_parent_category_id", "level-" + (level - 1));
            } else if (known > 0) {
                c.put("parent_category_id", idsByPath.get(key(names.subList(0, known))));
            }
        }
        Map<String, String> created = new HashMap<>();
        for (JsonNode c : session.createCategories(body)) {
            created.put(c.path("payload_id").asText(""), c.path("id").asText(""));
        }
        for (int level = known; level < names.size(); level++) {
            String id = created.get("level-" + level);
            if (id == null || id.isEmpty()) {
                throw new IllegalStateException("X-Series answered the category create without the id of '" + names.get(level) + "'");
            }
            remember(names.subList(0, level + 1), id);
        }
        return idsByPath.get(key(names));
    }

    /** The path of category {@code id}, when X-Series has it. */
    public synchronized Optional<CategoryPath> path(String id) {
        load();
        return Optional.ofNullable(pathsById.get(id));
    }

    private void load() {
        if (idsByPath != null) {
            return;
        }
        idsByPath = new HashMap<>();
        pathsById = new HashMap<>();
        Optional<String> after = Optional.empty();
        while (true) {
            JsonNode page = session.categoriesPage(after);
            for (JsonNode c : page.path("data").path("categories")) {
                List<String> names = new ArrayList<>();
                c.path("category_path").forEach(level -> names.add(level.path("name").asText("").trim()));
                if (names.isEmpty()) {
                    names.add(c.path("name").asText("").trim());
                }
                if (!names.contains("")) {
                    remember(names, c.path("id").asText());
                }
            }
            String last = page.path("page_info").path("last_seen").asText("");
            if (!page.path("page_info").path("has_next").asBoolean(false) || last.isEmpty()) {
                return;
            }
            after = Optional.of(last);
        }
    }

    private void remember(List<String> names, String id) {
        idsByPath.put(key(names), id);
        pathsById.put(id, new CategoryPath(List.copyOf(names)));
    }

    private static String key(List<String> names) {
        return String.join("|", names).toLowerCase(Locale.ROOT);
    }
}

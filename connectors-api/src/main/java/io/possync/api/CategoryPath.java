package io.possync.api;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * A category as the path from the root, e.g. {@code Women > Shoes > Sneakers}.
 *
 * <pre>{@code
 * CategoryPath path = CategoryPath.of("Women", "Shoes", "Sneakers");
 * path.leaf(); // "Sneakers"
 * }</pre>
 *
 * @param segments the names from the root to the category
 */
public record CategoryPath(@NotEmpty List<String> segments) {

    /** Copies the segments; rejects an empty path or blank names. */
    public CategoryPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a category path needs at least one non-blank name: " + segments);
        }
    }

    /** A path from its names, root first. */
    public static CategoryPath of(String... segments) {
        return new CategoryPath(List.of(segments));
    }

    /** The category's own name. */
    public String leaf() {
        return segments.get(segments.size() - 1);
    }

    /** The names joined with {@code " > "}. */
    @Override
    public String toString() {
        return String.join(" > ", segments);
    }
}

package io.possync.connector.mpluskassa.internal;

import io.possync.api.CategoryPath;
import io.possync.api.ConfigurationException;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Categories as MplusKASSA article groups (FACTS.md §3): a tree of named groups, a product in any
 * number of them. A category path ({@code Men > Shirts}) is found segment by segment by name (ignoring
 * case) under its parent, and a missing segment is created ({@code newArticleGroup}); the tree is read
 * once per connection ({@code getArticleGroups}) and kept up to date with what this connection creates.
 * Top-level groups have parent number 0 (UNCONFIRMED: the WSDL requires a parent number without naming
 * the root's). Thread-safe.
 */
public final class ArticleGroups {

    static final int ROOT = 0;

    private final MplusSession session;
    private Map<String, Integer> byParentAndName;

    public ArticleGroups(MplusSession session) {
        this.session = session;
    }

    /** The group number of {@code path}'s leaf, creating missing groups parent first. */
    public synchronized int ensure(CategoryPath path) {
        if (byParentAndName == null) {
            byParentAndName = new HashMap<>();
            Element answer = session.read(Xml.el("getArticleGroups").add(Xml.el("request")));
            for (Element list : Xml.children(answer, "articleGroupList")) {
                index(list, ROOT);
            }
        }
        int parent = ROOT;
        for (String segment : path.segments()) {
            String key = parent + "/" + segment.toLowerCase(Locale.ROOT);
            Integer known = byParentAndName.get(key);
            if (known == null) {
                known = create(parent, segment);
                byParentAndName.put(key, known);
            }
            parent = known;
        }
        return parent;
    }

    private void index(Element list, int parent) {
        for (Element g : Xml.children(list, "articleGroups")) {
            if (Xml.text(g, "isDeleted").map(Boolean::parseBoolean).orElse(false)) {
                continue;
            }
            int number = Integer.parseInt(Xml.text(g, "groupNumber").orElse("0"));
            byParentAndName.putIfAbsent(parent + "/" + Xml.text(g, "name").orElse("").toLowerCase(Locale.ROOT), number);
            for (Element sub : Xml.children(g, "subGroupList")) {
                index(sub, number);
            }
        }
    }

    private int create(int parent, String name) {
        Element answer = session.write(Xml.el("newArticleGroup").add(Xml.el("request").add("parentGroupNumber", parent)
                .add("name", name).add("text", name)));
        String result = MplusSession.result(answer);
        Optional<String> number = Xml.text(answer, "groupNumber");
        if (!result.equals("NEW-ARTICLE-GROUP-RESULT-OK") || number.isEmpty()) {
            throw new ConfigurationException("mpluskassa.articleGroups", "MplusKASSA would not create article group '" + name
                    + "' under " + parent + " (" + result + ")");
        }
        return Integer.parseInt(number.get());
    }

    /** Group numbers of {@code paths}' leaves. */
    public List<Integer> ensureAll(List<CategoryPath> paths) {
        return paths.stream().map(this::ensure).distinct().toList();
    }
}

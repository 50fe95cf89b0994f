package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.Product;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Source;
import io.possync.api.internal.Unreadable;
import io.possync.connector.accountview.internal.AccountViewConverters;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.ChangedSincePages;
import io.possync.connector.accountview.internal.DataQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Articles ({@code AK1}, table {@code ARTICLE}) as a source of products: changed since {@code CNG_DATE}
 * with the settings' overlap, page by page, sorted by {@code ART_CODE}. An article is a SIMPLE product:
 * AccountView keeps no variants, so sizes and colours are separate articles. {@code ART_DESC1} is the
 * name, {@code PX_SELL} the price (excluding VAT unless the settings say otherwise, PROPOSAL P-5), the
 * article group's description ({@code AG1}, read once and when an unknown group appears) the category;
 * barcode, VAT code and blocked flag are read from the installation's field names (P-5, blocked is a
 * draft); {@code IMG_MEDIUM} is the image when it is a web address.
 *
 * <pre>{@code
 * Flow.products("erp-articles").from(accountView.articles()).to(lightspeed.items()).build();
 * }</pre>
 * Thread-safe.
 */
public final class AccountViewArticles extends AccountViewCapability implements Source<Product> {

    private final Map<String, String> groups = new ConcurrentHashMap<>();

    AccountViewArticles(AccountViewSession session) {
        super(session);
    }

    @Override
    public Page<Product> changesSince(Cursor cursor, int limit) {
        ChangedSincePages position = ChangedSincePages.of(cursor);
        int size = session.settings().connection().pageSize();
        List<ObjectNode> rows = session.read(position.query("AK1", "ART_CODE", size, session.settings().overlap())).of("ARTICLE");
        learnGroups(rows);
        List<Product> products = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (ObjectNode row : rows) {
            try {
                products.add(AccountViewConverters.article(row, groups, session.settings()));
            } catch (RuntimeException e) {
                unreadable.add(Unreadable.record(new Ref(AccountView.SYSTEM, EntityType.PRODUCT, row.path("ART_CODE").asText("(no ART_CODE)")), e));
            }
        }
        boolean full = rows.size() >= size;
        return new Page<>(products, unreadable, position.after(rows, full).cursor(), full);
    }

    /** Reads the article groups when a row names one not known yet. */
    private void learnGroups(List<ObjectNode> rows) {
        boolean unknown = rows.stream().map(r -> r.path("AG_CODE").asText("")).anyMatch(g -> !g.isEmpty() && !groups.containsKey(g));
        if (unknown) {
            for (ObjectNode g : session.read(DataQuery.of("AG1").page(1, 1000, "AG_CODE")).of("ART_GRP")) {
                String code = g.path("AG_CODE").asText("");
                if (!code.isEmpty()) {
                    groups.put(code, g.path("AG_DESC").asText(code).isEmpty() ? code : g.path("AG_DESC").asText(code));
                }
            }
        }
    }

    @Override
    public Optional<Product> fetch(String code) {
        List<ObjectNode> rows = session.read(DataQuery.of("AK1").equal("ART_CODE", code).page(1, 1, "ART_CODE")).of("ARTICLE");
        learnGroups(rows);
        return rows.stream().findFirst().map(r -> AccountViewConverters.article(r, groups, session.settings()));
    }
}

package io.possync.connector.accountview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.Page;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.StockLevel;
import io.possync.api.StockSource;
import io.possync.api.internal.Unreadable;
import io.possync.connector.accountview.internal.AccountViewConverters;
import io.possync.connector.accountview.internal.AccountViewSession;
import io.possync.connector.accountview.internal.DataQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The articles' stock as a source: {@code QTY_AVAIL} of every article ({@code AK1}), read in full on
 * each run, page by page — whether a stock movement changes an article's {@code CNG_DATE} is
 * UNCONFIRMED, so no changed-since filter can be trusted; the engine writes only levels that changed.
 * {@code QTY_AVAIL} is what an integrator sends as "available minus sales reservations" (which field
 * holds what is UNCONFIRMED), so it is on hand and available alike, nothing reserved.
 *
 * <pre>{@code
 * Flow.stock("erp-stock").from(accountView.stock()).to(lightspeed.stock()).build();
 * }</pre>
 * Thread-safe.
 */
public final class AccountViewStock extends AccountViewCapability implements StockSource {

    AccountViewStock(AccountViewSession session) {
        super(session);
    }


    /** No: AccountView's stock fields carry no sales reservations. */
    @Override
    public boolean knowsReservations() {
        return false;
    }
    @Override
    public Page<StockLevel> changesSince(Cursor cursor, int limit) {
        int page = cursor.isInitial() ? 1 : Integer.parseInt(cursor.value());
        int size = session.settings().connection().pageSize();
        List<ObjectNode> rows = session.read(DataQuery.of("AK1").page(page, size, "ART_CODE")).of("ARTICLE");
        List<StockLevel> levels = new ArrayList<>();
        List<RecordRejectedException> unreadable = new ArrayList<>();
        for (ObjectNode row : rows) {
            try {
                levels.add(AccountViewConverters.stock(row, session.settings().connection().timeSource().now()));
            } catch (RuntimeException e) {
                unreadable.add(Unreadable.record(new Ref(AccountView.SYSTEM, EntityType.STOCK_LEVEL, row.path("ART_CODE").asText("(no ART_CODE)")), e));
            }
        }
        boolean full = rows.size() >= size;
        // After the last page the cursor returns to the start: the next run reads all stock again.
        return new Page<>(levels, unreadable, full ? Cursor.of(String.valueOf(page + 1)) : Cursor.initial(), full);
    }

    @Override
    public Optional<StockLevel> fetch(String code) {
        return session.read(DataQuery.of("AK1").equal("ART_CODE", code).page(1, 1, "ART_CODE")).of("ARTICLE").stream().findFirst()
                .map(r -> AccountViewConverters.stock(r, session.settings().connection().timeSource().now()));
    }
}

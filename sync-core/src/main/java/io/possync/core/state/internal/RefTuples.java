package io.possync.core.state.internal;

import io.possync.api.Ref;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Row-value {@code IN} lists of refs for the JDBC store's batched queries (SQLite 3.15+, PostgreSQL). */
public final class RefTuples {

    /** Refs per {@code IN} list: well within SQLite's 999 parameters at three per ref. */
    public static final int CHUNK = 300;

    private RefTuples() {
    }

    /** {@code ((?, ?, ?), ...)} for {@code count} refs. */
    public static String of(int count) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        return s.append(')').toString();
    }

    /** Binds each ref's system, type and id from parameter {@code first} on. */
    public static void bind(PreparedStatement ps, int first, List<Ref> refs) throws SQLException {
        int p = first;
        for (Ref r : refs) {
            ps.setString(p++, r.system());
            ps.setString(p++, r.type().name());
            ps.setString(p++, r.id());
        }
    }
}

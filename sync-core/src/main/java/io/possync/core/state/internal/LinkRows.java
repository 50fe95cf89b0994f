package io.possync.core.state.internal;

import io.possync.api.EntityType;
import io.possync.api.Ref;
import io.possync.core.state.Link;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code possync_link} table's lookups, by source and by target, each a few batched queries. */
public final class LinkRows {

    private final ConnectionSource db;

    public LinkRows(ConnectionSource db) {
        this.db = db;
    }

    /** The links of {@code sources} into {@code targetSystem}, by source ref. */
    public Map<Ref, Link> bySources(Collection<Ref> sources, String targetSystem) {
        if (sources.isEmpty()) {
            return Map.of();
        }
        List<Ref> all = new ArrayList<>(sources);
        return db.transaction(c -> {
            Map<Ref, Link> found = new HashMap<>();
            for (int from = 0; from < all.size(); from += RefTuples.CHUNK) {
                List<Ref> chunk = all.subList(from, Math.min(all.size(), from + RefTuples.CHUNK));
                String sql = "SELECT source_system, source_type, source_id, target_type, target_id, content_hash, synced_at"
                        + " FROM possync_link WHERE target_system = ? AND (source_system, source_type, source_id) IN "
                        + RefTuples.of(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, targetSystem);
                    RefTuples.bind(ps, 2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Ref source = new Ref(rs.getString(1), EntityType.valueOf(rs.getString(2)), rs.getString(3));
                            Ref target = new Ref(targetSystem, EntityType.valueOf(rs.getString(4)), rs.getString(5));
                            found.put(source, new Link(source, target, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                        }
                    }
                }
            }
            return found;
        });
    }

    /** The links whose targets are {@code targets}, by target ref. */
    public Map<Ref, Link> byTargets(Collection<Ref> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        List<Ref> all = new ArrayList<>(targets);
        return db.transaction(c -> {
            Map<Ref, Link> found = new HashMap<>();
            for (int from = 0; from < all.size(); from += RefTuples.CHUNK) {
                List<Ref> chunk = all.subList(from, Math.min(all.size(), from + RefTuples.CHUNK));
                String sql = "SELECT source_system, source_type, source_id, target_system, target_type, target_id, content_hash, synced_at"
                        + " FROM possync_link WHERE (target_system, target_type, target_id) IN " + RefTuples.of(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    RefTuples.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Ref source = new Ref(rs.getString(1), EntityType.valueOf(rs.getString(2)), rs.getString(3));
                            Ref target = new Ref(rs.getString(4), EntityType.valueOf(rs.getString(5)), rs.getString(6));
                            found.put(target, new Link(source, target, rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
                        }
                    }
                }
            }
            return found;
        });
    }
}

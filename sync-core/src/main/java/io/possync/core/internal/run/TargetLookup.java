package io.possync.core.internal.run;

import io.possync.api.NaturalKey;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step that finds each record's target: by link, else by natural key in one batch lookup. A key
 * found in the target that is linked to another source record, or shared by two records of this page,
 * refuses the newcomer ({@link KeyOwnership}); stock levels share SKUs by design and are exempt.
 */
final class TargetLookup {

    private final RunState run;
    private final KeyOwnership keyOwnership;

    TargetLookup(RunState run) {
        this.run = run;
        this.keyOwnership = new KeyOwnership(run.ctx.store());
    }

    void decide(List<Candidate> candidates) {
        Map<NaturalKey, List<Candidate>> lookups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.link != null) {
                c.target = c.link.target();
            } else {
                Optional<NaturalKey> key = KeyLookup.keyOf(c.record, run.flow.matchKey());
                if (key.isPresent()) {
                    lookups.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(c);
                } else {
                    c.create = true;
                }
            }
        }
        if (lookups.isEmpty()) {
            return;
        }
        KeyLookup result = KeyLookup.in(run.sink(), lookups.keySet());
        boolean unique = run.kind.keysAreUnique();
        lookups.forEach((key, list) -> {
            Ref target = result.found().get(key);
            RecordRejectedException refused = result.refused().get(key);
            Optional<Ref> owner = unique && target != null && refused == null
                    ? keyOwnership.otherOwner(target, list.get(0).ref()) : Optional.empty();
            for (Candidate c : list) {
                if (refused != null) {
                    c.refused = refused;
                } else if (owner.isPresent()) {
                    c.refused = KeyOwnership.conflict(key, c.ref(), owner.get());
                } else if (unique && c != list.get(0) && !c.ref().equals(list.get(0).ref())) {
                    c.refused = KeyOwnership.conflict(key, c.ref(), list.get(0).ref());
                } else if (target != null) {
                    c.target = target;
                } else {
                    c.create = true;
                }
            }
        });
    }
}

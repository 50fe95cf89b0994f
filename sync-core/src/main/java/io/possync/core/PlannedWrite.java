package io.possync.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.EntityType;
import io.possync.api.Ref;
import java.util.Optional;

/**
 * A write a dry run would have made: what, to which target record, with which fields (personal
 * values redacted unless the engine was told otherwise).
 *
 * <pre>{@code
 * SyncReport preview = engine.dryRun(flow);
 * preview.plannedWrites().forEach(w -> System.out.println(w.action() + " " + w.source() + " " + w.fields()));
 * }</pre>
 *
 * @param entityType the record's type
 * @param action     create or update
 * @param source     the record in its source system
 * @param target     the target record an update would change
 * @param fields     the mapped target fields
 */
public record PlannedWrite(EntityType entityType, Action action, Ref source, Optional<Ref> target, JsonNode fields) {

    /** Create or update. */
    public enum Action {
        /** Would be created. */
        CREATE,
        /** Would be updated. */
        UPDATE
    }
}

package io.possync.core;

import io.possync.api.EntityType;
import io.possync.api.Ref;
import java.util.Optional;

/**
 * A record a run could not sync, with the field and the reason, as listed in a {@link SyncReport}.
 *
 * <pre>{@code
 * report.rejections().forEach(r -> System.out.println(r.source() + " " + r.fieldPath().orElse("") + ": " + r.reason()));
 * }</pre>
 *
 * @param entityType the record's type
 * @param source     the record in its source system
 * @param fieldPath  the offending field, when known
 * @param reason     what was wrong, personal data removed
 * @param transientFailure whether it failed for a passing reason (timeout, 5xx) rather than bad data
 */
public record Rejection(EntityType entityType, Ref source, Optional<String> fieldPath, String reason,
                        boolean transientFailure) {
}

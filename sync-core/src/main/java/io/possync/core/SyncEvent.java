package io.possync.core;

import static io.possync.api.internal.Nulls.opt;

import io.possync.api.EntityType;
import io.possync.api.Ref;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One record's outcome in a run, as {@link SyncListener}s receive it: the activity log's line.
 * Personal data is redacted by default: {@link #subject()} names a customer by a pseudonym, not
 * by e-mail; reasons have e-mail addresses removed. Never a payload, never a secret.
 *
 * <pre>{@code
 * SyncListener audit = event -> System.out.println(event.flow() + " " + event.outcome() + " " + event.source()
 *         + event.reason().map(r -> ": " + r).orElse(""));
 * }</pre>
 *
 * @param flow       the flow's name
 * @param entityType the record's type (an order flow also reports the customers it writes)
 * @param outcome    what happened
 * @param source     the record in its source system
 * @param target     the record in the target, when known
 * @param subject    a short, redacted description (order number, SKU, customer pseudonym)
 * @param fieldPath  the offending field of a rejection
 * @param reason     why it was rejected, retried or warned about
 * @param at         when it happened
 */
public record SyncEvent(String flow, EntityType entityType, Outcome outcome, Ref source, Optional<Ref> target,
                        String subject, Optional<String> fieldPath, Optional<String> reason, Instant at) {

    /** Rejects nulls; null optionals become empty. */
    public SyncEvent {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        target = opt(target);
        subject = subject == null ? "" : subject;
        fieldPath = opt(fieldPath);
        reason = opt(reason);
        Objects.requireNonNull(at, "at");
    }

    /** One line for logs: {@code orders CREATED lightspeed:ORDER:1042 (#1042) → businesscentral:ORDER:…}. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(flow).append(' ').append(outcome).append(' ').append(source);
        if (!subject.isEmpty()) {
            s.append(" (").append(subject).append(')');
        }
        target.ifPresent(t -> s.append(" → ").append(t));
        fieldPath.ifPresent(f -> s.append(" field '").append(f).append('\''));
        reason.ifPresent(r -> s.append(": ").append(r));
        return s.toString();
    }
}

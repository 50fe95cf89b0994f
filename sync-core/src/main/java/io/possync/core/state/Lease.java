package io.possync.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The right of one process to run one flow until {@link #expiresAt()}. Its {@link #token()} is a
 * fencing token: it grows with every new holder, and a commit carrying an outdated token is
 * refused, so a process that paused past its lease can never overwrite its successor's work.
 *
 * <pre>{@code
 * Optional<Lease> lease = store.tryAcquireLease("orders", "host-a", Duration.ofMinutes(5), clock.instant());
 * }</pre>
 *
 * @param name      what is leased (the flow's name)
 * @param owner     who holds it
 * @param token     the fencing token
 * @param expiresAt when it lapses unless renewed
 */
public record Lease(String name, String owner, long token, Instant expiresAt) {

    /** Rejects nulls. */
    public Lease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

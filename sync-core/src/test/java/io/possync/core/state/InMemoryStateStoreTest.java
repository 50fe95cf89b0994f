package io.possync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.LeaseLostException;
import io.possync.api.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryStateStoreTest {

    private final InMemoryStateStore store = new InMemoryStateStore();
    private final Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    private final Ref source = new Ref("pos", EntityType.ORDER, "1");
    private final Ref target = new Ref("erp", EntityType.ORDER, "A");

    @Test
    void aHeldLeaseIsNotGrantedToAnotherOwner() {
        store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0);

        assertThat(store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(60))).isEmpty();
    }

    @Test
    void anExpiredLeaseGoesToTheNextOwnerWithAHigherToken() {
        Lease first = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();

        Lease second = store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(301)).orElseThrow();

        assertThat(second.token()).isGreaterThan(first.token());
    }

    @Test
    void aCommitUnderALostLeaseIsRefusedAndWritesNothing() {
        Lease stale = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(400));
        PageCommit commit = new PageCommit("orders", Optional.of(stale), List.of(new Link(source, target, "h", t0)),
                List.of(), List.of(), Optional.of(Cursor.of("42")));

        assertThatThrownBy(() -> store.commit(commit, t0.plusSeconds(401))).isInstanceOf(LeaseLostException.class);
        assertThat(store.cursor("orders")).isEmpty();
        assertThat(store.allLinks()).isEmpty();
    }

    @Test
    void aCommitStoresLinksRetriesAndCursorTogether() {
        Lease lease = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        Ref bad = new Ref("pos", EntityType.ORDER, "2");
        store.commit(new PageCommit("orders", Optional.of(lease), List.of(new Link(source, target, "h", t0)),
                List.of(new RetryEntry("orders", bad, "why", Optional.of("lines[0].sku"), 1, t0, t0.plusSeconds(60))),
                List.of(), Optional.of(Cursor.of("42"))), t0);

        assertThat(store.cursor("orders")).contains(Cursor.of("42"));
        assertThat(store.links(List.of(source), "erp")).containsKey(source);
        assertThat(store.linkByTarget(target)).isPresent();
        assertThat(store.dueRetries("orders", t0, 10)).isEmpty();
        assertThat(store.dueRetries("orders", t0.plusSeconds(60), 10)).extracting(RetryEntry::source).containsExactly(bad);
    }

    @Test
    void resolvedRetriesLeaveTheQueue() {
        Ref bad = new Ref("pos", EntityType.ORDER, "2");
        store.commit(new PageCommit("orders", Optional.empty(), List.of(),
                List.of(new RetryEntry("orders", bad, "why", Optional.empty(), 1, t0, t0)), List.of(), Optional.empty()), t0);

        store.commit(new PageCommit("orders", Optional.empty(), List.of(), List.of(), List.of(bad), Optional.empty()), t0);

        assertThat(store.retryQueue("orders", 10)).isEmpty();
    }

    @Test
    void linksAreKeptPerTargetSystem() {
        store.commit(new PageCommit("x", Optional.empty(), List.of(new Link(source, target, "h", t0)), List.of(), List.of(),
                Optional.empty()), t0);

        assertThat(store.links(List.of(source), "other-erp")).isEmpty();
    }
}

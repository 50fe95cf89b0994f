package io.possync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.possync.api.Cursor;
import io.possync.api.EntityType;
import io.possync.api.LeaseLostException;
import io.possync.api.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} must do; each implementation runs this suite. */
abstract class StateStoreContract {

    protected StateStore store;
    protected final Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    private final Ref source = new Ref("pos", EntityType.ORDER, "1");
    private final Ref target = new Ref("erp", EntityType.ORDER, "A");

    /** A new, empty store. */
    protected abstract StateStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PageCommit commit(String flow, Lease lease, List<Link> links, List<RetryEntry> retries,
                                     List<Ref> resolved, String cursor) {
        return new PageCommit(flow, Optional.ofNullable(lease), links, retries, resolved,
                Optional.ofNullable(cursor).map(Cursor::of));
    }

    @Test
    void aNewStoreHasNoCursorLinksOrRetries() {
        assertThat(store.cursor("orders")).isEmpty();
        assertThat(store.links(List.of(source), "erp")).isEmpty();
        assertThat(store.retryQueue("orders", 10)).isEmpty();
        assertThat(store.retryQueueSize("orders")).isZero();
    }

    @Test
    void theRetryQueueSizeCountsEveryEntryOfTheFlowDueOrNot() {
        Lease lease = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        List<RetryEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(new RetryEntry("orders", new Ref("pos", EntityType.ORDER, "r" + i), "why", Optional.empty(), 1, t0,
                    t0.plusSeconds(60L * i)));
        }
        store.commit(commit("orders", lease, List.of(), entries, List.of(), "1"), t0);

        assertThat(store.retryQueueSize("orders")).isEqualTo(3);
        assertThat(store.retryQueueSize("customers")).isZero();
    }

    @Test
    void aCommitStoresLinksRetriesAndCursorTogether() {
        Lease lease = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        Ref bad = new Ref("pos", EntityType.ORDER, "2");

        store.commit(commit("orders", lease, List.of(new Link(source, target, "h1", t0)),
                List.of(new RetryEntry("orders", bad, "why", Optional.of("lines[0].sku"), 1, t0, t0.plusSeconds(60))),
                List.of(), "42"), t0);

        assertThat(store.cursor("orders")).contains(Cursor.of("42"));
        assertThat(store.links(List.of(source), "erp")).containsEntry(source, new Link(source, target, "h1", t0));
        assertThat(store.linkByTarget(target)).map(Link::source).contains(source);
        assertThat(store.retryEntries("orders", List.of(bad))).containsKey(bad);
        assertThat(store.retryQueue("orders", 10)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("why");
            assertThat(e.fieldPath()).contains("lines[0].sku");
            assertThat(e.attempts()).isEqualTo(1);
        });
    }

    @Test
    void linksAreFoundByTheirTargetsManyAtATime() {
        List<Link> links = new java.util.ArrayList<>();
        List<Ref> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 350; i++) {
            Ref t = new Ref("erp", EntityType.ORDER, "T" + i);
            targets.add(t);
            links.add(new Link(new Ref("pos", EntityType.ORDER, "S" + i), t, "h" + i, t0));
        }
        store.commit(commit("many", null, links, List.of(), List.of(), null), t0);

        Map<Ref, Link> found = store.linksByTarget(List.of(targets.get(0), targets.get(349), new Ref("erp", EntityType.ORDER, "none")));

        assertThat(found).hasSize(2);
        assertThat(found.get(targets.get(349)).source()).isEqualTo(new Ref("pos", EntityType.ORDER, "S349"));
        assertThat(store.linksByTarget(targets)).hasSize(350);
    }

    @Test
    void aLinkIsReplacedWithItsNewHash() {
        store.commit(commit("x", null, List.of(new Link(source, target, "h1", t0)), List.of(), List.of(), null), t0);
        store.commit(commit("x", null, List.of(new Link(source, target, "h2", t0.plusSeconds(1))), List.of(), List.of(), null), t0);

        assertThat(store.links(List.of(source), "erp").get(source).contentHash()).isEqualTo("h2");
    }

    @Test
    void linksAreKeptPerTargetSystem() {
        store.commit(commit("x", null, List.of(new Link(source, target, "h", t0)), List.of(), List.of(), null), t0);

        assertThat(store.links(List.of(source), "other-erp")).isEmpty();
    }

    @Test
    void manyLinksAreFoundInOneCall() {
        List<Link> links = new ArrayList<>();
        List<Ref> sources = new ArrayList<>();
        IntStream.range(0, 1000).forEach(i -> {
            Ref s = new Ref("pos", EntityType.CUSTOMER, "c" + i);
            sources.add(s);
            links.add(new Link(s, new Ref("erp", EntityType.CUSTOMER, "d" + i), "h" + i, t0));
        });
        store.commit(commit("x", null, links, List.of(), List.of(), null), t0);

        Map<Ref, Link> found = store.links(sources, "erp");

        assertThat(found).hasSize(1000);
        assertThat(found.get(new Ref("pos", EntityType.CUSTOMER, "c999")).target().id()).isEqualTo("d999");
    }

    @Test
    void dueRetriesComeOldestFirstAndOnlyWhenDue() {
        Ref a = new Ref("pos", EntityType.ORDER, "a");
        Ref b = new Ref("pos", EntityType.ORDER, "b");
        store.commit(commit("orders", null, List.of(), List.of(
                new RetryEntry("orders", a, "r", Optional.empty(), 2, t0, t0.plusSeconds(120)),
                new RetryEntry("orders", b, "r", Optional.empty(), 1, t0, t0.plusSeconds(60))), List.of(), null), t0);

        assertThat(store.dueRetries("orders", t0.plusSeconds(59), 10)).isEmpty();
        assertThat(store.dueRetries("orders", t0.plusSeconds(200), 10)).extracting(RetryEntry::source).containsExactly(b, a);
        assertThat(store.dueRetries("other-flow", t0.plusSeconds(200), 10)).isEmpty();
    }

    @Test
    void aRescheduledRetryReplacesTheOldEntry() {
        Ref a = new Ref("pos", EntityType.ORDER, "a");
        store.commit(commit("orders", null, List.of(), List.of(new RetryEntry("orders", a, "first", Optional.empty(), 1, t0, t0)),
                List.of(), null), t0);
        store.commit(commit("orders", null, List.of(), List.of(new RetryEntry("orders", a, "second", Optional.of("f"), 2, t0,
                t0.plusSeconds(120))), List.of(), null), t0);

        assertThat(store.retryQueue("orders", 10)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("second");
            assertThat(e.attempts()).isEqualTo(2);
        });
    }

    @Test
    void resolvedRetriesLeaveTheQueue() {
        Ref a = new Ref("pos", EntityType.ORDER, "a");
        store.commit(commit("orders", null, List.of(), List.of(new RetryEntry("orders", a, "r", Optional.empty(), 1, t0, t0)),
                List.of(), null), t0);

        store.commit(commit("orders", null, List.of(), List.of(), List.of(a), null), t0);

        assertThat(store.retryQueue("orders", 10)).isEmpty();
    }

    @Test
    void aHeldLeaseIsNotGrantedToAnotherOwner() {
        store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0);

        assertThat(store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(60))).isEmpty();
    }

    @Test
    void theHolderMayTakeItsLeaseAgainWithTheSameToken() {
        Lease first = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();

        Lease again = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0.plusSeconds(10)).orElseThrow();

        assertThat(again.token()).isEqualTo(first.token());
    }

    @Test
    void anExpiredLeaseGoesToTheNextOwnerWithAHigherToken() {
        Lease first = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();

        Lease second = store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(301)).orElseThrow();

        assertThat(second.token()).isGreaterThan(first.token());
    }

    @Test
    void aReleasedLeaseIsFreeAndTheNextTokenIsStillHigher() {
        Lease first = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        store.releaseLease(first);

        Lease next = store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(1)).orElseThrow();

        assertThat(next.token()).isGreaterThan(first.token());
    }

    @Test
    void renewingExtendsAHeldLeaseButNotALostOne() {
        Lease lease = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();

        Optional<Lease> renewed = store.renewLease(lease, Duration.ofMinutes(5), t0.plusSeconds(200));
        assertThat(renewed).hasValueSatisfying(l -> assertThat(l.expiresAt()).isEqualTo(t0.plusSeconds(500)));

        assertThat(store.renewLease(lease, Duration.ofMinutes(5), t0.plusSeconds(900))).isEmpty();
    }

    @Test
    void aCommitUnderALostLeaseIsRefusedAndWritesNothing() {
        Lease stale = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();
        store.tryAcquireLease("orders", "b", Duration.ofMinutes(5), t0.plusSeconds(400));

        assertThatThrownBy(() -> store.commit(commit("orders", stale, List.of(new Link(source, target, "h", t0)),
                List.of(new RetryEntry("orders", source, "r", Optional.empty(), 1, t0, t0)), List.of(), "42"), t0.plusSeconds(401)))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("nothing was written");

        assertThat(store.cursor("orders")).isEmpty();
        assertThat(store.links(List.of(source), "erp")).isEmpty();
        assertThat(store.retryQueue("orders", 10)).isEmpty();
    }

    @Test
    void aCommitAfterTheLeaseExpiredIsRefusedEvenIfNobodyTookItOver() {
        Lease lease = store.tryAcquireLease("orders", "a", Duration.ofMinutes(5), t0).orElseThrow();

        assertThatThrownBy(() -> store.commit(commit("orders", lease, List.of(), List.of(), List.of(), "1"), t0.plusSeconds(301)))
                .isInstanceOf(LeaseLostException.class);
    }

    @Test
    void cursorsAreKeptPerFlow() {
        store.commit(commit("a", null, List.of(), List.of(), List.of(), "1"), t0);
        store.commit(commit("b", null, List.of(), List.of(), List.of(), "2"), t0);
        store.commit(commit("a", null, List.of(), List.of(), List.of(), "3"), t0);

        assertThat(store.cursor("a")).contains(Cursor.of("3"));
        assertThat(store.cursor("b")).contains(Cursor.of("2"));
    }

    @Test
    void idsWithColonsAndQuotesSurvive() {
        Ref odd = new Ref("pos", EntityType.PRODUCT, "sku:1'\"; DROP TABLE x");
        store.commit(commit("x", null, List.of(new Link(odd, target, "h", t0)), List.of(), List.of(), null), t0);

        assertThat(store.links(List.of(odd), "erp")).containsKey(odd);
    }
}

package io.possync.testkit.contract;

import io.possync.api.AuthenticationException;
import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.PossyncException;
import io.possync.api.Source;
import io.possync.api.TransientException;
import io.possync.testkit.Fault;
import io.possync.testkit.SandboxFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link Source} must do, as tests a connector's sandbox test inherits: paging to the end,
 * resuming from a cursor, records with equal time stamps at a page boundary neither skipped nor
 * doubled, fetch by id, and each kind of failure mapped to the right exception (401 an authentication
 * failure; 429 with and without {@code Retry-After}, 5xx, a timeout and a malformed body retried).
 * A vendor that cannot do something declares it in {@link #lacks()}: those tests are skipped, naming why.
 *
 * <pre>{@code
 * class CustomersSourceContractTest extends SourceContract<Customer> {
 *     private final BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start();
 *     protected Source<Customer> source() { return BusinessCentral.connect(settings(sandbox).build()).customers(); }
 *     protected List<String> seed(int n) { ... }
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the records the source reads
 */
public abstract class SourceContract<T extends CanonicalRecord> {

    /** What a vendor's source may lack; a test needing it is skipped. */
    public enum Trait {
        /** The sandbox cannot give several records one modification instant. */
        EQUAL_TIMESTAMPS,
        /** Records cannot be read one by one. */
        FETCH_BY_ID,
        /** The vendor's time stamps cannot be moved: a changed record is not read again. */
        MODIFY,
        /**
         * There is no change cursor: every run reads every record again (stock a vendor does not date), so
         * a resumed read brings the unchanged records too — the engine drops them as unchanged.
         */
        CHANGE_CURSOR
    }

    /** A connection to the test's sandbox, with its connection settings (retries fast, short timeout). */
    protected abstract Source<T> source();

    /** A connection to the test's sandbox whose credentials the sandbox refuses. */
    protected abstract Source<T> sourceWithWrongCredentials();

    /** Adds {@code n} records to the sandbox; returns the ids the source reads them under, oldest first. */
    protected abstract List<String> seed(int n);

    /**
     * Adds {@code n} records sharing one modification instant (needed unless {@link Trait#EQUAL_TIMESTAMPS}
     * is lacking); returns their ids.
     */
    protected List<String> seedAtOneInstant(int n) {
        throw new UnsupportedOperationException("declare Trait.EQUAL_TIMESTAMPS in lacks() or implement seedAtOneInstant");
    }

    /** Changes record {@code id} in the sandbox as a user would (needed unless {@link Trait#MODIFY} is lacking). */
    protected void modify(String id) {
        throw new UnsupportedOperationException("declare Trait.MODIFY in lacks() or implement modify");
    }

    /** The sandbox's fault schedule. */
    protected abstract SandboxFaults faults();

    /** What this vendor's source cannot do. */
    protected Set<Trait> lacks() {
        return Set.of();
    }

    /** Records per read in these tests: small, so a few records make several pages. */
    protected int pageSize() {
        return 2;
    }

    /** Longer than the connection's request timeout. */
    protected Duration longerThanTimeout() {
        return Duration.ofSeconds(10);
    }

    private void assume(Trait needed) {
        assumeTrue(!lacks().contains(needed), "the vendor's source lacks " + needed);
    }

    /** Reads from {@code cursor} to the end; returns the ids read, in order, and the last cursor. */
    private Read readAll(Source<T> source, Cursor from) {
        List<String> ids = new ArrayList<>();
        Cursor cursor = from;
        for (int pages = 0; pages < 1_000; pages++) {
            Page<T> page = source.changesSince(cursor, pageSize());
            page.records().forEach(r -> ids.add(r.sourceRef().id()));
            cursor = page.next();
            if (!page.hasMore()) {
                return new Read(ids, cursor);
            }
        }
        throw new AssertionError("the source did not reach the end in 1,000 pages");
    }

    private record Read(List<String> ids, Cursor cursor) {
    }

    @Test
    void readsEveryRecordOncePageByPageToTheEnd() {
        List<String> seeded = seed(2 * pageSize() + 1);

        Read read = readAll(source(), Cursor.initial());

        assertThat(read.ids()).containsAll(seeded);
        assertThat(read.ids()).as("records read twice").doesNotHaveDuplicates();
    }

    @Test
    void resumesFromItsCursorWithTheChangedRecords() {
        assume(Trait.MODIFY);
        assume(Trait.CHANGE_CURSOR);
        List<String> seeded = seed(3);
        Source<T> source = source();
        Read first = readAll(source, Cursor.initial());

        modify(seeded.get(1));
        Read next = readAll(source, first.cursor());

        // The last record before the cursor may come again (an API read by "modified at or after t" returns the
        // records at the cursor's instant); the engine drops it as unchanged. Records before it may not.
        assertThat(next.ids()).contains(seeded.get(1)).doesNotContain(seeded.get(0));
    }

    @Test
    void recordsWithOneTimestampAcrossAPageBoundaryAreNeitherSkippedNorDoubled() {
        assume(Trait.EQUAL_TIMESTAMPS);
        List<String> seeded = seedAtOneInstant(pageSize() + 1);

        Read read = readAll(source(), Cursor.initial());

        assertThat(read.ids()).containsAll(seeded);
        Set<String> seen = new HashSet<>();
        assertThat(read.ids().stream().filter(seeded::contains).filter(id -> !seen.add(id)).toList()).as("doubled").isEmpty();
    }

    @Test
    void fetchesOneRecordByIdAndNothingForAnUnknownId() {
        assume(Trait.FETCH_BY_ID);
        List<String> seeded = seed(2);
        Source<T> source = source();

        assertThat(source.fetch(seeded.get(1))).map(r -> r.sourceRef().id()).contains(seeded.get(1));
        assertThat(source.fetch(unknownId())).isEmpty();
    }

    /** An id no record has, in the vendor's id format. */
    protected String unknownId() {
        return "999999";
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        seed(1);

        assertThatThrownBy(() -> sourceWithWrongCredentials().changesSince(Cursor.initial(), pageSize()))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        retriedAfter(Fault.status(429, Duration.ofSeconds(1)));
    }

    @Test
    void a429WithoutRetryAfterIsRetriedWithBackoff() {
        retriedAfter(Fault.status(429));
    }

    @Test
    void a5xxIsRetried() {
        retriedAfter(Fault.status(503));
    }

    @Test
    void aMalformedAnswerIsRetriedOrATransientFailure() {
        retriedOrTransient(Fault.malformed());
    }

    @Test
    void aTimeoutIsRetriedOrATransientFailure() {
        retriedOrTransient(Fault.delay(longerThanTimeout()));
    }

    private void retriedAfter(Fault fault) {
        List<String> seeded = seed(1);
        Source<T> source = source();
        faults().next(fault);

        Read read = readAll(source, Cursor.initial());

        assertThat(read.ids()).containsAll(seeded);
        assertThat(faults().injected()).isEqualTo(1);
    }

    private void retriedOrTransient(Fault fault) {
        List<String> seeded = seed(1);
        Source<T> source = source();
        faults().next(fault);
        try {
            assertThat(readAll(source, Cursor.initial()).ids()).containsAll(seeded);
        } catch (PossyncException e) {
            assertThat(e).isInstanceOf(TransientException.class);
        }
        assertThat(faults().injected()).isEqualTo(1);
    }
}

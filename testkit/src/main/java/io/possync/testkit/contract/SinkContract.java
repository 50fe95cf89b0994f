package io.possync.testkit.contract;

import io.possync.api.AuthenticationException;
import io.possync.api.CanonicalRecord;
import io.possync.api.MappedRecord;
import io.possync.api.NaturalKey;
import io.possync.api.PossyncException;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.Sink;
import io.possync.api.TransientException;
import io.possync.api.Write;
import io.possync.api.WriteResult;
import io.possync.testkit.Fault;
import io.possync.testkit.SandboxFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link Sink} must do, as tests a connector's sandbox test inherits: a created record is
 * found again by its natural key (alone and in a batch), an update reaches the record, a write whose
 * answer is lost leaves exactly one record once the engine retries (find, then create), and each kind
 * of failure maps to the right exception (401 authentication; 404 and 409 a rejection of the record;
 * 429 with and without {@code Retry-After} and 5xx retried on reads; a timeout or a malformed answer
 * retried or transient; a write answered 5xx never doubled). A vendor that cannot do something declares
 * it in {@link #lacks()}: those tests are skipped, naming why.
 *
 * <pre>{@code
 * class DebtorsSinkContractTest extends SinkContract<Customer> {
 *     protected Sink<Customer> sink() { return butler.debtors(); }
 *     protected MappedRecord<Customer> newRecord(int i) { ... }
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the records the sink writes
 */
public abstract class SinkContract<T extends CanonicalRecord> {

    /** What a vendor's sink may lack; a test needing it is skipped. */
    public enum Trait {
        /** Records are not changed once written. */
        UPDATE,
        /** The vendor has no optimistic concurrency (versions, etags) to go stale. */
        STALE_VERSION,
        /** The vendor lets two records share the natural key, so a second create of one key is not refused. */
        UNIQUE_KEY
    }

    /** A connection to the test's sandbox (retries fast, short timeout). */
    protected abstract Sink<T> sink();

    /** A connection to the test's sandbox whose credentials the sandbox refuses. */
    protected abstract Sink<T> sinkWithWrongCredentials();

    /** A record to create; {@code i} makes its natural key unique. */
    protected abstract MappedRecord<T> newRecord(int i);

    /** {@code record} with a changed value and the same natural key. */
    protected abstract MappedRecord<T> changed(MappedRecord<T> record);

    /** The natural key the sink finds {@code record} by. */
    protected abstract NaturalKey keyOf(MappedRecord<T> record);

    /** How many records with {@code key} the sandbox holds. */
    protected abstract long storedWithKey(NaturalKey key);

    /** A target in the vendor's id format that no record has. */
    protected abstract Ref unknownTarget();

    /** The sandbox's fault schedule. */
    protected abstract SandboxFaults faults();

    /** What this vendor's sink cannot do. */
    protected Set<Trait> lacks() {
        return Set.of();
    }

    /** Longer than the connection's request timeout. */
    protected Duration longerThanTimeout() {
        return Duration.ofSeconds(10);
    }

    private void assume(Trait needed) {
        assumeTrue(!lacks().contains(needed), "the vendor's sink lacks " + needed);
    }

    private Ref created(Sink<T> sink, MappedRecord<T> record) {
        WriteResult result = sink.writeAll(List.of(new Write.Create<>(record))).get(0);
        if (result instanceof WriteResult.Failed f) {
            throw new AssertionError("the create failed: " + f.error().getMessage(), f.error());
        }
        return ((WriteResult.Written) result).target();
    }

    /** What the engine does after a failed write: look the record up, and create it when it is not there. */
    private void retryAsTheEngineWould(Sink<T> sink, MappedRecord<T> record) {
        if (sink.find(keyOf(record)).isEmpty()) {
            created(sink, record);
        }
    }

    @Test
    void aCreatedRecordIsFoundByItsNaturalKey() {
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);

        Ref target = created(sink, record);

        assertThat(sink().find(keyOf(record))).contains(target);
    }

    @Test
    void severalKeysAreFoundInOneBatchAndAnUnknownOneIsLeftOut() {
        Sink<T> sink = sink();
        MappedRecord<T> first = newRecord(1);
        MappedRecord<T> second = newRecord(2);
        Ref one = created(sink, first);
        Ref two = created(sink, second);
        NaturalKey unknown = keyOf(newRecord(99));

        Map<NaturalKey, Ref> found = sink().findAll(Set.of(keyOf(first), keyOf(second), unknown));

        assertThat(found).containsEntry(keyOf(first), one).containsEntry(keyOf(second), two).doesNotContainKey(unknown);
    }

    @Test
    void aKeyNoRecordHasIsNotFound() {
        assertThat(sink().find(keyOf(newRecord(42)))).isEmpty();
    }

    @Test
    void anUpdateReachesTheRecordItWasFoundBy() {
        assume(Trait.UPDATE);
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);
        Ref target = created(sink, record);

        Ref updated = sink.update(target, changed(record));

        assertThat(updated).isEqualTo(target);
        assertThat(storedWithKey(keyOf(record))).isEqualTo(1);
    }

    @Test
    void anUpdateOfARecordSomeoneElseChangedIsWrittenOrRejectedNeverLostSilently() {
        assume(Trait.UPDATE);
        assume(Trait.STALE_VERSION);
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);
        Ref target = created(sink, record);
        faults().next(Fault.concurrentEdit());

        WriteResult result = sink.writeAll(List.of(new Write.Update<>(target, changed(record)))).get(0);

        if (result instanceof WriteResult.Failed f) {
            assertThat(f.error()).isInstanceOfAny(RecordRejectedException.class, TransientException.class);
        } else {
            assertThat(((WriteResult.Written) result).target()).isEqualTo(target);
        }
    }

    @Test
    void anUpdateOfATargetThatDoesNotExistIsARejectionOfTheRecord() {
        assume(Trait.UPDATE);
        WriteResult result = sink().writeAll(List.of(new Write.Update<>(unknownTarget(), newRecord(1)))).get(0);

        assertThat(result).isInstanceOfSatisfying(WriteResult.Failed.class,
                f -> assertThat(f.error()).isInstanceOf(RecordRejectedException.class));
    }

    @Test
    void aSecondCreateOfOneKeyIsRefusedOrResolvedNeverDoubled() {
        assume(Trait.UNIQUE_KEY);
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);
        Ref first = created(sink, record);

        WriteResult again = sink.writeAll(List.of(new Write.Create<>(record))).get(0);

        if (again instanceof WriteResult.Failed f) {
            assertThat(f.error()).isInstanceOf(RecordRejectedException.class);
        } else {
            assertThat(((WriteResult.Written) again).target()).isEqualTo(first);
        }
        assertThat(storedWithKey(keyOf(record))).isEqualTo(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostLeavesExactlyOneRecordOnceRetried() {
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);
        faults().nextWrite(Fault.lostResponse());

        sink.writeAll(List.of(new Write.Create<>(record)));
        retryAsTheEngineWould(sink(), record);

        assertThat(storedWithKey(keyOf(record))).isEqualTo(1);
    }

    @Test
    void aCreateAnswered503IsNeverDoubled() {
        Sink<T> sink = sink();
        MappedRecord<T> record = newRecord(1);
        faults().nextWrite(Fault.status(503));

        WriteResult result = sink.writeAll(List.of(new Write.Create<>(record))).get(0);
        if (result instanceof WriteResult.Failed f) {
            assertThat(f.error()).isInstanceOf(TransientException.class);
        }
        retryAsTheEngineWould(sink(), record);

        assertThat(storedWithKey(keyOf(record))).isEqualTo(1);
    }

    @Test
    void refusedCredentialsAreAnAuthenticationFailure() {
        assertThatThrownBy(() -> sinkWithWrongCredentials().find(keyOf(newRecord(1))))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aLookupAnswered429WithRetryAfterIsRetried() {
        lookupRetriedAfter(Fault.status(429, Duration.ofSeconds(1)));
    }

    @Test
    void aLookupAnswered429WithoutRetryAfterIsRetried() {
        lookupRetriedAfter(Fault.status(429));
    }

    @Test
    void aLookupAnswered5xxIsRetried() {
        lookupRetriedAfter(Fault.status(502));
    }

    @Test
    void aLookupThatTimesOutIsRetriedOrATransientFailure() {
        lookupRetriedOrTransient(Fault.delay(longerThanTimeout()));
    }

    @Test
    void aMalformedLookupAnswerIsRetriedOrATransientFailure() {
        lookupRetriedOrTransient(Fault.malformed());
    }

    private void lookupRetriedAfter(Fault fault) {
        MappedRecord<T> record = newRecord(1);
        Ref target = created(sink(), record);
        Sink<T> sink = sink();
        faults().clear().next(fault);
        long before = faults().injected();

        Optional<Ref> found = sink.find(keyOf(record));

        assertThat(found).contains(target);
        assertThat(faults().injected() - before).isEqualTo(1);
    }

    private void lookupRetriedOrTransient(Fault fault) {
        MappedRecord<T> record = newRecord(1);
        Ref target = created(sink(), record);
        Sink<T> sink = sink();
        faults().clear().next(fault);
        try {
            assertThat(sink.find(keyOf(record))).contains(target);
        } catch (PossyncException e) {
            assertThat(e).isInstanceOf(TransientException.class);
        }
    }
}

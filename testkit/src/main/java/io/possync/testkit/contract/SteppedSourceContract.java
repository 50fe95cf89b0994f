package io.possync.testkit.contract;

import io.possync.api.CanonicalRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SourceContract} for a sandbox on a clock the test moves: {@link #seed} adds one record a second, and
 * {@link #seedAtOneInstant} several in one second, through the test's {@link #seedOne}.
 *
 * <pre>{@code
 * class ShopArticlesSourceContractTest extends SteppedSourceContract<Product> {
 *     protected void step() { clock.advance(Duration.ofSeconds(1)); }
 *     protected String seedOne(int n, boolean sameInstant) { return sandbox.seedArticle("A" + n).id(); }
 *     ...
 * }
 * }</pre>
 *
 * @param <T> the records the source reads
 */
public abstract class SteppedSourceContract<T extends CanonicalRecord> extends SourceContract<T> {

    private int next;

    /** Moves the sandbox's clock on by one second. */
    protected abstract void step();

    /**
     * Adds the {@code n}th record to the sandbox ({@code sameInstant}: one of several sharing the current second); returns the
     * id the source reads it under.
     */
    protected abstract String seedOne(int n, boolean sameInstant);

    @Override
    protected final List<String> seed(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            step();
            ids.add(seedOne(++next, false));
        }
        return ids;
    }

    @Override
    protected List<String> seedAtOneInstant(int n) {
        step();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(seedOne(++next, true));
        }
        return ids;
    }
}

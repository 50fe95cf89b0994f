package io.possync.core.mapping.internal.direct;

/**
 * Thrown when direct evaluation meets a case whose JSONata semantics it does not reproduce (a type
 * error, an unusual number, a string with surrogate pairs…): the caller evaluates the same expression
 * with the JSONata interpreter instead, so results and error messages stay JSONata's.
 */
public final class Deferred extends RuntimeException {

    static final Deferred INSTANCE = new Deferred();

    private Deferred() {
        super("deferred to JSONata", null, false, false);
    }
}

package io.possync.api;

/**
 * The state store could not read, migrate or commit (I/O error, corrupt file, unreachable
 * database, a schema newer than this code).
 *
 * <p>The engine stops the run; because the page's commit is one transaction, nothing is
 * half-written. {@link LeaseLostException} is the case where another process took the flow over.
 *
 * <pre>{@code
 * throw new StateStoreException("cannot open SQLite file /var/lib/possync/state.db", e);
 * }</pre>
 */
public sealed class StateStoreException extends PossyncException permits LeaseLostException {

    /** Creates the exception; {@code cause} may be null. */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.possync.api;

/**
 * A commit was refused because this process no longer holds the flow's lease: it paused past
 * the lease's expiry and another process took the flow over. Nothing of the commit was written.
 *
 * <pre>{@code
 * catch (LeaseLostException e) {
 *     // another JVM runs this flow now; stop quietly
 * }
 * }</pre>
 */
public final class LeaseLostException extends StateStoreException {

    /** Creates the exception. */
    public LeaseLostException(String message) {
        super(message, null);
    }
}

package io.possync.api;

/**
 * The root of every exception possync throws on purpose.
 *
 * <p>The hierarchy is sealed so a caller can handle each kind exhaustively:
 * <ul>
 *   <li>{@link TransientException}: try again later (network, 429, 5xx, timeout);</li>
 *   <li>{@link RecordRejectedException}: this one record is bad; the rest of the batch goes on;</li>
 *   <li>{@link AuthenticationException}: credentials were refused; the flow stops;</li>
 *   <li>{@link ConfigurationException}: a setting or mapping is wrong; the flow stops;</li>
 *   <li>{@link StateStoreException}: the state store could not read or commit.</li>
 * </ul>
 *
 * <pre>{@code
 * try {
 *     sink.create(record);
 * } catch (RecordRejectedException e) {
 *     log.warn("{} rejected at {}: {}", e.record(), e.fieldPath(), e.reason());
 * }
 * }</pre>
 *
 * <p>Messages never contain secrets or raw vendor response bodies.
 */
public abstract sealed class PossyncException extends RuntimeException
        permits TransientException, RecordRejectedException, AuthenticationException,
                ConfigurationException, StateStoreException {

    PossyncException(String message, Throwable cause) {
        super(message, cause);
    }
}

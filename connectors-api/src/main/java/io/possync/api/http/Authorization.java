package io.possync.api.http;

/**
 * Where an {@link Authenticator} puts its credentials on an outgoing request.
 *
 * <pre>{@code
 * public void authorize(Authorization a) { a.header("Authorization", "Bearer " + token.reveal()); }
 * }</pre>
 */
public interface Authorization {

    /** Sets a request header. */
    void header(String name, String value);

    /** Adds a query parameter; the toolkit redacts it in logs. */
    void queryParameter(String name, String value);
}

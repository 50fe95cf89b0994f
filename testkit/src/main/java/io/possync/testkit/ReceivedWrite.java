package io.possync.testkit;

/**
 * A write request as a sandbox received it — method, path with query, body as text — for tests that
 * check what a connector really sent, e.g. that a dry run showed exactly that.
 *
 * <pre>{@code
 * sandbox.recordWrites();
 * ... run a flow ...
 * sandbox.receivedWrites().forEach(w -> System.out.println(w.method() + " " + w.uri()));
 * }</pre>
 *
 * @param method the HTTP method (POST, PATCH, PUT, …)
 * @param uri    the path with its query, as received
 * @param body   the body, as UTF-8 text
 */
public record ReceivedWrite(String method, String uri, String body) {
}

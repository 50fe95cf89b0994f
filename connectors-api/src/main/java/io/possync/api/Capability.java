package io.possync.api;

/**
 * What every connector capability ({@link Source}, {@link Sink}, {@link OrderStatusSink}) has:
 * the name of the system it talks to.
 *
 * <pre>{@code
 * String name = source.system(); // "lightspeed"
 * }</pre>
 */
public interface Capability {

    /** The system's name as used in {@link Ref#system()}, e.g. {@code businesscentral}. */
    String system();
}

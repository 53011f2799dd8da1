package dev.chorus.admin;

/**
 * Drops connections without a WebSocket close, which the portable API cannot do: the launcher cuts its
 * Grizzly connections; a container offers no such hook, so the WAR has {@link #UNAVAILABLE}.
 */
@FunctionalInterface
public interface ConnectionCutter {

    /** The container gives no way to drop a connection abruptly. */
    ConnectionCutter UNAVAILABLE = () -> {
        throw new UnsupportedOperationException("abrupt disconnects are not available in this container");
    };

    /**
     * Drops every connection on the chat port(s) at once; returns how many.
     *
     * @throws UnsupportedOperationException if this deployment cannot
     */
    int cutAll();
}

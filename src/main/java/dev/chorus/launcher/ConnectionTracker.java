package dev.chorus.launcher;

import dev.chorus.admin.ConnectionCutter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Knows the open TCP connections of the chat listeners, so an operator can drop them all without a WebSocket
 * close (the portable API has no way to). Fed by Grizzly's connection probes: nothing runs per message.
 */
final class ConnectionTracker extends ConnectionProbe.Adapter implements ConnectionCutter {

    private final Set<Connection<?>> open = ConcurrentHashMap.newKeySet();

    /** Starts tracking {@code listener}'s connections; call before it starts. */
    void watch(NetworkListener listener) {
        listener.getTransport().getConnectionMonitoringConfig().addProbes(this);
    }

    @Override
    @SuppressWarnings("rawtypes") // Grizzly's probe interface uses the raw Connection type
    public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        open.add(clientConnection);
    }

    @Override
    @SuppressWarnings("rawtypes") // as above
    public void onCloseEvent(Connection connection) {
        open.remove(connection);
    }

    @Override
    public int cutAll() {
        int cut = 0;
        for (Connection<?> connection : open) {
            connection.terminateSilently();
            cut++;
        }
        return cut;
    }
}

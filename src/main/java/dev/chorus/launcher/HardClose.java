package dev.chorus.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Ends a connection at once, with whatever is still queued for it. Grizzly's {@code close()} and {@code
 * closeSilently()} are graceful: they wait until everything queued is written, which never happens for a peer
 * that does not read. {@code terminateSilently()} drops Grizzly's queue; a zero linger makes the kernel drop its
 * send queue too and reset the connection, instead of keeping an orphaned socket that retries for minutes.
 */
final class HardClose {

    private static final System.Logger LOG = System.getLogger(HardClose.class.getName());

    private HardClose() {}

    static void drop(Connection<?> connection) {
        if (connection instanceof NIOConnection nio && nio.getChannel() instanceof SocketChannel socket) {
            try {
                socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException e) {
                // Closed meanwhile: the terminate below does nothing then.
                LOG.log(Level.DEBUG, () -> "No zero linger for " + connection.getPeerAddress() + ": " + e);
            }
        }
        connection.terminateSilently();
    }
}

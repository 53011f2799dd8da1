package dev.chorus.web;

import dev.chorus.broadcast.CloseWatch;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The WAR's {@link CloseWatch}, where the container lets Chorus reach the connection. Undertow (WildFly) hands
 * out each session's {@code WebSocketChannel}, a {@link Channel}; one still open at the close timeout is closed
 * with a reset, which ends its TCP connection and drops what was queued for it. On Payara the Grizzly connection
 * under Tyrus is reached by reflection ({@link GrizzlyConnections}): its socket is watched, and one still open at
 * the close timeout is reset and terminated. Elsewhere the container's own close is all there is. One thread
 * sweeps every pending close.
 */
final class ChannelCloseWatch implements CloseWatch, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChannelCloseWatch.class.getName());

    /** Ends a connection at once. */
    @FunctionalInterface
    private interface Drop {
        void now() throws IOException;
    }

    /** A close that must finish by {@code deadline} (System.nanoTime), else {@code drop} ends it. */
    private record Pending(long deadline, Drop drop) {}

    private final long timeoutNanos;
    private final Map<Channel, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    ChannelCloseWatch(Duration timeout, ThreadFactory threads) {
        this.timeoutNanos = timeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(threads);
        long period =
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    @Override
    public void closing(Session session) {
        if (undertowChannelOf(session) instanceof Channel channel) {
            watch(channel, () -> {
                abortOnClose(channel);
                channel.close();
            });
            return;
        }
        Object grizzly = GrizzlyConnections.connectionOf(session);
        SocketChannel socket = GrizzlyConnections.socketOf(grizzly);
        if (socket != null) {
            watch(socket, () -> GrizzlyConnections.drop(grizzly, socket));
        }
    }

    private void watch(Channel channel, Drop drop) {
        if (channel.isOpen()) {
            pending.putIfAbsent(channel, new Pending(System.nanoTime() + timeoutNanos, drop));
        }
    }

    /** Closes still pending (the gauge {@code chorus_closes_pending}); a finished one leaves at the next sweep. */
    int pending() {
        return pending.size();
    }

    /** Never throws: a scheduled task that throws is never run again, and every later close would go unwatched. */
    private void sweep() {
        try {
            long now = System.nanoTime();
            pending.forEach((channel, close) -> {
                if (!channel.isOpen()) {
                    pending.remove(channel, close); // its close finished in time
                } else if (now - close.deadline() > 0 && pending.remove(channel, close)) {
                    drop(channel, close.drop());
                }
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The close watch's sweep failed; it goes on at the next", e);
        }
    }

    private static void drop(Channel channel, Drop drop) {
        try {
            drop.now();
            LOG.log(Level.DEBUG, () -> "Dropped a connection whose close took too long: " + channel);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Could not drop " + channel + ": " + e);
        }
    }

    /**
     * Asks XNIO (under Undertow) to reset the connection when it closes ({@code Options.CLOSE_ABORT}, a zero
     * linger): a plain close leaves the kernel an orphaned socket that keeps what the client never read (about
     * 2.8 MB seen) and retries it for minutes. Looked up through the channel's own class loader; if it cannot
     * be, the close is a plain one.
     */
    private static void abortOnClose(Channel channel) {
        try {
            ClassLoader loader = channel.getClass().getClassLoader();
            Class<?> option = Class.forName("org.xnio.Option", false, loader);
            Object closeAbort = Class.forName("org.xnio.Options", false, loader)
                    .getField("CLOSE_ABORT")
                    .get(null);
            channel.getClass().getMethod("setOption", option, Object.class).invoke(channel, closeAbort, Boolean.TRUE);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.DEBUG, () -> "No reset on close for " + channel + ": " + e);
        }
    }

    /** Undertow's {@code UndertowSession.getWebSocketChannel()}, looked up by name; null elsewhere. */
    private static Object undertowChannelOf(Session session) {
        try {
            Method method = session.getClass().getMethod("getWebSocketChannel");
            return method.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

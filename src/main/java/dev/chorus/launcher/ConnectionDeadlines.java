package dev.chorus.launcher;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.glassfish.grizzly.Connection;

/**
 * Connections that must be done with something in time, and what happens to those that are not: one for the
 * handshake (a client that sends half a request and stops, slowloris, is closed), one for the close (a client
 * that does not take its close frame is dropped). One thread sweeps all pending connections; nothing is
 * scheduled per connection.
 */
final class ConnectionDeadlines implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectionDeadlines.class.getName());

    private final String what;
    private final long timeoutNanos;
    private final Consumer<Connection<?>> expire;
    private final Map<Connection<?>, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /**
     * @param what what a connection must do in time, for the log and the sweeper's thread name, e.g. "handshake"
     * @param expire what becomes of a connection whose deadline passed
     */
    ConnectionDeadlines(String what, Duration timeout, Consumer<Connection<?>> expire) {
        this.what = what;
        this.timeoutNanos = timeout.toNanos();
        this.expire = expire;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chorus-" + what + "-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long period =
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    /** The handshake's: a connection must send a complete request in time, or it is closed. */
    static ConnectionDeadlines handshake(Duration timeout) {
        return new ConnectionDeadlines("handshake", timeout, Connection::closeSilently);
    }

    /** The close's: a connection being closed must be gone in time, or it is dropped hard ({@link HardClose}). */
    static ConnectionDeadlines close(Duration timeout) {
        return new ConnectionDeadlines("close", timeout, HardClose::drop);
    }

    /** The connection must be done within the timeout from now. */
    void arm(Connection<?> connection) {
        pending.put(connection, System.nanoTime() + timeoutNanos);
    }

    /**
     * Like {@link #arm}, unless it already has a deadline (that one holds), or it is closed already (its close
     * event may have gone by, and nothing would disarm it).
     */
    void armOnce(Connection<?> connection) {
        pending.putIfAbsent(connection, System.nanoTime() + timeoutNanos);
        if (!connection.isOpen()) {
            pending.remove(connection);
        }
    }

    /**
     * The connection is done or gone: no deadline any more.
     *
     * @return false if it had no deadline: it was never armed, or its deadline passed and it is being dealt with
     */
    boolean disarm(Connection<?> connection) {
        return pending.remove(connection) != null;
    }

    /** How many connections have a deadline now (the gauges {@code chorus_handshakes_pending}, {@code …closes…}). */
    int pending() {
        return pending.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        pending.forEach((connection, deadline) -> {
            // Only if it is still armed: a connection disarmed meanwhile (its upgrade went through) stays.
            if (now - deadline > 0 && pending.remove(connection, deadline)) {
                LOG.log(
                        Level.DEBUG,
                        () -> "Dropping " + connection.getPeerAddress() + ": its " + what + " took too long");
                try {
                    expire.accept(connection);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "Could not drop " + connection.getPeerAddress(), e);
                }
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

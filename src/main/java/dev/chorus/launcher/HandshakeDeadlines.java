package dev.chorus.launcher;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;

/**
 * Drops connections that have not sent a complete request in time, so a client that sends half a request
 * and stops (slowloris) never holds a connection for long. One thread sweeps all pending connections; nothing
 * is scheduled per connection.
 */
final class HandshakeDeadlines implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HandshakeDeadlines.class.getName());

    private final long timeoutNanos;
    private final Map<Connection<?>, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    HandshakeDeadlines(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chorus-handshake-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long period =
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeoutNanos / 4, TimeUnit.SECONDS.toNanos(1)));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    /** The connection must send a complete request within the timeout from now. */
    void arm(Connection<?> connection) {
        pending.put(connection, System.nanoTime() + timeoutNanos);
    }

    /**
     * The connection is upgraded or gone: no deadline any more.
     *
     * @return false if it had no deadline: it was never armed, or its deadline passed and it is being dropped
     */
    boolean disarm(Connection<?> connection) {
        return pending.remove(connection) != null;
    }

    /** How many connections have a deadline now (the gauge {@code chorus_handshakes_pending}). */
    int pending() {
        return pending.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        pending.forEach((connection, deadline) -> {
            // Only if it is still armed: a connection disarmed meanwhile (its upgrade went through) stays.
            if (now - deadline > 0 && pending.remove(connection, deadline)) {
                LOG.log(Level.DEBUG, () -> "Dropping " + connection.getPeerAddress() + ": no complete request in time");
                connection.closeSilently();
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

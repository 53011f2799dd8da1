package dev.chorus.heartbeat;

import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.connection.Liveness;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * Pings every member every {@code interval} and closes one whose pong has not come back within
 * {@code timeout} with {@code 1001 pong timeout}. A member that is visibly reading (a send to it completed
 * since the ping) counts as alive too. Driven by one periodic {@link #check()} over all sessions;
 * each connection only carries a small {@link Liveness}.
 */
public final class Heartbeat {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
    private final Audience audience;
    private final Duration interval;
    private final Duration timeout;
    private final HeartbeatListener listener;

    public Heartbeat(Audience audience, Duration interval, Duration timeout) {
        this(audience, interval, timeout, HeartbeatListener.NONE);
    }

    /**
     * @param audience the members it pings
     * @param listener hears every ping sent and every pong missed
     */
    public Heartbeat(Audience audience, Duration interval, Duration timeout, HeartbeatListener listener) {
        this.audience = audience;
        this.interval = interval;
        this.timeout = timeout;
        this.listener = listener;
    }

    /** How often {@link #check()} must run: the shorter of the two deadlines. */
    public Duration resolution() {
        return interval.compareTo(timeout) < 0 ? interval : timeout;
    }

    /** A pong arrived (solicited or not): the peer is alive. */
    public static void ponged(Session session) {
        Connection.of(session).ifPresent(connection -> connection.liveness().ponged(System.nanoTime()));
    }

    /** One round over all members: ping those due, close those whose pong is late. */
    public void check() {
        long now = System.nanoTime();
        audience.forEach(session -> check(session, now));
    }

    private void check(Session session, long now) {
        Optional<Connection> connection = Connection.of(session);
        if (connection.isEmpty()) {
            return;
        }
        Liveness liveness = connection.get().liveness();
        // A peer whose messages keep being written out is reading: that is as good as a pong (and under a
        // heavy backlog the ping itself may wait behind those messages).
        liveness.delivered(Audience.lastDelivered(session));
        if (liveness.isLate(now, timeout)) {
            listener.pongMissed();
            LOG.log(
                    Level.INFO,
                    "{0} did not answer a ping within {1}: closing it with 1001",
                    Audience.nameOf(session),
                    timeout);
            audience.dismiss(session, CloseReasons.PONG_TIMEOUT);
        } else if (liveness.isDue(now, interval)) {
            ping(session, liveness, now);
        }
    }

    private void ping(Session session, Liveness liveness, long now) {
        liveness.pinged(now);
        listener.pinged();
        try {
            session.getAsyncRemote()
                    .sendPing(ByteBuffer.wrap(Long.toString(now).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            // The connection is going away; its close callback cleans up.
            LOG.log(Level.DEBUG, () -> "Ping to " + Audience.nameOf(session) + " failed: " + e);
        }
    }
}

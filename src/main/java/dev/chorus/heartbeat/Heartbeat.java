package dev.chorus.heartbeat;

import dev.chorus.broadcast.Audience;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Pings every member every {@code interval} and closes one whose pong has not come back within
 * {@code timeout} with {@code 1001 pong timeout}. A member that is visibly reading (a send to it completed
 * since the ping) counts as alive too. Driven by one periodic {@link #check()} over all sessions;
 * each session only carries a small {@link Liveness} in its user properties.
 */
public final class Heartbeat {

    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
    private static final String LIVENESS = Liveness.class.getName();

    private final Duration interval;
    private final Duration timeout;
    private final HeartbeatListener listener;

    public Heartbeat(Duration interval, Duration timeout) {
        this(interval, timeout, HeartbeatListener.NONE);
    }

    /**
     * @param listener hears every ping sent and every pong missed
     */
    public Heartbeat(Duration interval, Duration timeout, HeartbeatListener listener) {
        this.interval = interval;
        this.timeout = timeout;
        this.listener = listener;
    }

    /** How often {@link #check()} must run: the shorter of the two deadlines. */
    public Duration resolution() {
        return interval.compareTo(timeout) < 0 ? interval : timeout;
    }

    /** Starts tracking {@code session}; call before it joins the audience (user properties are not shared-safe). */
    public static void attach(Session session) {
        session.getUserProperties().put(LIVENESS, new Liveness(System.nanoTime()));
    }

    /** A pong arrived (solicited or not): the peer is alive. */
    public static void ponged(Session session) {
        Liveness liveness = (Liveness) session.getUserProperties().get(LIVENESS);
        if (liveness != null) {
            liveness.ponged(System.nanoTime());
        }
    }

    /** One round over all members: ping those due, close those whose pong is late. */
    public void check() {
        long now = System.nanoTime();
        Audience.forEach(session -> check(session, now));
    }

    private void check(Session session, long now) {
        Liveness liveness = (Liveness) session.getUserProperties().get(LIVENESS);
        if (liveness == null) {
            return;
        }
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
            Audience.dismiss(session, CloseReasons.PONG_TIMEOUT);
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

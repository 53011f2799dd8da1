package dev.chorus.connection;

import dev.chorus.broadcast.BroadcastListener;
import dev.chorus.broadcast.BroadcastListener.Eviction;
import dev.chorus.broadcast.CloseWatch;
import dev.chorus.broadcast.Outbox;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Renditions;
import dev.chorus.broadcast.Wire;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.OutboxLimits;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Everyone in one room who hears a broadcast: the design card's concurrent session set, one per room (two
 * servers in one JVM, as in the tests, keep apart). Each member's {@link Outbox} is in its {@link Connection}; a
 * broadcast only queues, so one slow or dead member never holds up the others, and one that cannot keep up is
 * closed as a slow consumer.
 */
public final class Audience {

    private static final System.Logger LOG = System.getLogger(Audience.class.getName());

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final BroadcastListener listener;
    private final Wire wire;
    private final CloseWatch closeWatch;

    /**
     * @param listener hears every delivery and eviction (the room's metrics)
     * @param wire how members are sent to (the launcher's Tyrus fast path, or the portable API)
     * @param closeWatch watches every close, and drops the connections that do not close in time
     */
    public Audience(BroadcastListener listener, Wire wire, CloseWatch closeWatch) {
        this.listener = listener;
        this.wire = wire;
        this.closeWatch = closeWatch;
    }

    /** Adds {@code connection} with an empty outbox bounded by {@code limits}. */
    public void join(Connection connection, OutboxLimits limits) {
        Session session = connection.session();
        connection.outbox(
                new Outbox(wire.connect(session), limits, connection.name(), listener, () -> broken(session)));
        sessions.add(session);
    }

    /** Removes {@code session} and releases whatever was still queued for it. */
    public void leave(Session session) {
        sessions.remove(session);
        outbox(session).ifPresent(Outbox::close);
    }

    /** Queues {@code message} for every member; returns at once. */
    public void broadcast(Outgoing message) {
        broadcast(message, session -> true);
    }

    /** Like {@link #broadcast(Outgoing)}, for the members that {@code to} accepts. */
    public void broadcast(Outgoing message, Predicate<Session> to) {
        for (Session session : sessions) {
            if (to.test(session)) {
                deliver(session, message);
            }
        }
    }

    /** Like {@link #broadcast(Outgoing, Predicate)}, for those of {@code among} (one room's members) that are members. */
    public void broadcast(Outgoing message, Iterable<Session> among, Predicate<Session> to) {
        for (Session session : among) {
            if (sessions.contains(session) && to.test(session)) {
                deliver(session, message);
            }
        }
    }

    /** When a send to {@code session} last completed (System.nanoTime), or {@code Long.MIN_VALUE}. */
    public static long lastDelivered(Session session) {
        return outbox(session).map(Outbox::lastDelivered).orElse(Long.MIN_VALUE);
    }

    /** Whether {@code session} is a member: false once it left or was dismissed. */
    public boolean contains(Session session) {
        return sessions.contains(session);
    }

    /**
     * Queues, for every member, the rendition of {@code message} that its subprotocol calls for (nothing if
     * there is none for it); returns at once.
     */
    public void broadcast(Renditions message) {
        broadcast(message, session -> true);
    }

    /** Like {@link #broadcast(Renditions)}, for the members that {@code to} accepts. */
    public void broadcast(Renditions message, Predicate<Session> to) {
        for (Session session : sessions) {
            if (!to.test(session)) {
                continue;
            }
            Outgoing rendition = message.in(session.getNegotiatedSubprotocol());
            if (rendition != null) {
                deliver(session, rendition);
            }
        }
    }

    /**
     * Like {@link #broadcast(Renditions, Predicate)}, for those of {@code among} (one room's members) that are
     * members here and that {@code to} accepts.
     */
    public void broadcast(Renditions message, Iterable<Session> among, Predicate<Session> to) {
        for (Session session : among) {
            if (!sessions.contains(session) || !to.test(session)) {
                continue;
            }
            Outgoing rendition = message.in(session.getNegotiatedSubprotocol());
            if (rendition != null) {
                deliver(session, rendition);
            }
        }
    }

    /** Queues {@code message} for {@code session} alone (if it is a member); returns at once. */
    public void deliverTo(Session session, Outgoing message) {
        deliver(session, message);
    }

    /** How many sessions are members right now. */
    public int size() {
        return sessions.size();
    }

    /** Closes every member with {@code reason}, e.g. when the server stops. */
    public void closeAll(CloseReason reason) {
        for (Session session : sessions) {
            close(session, reason);
        }
    }

    /** Runs {@code action} for every member. */
    public void forEach(Consumer<Session> action) {
        sessions.forEach(action);
    }

    /** How {@code session} is named in log lines, e.g. {@code Client(3)}. */
    public static String nameOf(Session session) {
        return Connection.of(session).map(Connection::name).orElse("a connecting client");
    }

    /** Removes {@code session}, releases its queue and closes it with {@code reason}. */
    public void dismiss(Session session, CloseReason reason) {
        if (sessions.remove(session)) {
            outbox(session).ifPresent(Outbox::close);
            close(session, reason);
        }
    }

    /**
     * A send to {@code session} failed and its outbox closed: it leaves the audience and is closed with 1011, so
     * it never stays connected but deaf. A peer that had already gone is closed quietly (nothing to tell it).
     */
    private void broken(Session session) {
        if (sessions.remove(session)) {
            LOG.log(Level.DEBUG, () -> "A send to " + nameOf(session) + " failed: closing it with 1011");
            close(session, CloseReasons.INTERNAL_ERROR);
        }
    }

    /** Closes every member whose send has been unfinished for longer than its write timeout. */
    public void evictStalled() {
        long now = System.nanoTime();
        for (Session session : sessions) {
            Optional<Outbox> outbox = outbox(session);
            if (outbox.isPresent() && outbox.get().isStalled(now)) {
                evict(session, outbox.get(), "its send stalled past the write timeout", Eviction.WRITE_TIMEOUT);
            }
        }
    }

    private void deliver(Session session, Outgoing message) {
        Optional<Outbox> outbox = outbox(session);
        if (outbox.isPresent() && outbox.get().offer(message) == Outbox.Verdict.OVERFLOW) {
            evict(session, outbox.get(), "its outbox overflowed", Eviction.OUTBOX_OVERFLOW);
        }
    }

    /** Releases the member's queue at once and closes it as a slow consumer; logged once per member. */
    private void evict(Session session, Outbox outbox, String why, Eviction kind) {
        if (!sessions.remove(session)) {
            return;
        }
        listener.evicted(kind);
        long dropped = outbox.close();
        LOG.log(
                Level.WARNING,
                "{0} is a slow consumer, {1} ({2,number,#} bytes queued): closing it with {3,number,#}",
                nameOf(session),
                why,
                dropped,
                CloseReasons.SLOW_CONSUMER.getCloseCode().getCode());
        close(session, CloseReasons.SLOW_CONSUMER);
    }

    /** The member's outbox, if it has joined (for queue depths and counts). */
    public static Optional<Outbox> outbox(Session session) {
        return Connection.of(session).flatMap(Connection::outbox);
    }

    /**
     * The one way the server closes a connection, member or not: the close is sent with {@code reason}, and the
     * connection is dropped if the close has not finished within the close timeout ({@link CloseWatch}), even
     * when the peer reads nothing. Never throws.
     */
    public void close(Session session, CloseReason reason) {
        // First: the close below may queue behind unread data for good, and may throw.
        closing(session);
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            // Already closing or gone: nothing more to tell it.
            LOG.log(Level.DEBUG, () -> "Close of " + nameOf(session) + " failed: " + e);
        }
    }

    /**
     * {@code session} is closing, whoever started it (a container may start a close of its own): its connection
     * must be gone within the close timeout.
     */
    public void closing(Session session) {
        try {
            closeWatch.closing(session);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Could not watch the close of " + nameOf(session), e);
        }
    }
}

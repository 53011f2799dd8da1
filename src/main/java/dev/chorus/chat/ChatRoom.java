package dev.chorus.chat;

import dev.chorus.broadcast.Audience;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.SendBatch;
import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.bus.BusUnavailable;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.heartbeat.Heartbeat;
import dev.chorus.lifecycle.Admission;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.lifecycle.Drain;
import dev.chorus.limits.Inbound;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.Settings;
import dev.chorus.v1.ChorusV1;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The tutorial's chat rules: an id per client in join order, the greeting to everyone, every message to
 * everyone (the sender included), and the tutorial's log lines. The endpoint adapters only call into here.
 */
public final class ChatRoom implements UpgradeGate.Door {

    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());
    private static final String ID = ChatRoom.class.getName() + ".id";
    private static final String INBOUND = Inbound.class.getName();
    /** Set once the bus carried the client's join, so its leave is announced too (and only then). */
    private static final String ANNOUNCED = ChatRoom.class.getName() + ".announced";

    /** How long a stop waits for clients to answer the closes the drain sent. */
    private static final Duration CLOSES_ANSWERED = Duration.ofSeconds(2);

    private static volatile ChatRoom current;

    private final Settings settings;
    private final Housekeeper housekeeper;
    private final ChatMetrics metrics = new ChatMetrics();
    private final Admission admission = new Admission();
    private final Timeline timeline;
    private final V1Requests v1;
    private final Bus bus;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Clients that were given an id and whose leave has not been handled yet (a stop waits for them). */
    private final Set<Session> present = ConcurrentHashMap.newKeySet();
    /** Held from a newcomer's id to its join's publication (fair: newcomers are let in in arrival order). */
    private final ReentrantLock joining = new ReentrantLock(true);
    /** Told of every connection that ended, member or not (the WAR gives back its place under the caps). */
    private volatile Consumer<Session> ended = session -> {};

    /**
     * @param threads makes the background threads (write timeouts and heartbeats; with Redis, the bus reader):
     *     a container's managed thread factory in a WAR, daemon threads in the launcher
     */
    public ChatRoom(Settings settings, ThreadFactory threads) {
        this.settings = settings;
        this.housekeeper = new Housekeeper(threads);
        Audience.listen(metrics);
        this.timeline = new Timeline(settings.history(), settings.outboxLimits());
        this.bus = Bus.open(settings.redis(), threads, metrics);
        this.v1 = new V1Requests(timeline, bus, settings.logging().messages());
        metrics.watchBus(bus::reachable);
        bus.start(new BusDelivery(timeline, metrics, admission));
        housekeeper.every(settings.outboxLimits().writeTimeout(), Audience::evictStalled);
        Heartbeat heartbeat = new Heartbeat(settings.pingInterval(), settings.pongTimeout(), metrics);
        housekeeper.every(heartbeat.resolution(), heartbeat::check);
    }

    /** The room the endpoint serves: the installed one, or one built from the environment (in a WAR). */
    public static ChatRoom current() {
        ChatRoom room = current;
        if (room == null) {
            synchronized (ChatRoom.class) {
                if (current == null) {
                    current = new ChatRoom(Settings.fromEnvironment(), Housekeeper.daemonThreads());
                }
                room = current;
            }
        }
        return room;
    }

    /** Makes {@code room} the one every new connection joins (done before anything can connect). */
    public static void install(ChatRoom room) {
        current = room;
    }

    /**
     * Stops the current room, if any (the WAR is undeployed): see {@link #stop()}. It stays current while it
     * drains and after, so late close callbacks find it instead of starting a new room.
     */
    public static void stopCurrent() {
        ChatRoom room = current;
        if (room != null) {
            room.stop();
        }
    }

    /** From now on {@code hook} hears of every connection that ends (it must not throw). */
    public void whenEnded(Consumer<Session> hook) {
        ended = hook;
    }

    /** The room's metrics. */
    public ChatMetrics metrics() {
        return metrics;
    }

    /** Whether new clients may join (maintenance mode, draining, Redis down). */
    public Admission admission() {
        return admission;
    }

    /** Asked before a WebSocket upgrade: why a new client must be turned away, if it must (counted, logged). */
    public Optional<Refusal> admit() {
        Optional<Refusal> refusal = admission.refusal();
        refusal.ifPresent(why -> {
            metrics.rejected(why);
            LOG.log(Level.INFO, "Refused a new client with 503: {0}", why.label());
        });
        return refusal;
    }

    /** An upgrade the handshake rules turned away (before the container saw it): logged at INFO, counted. */
    public void refusedUpgrade(String address, Rejection refused) {
        LOG.log(
                Level.INFO,
                "Refused an upgrade from {0}: {1,number,#} {2}",
                address,
                refused.status(),
                refused.reason());
        metrics.handshakeRefused(refused.status());
    }

    /**
     * A client connected: give it the next id and greet everyone, the newcomer included (a chorus.v1 newcomer
     * gets its welcome instead). If the nodes cannot agree on an id now (Redis just went down), it is closed
     * with 1013: try again later.
     */
    public void join(Session session) {
        // First: frames may arrive even if it is turned away below, and they are then dropped unread.
        session.getUserProperties().put(INBOUND, new Inbound(settings.inboundLimits()));
        // One join at a time, from its id to its place on the bus: this node's joins reach the bus in id order,
        // so client 1 always hears of client 2's join (two clients connecting at once could otherwise reach the
        // bus the other way round, and client 1 would count as the later one and never hear of client 2).
        // The writes its turns start wait for the batch to close, after the lock: the next newcomer need not.
        SendBatch.run(() -> {
            joining.lock();
            try {
                enter(session);
            } finally {
                joining.unlock();
            }
        });
    }

    private void enter(Session session) {
        long id;
        try {
            id = bus.nextId();
        } catch (BusUnavailable e) {
            LOG.log(Level.INFO, "Closed a new client with 1013: {0}", e.getMessage());
            Audience.close(session, CloseReasons.TRY_AGAIN_LATER);
            return;
        }
        session.getUserProperties().put(ID, id);
        present.add(session);
        if (!session.isOpen()) {
            present.remove(session); // its close was reported while it waited for an id: left() has run
        }
        Member.attach(session, id);
        Heartbeat.attach(session);
        metrics.accepted();
        LOG.log(Level.INFO, ChatLines.joinedLog(id));
        boolean member =
                ChorusV1.isSpokenBy(session) ? v1.join(session, id) : timeline.join(session, id, OptionalLong.empty());
        if (member) {
            session.getUserProperties().put(ANNOUNCED, Boolean.TRUE);
            // With Redis, publishing waits on the network: the welcome (and whatever else this thread queued)
            // goes out first. The one bus in this JVM delivers the join at once, and its greetings wait for the batch.
            SendBatch.flush();
            bus.publish(new BusEvent.Joined(id));
        }
    }

    /** A fragment (or all) of a client's text message: whole messages within the limits are said. */
    public void textPart(Session session, String part, boolean last) {
        received(session, inbound(session).text(part, last));
    }

    /** A fragment (or all) of a client's binary message: whole messages within the limits are sent. */
    public void binaryPart(Session session, ByteBuffer part, boolean last) {
        received(session, inbound(session).binary(part, last));
    }

    private void received(Session session, Inbound.Result result) {
        if (!Audience.contains(session)) {
            // Dismissed (a limit, a slow consumer) or never let in (1013): frames the container had already
            // read must not reach anyone.
            return;
        }
        if (result instanceof Inbound.Complete complete) {
            if (complete.message() instanceof String text) {
                said(session, text);
            } else {
                sent(session, (ByteBuffer) complete.message());
            }
        } else if (result instanceof Inbound.Refused refused) {
            LOG.log(
                    Level.INFO,
                    "{0} crossed a limit: closing it with {1,number,#} {2}",
                    name(session),
                    refused.reason().getCloseCode().getCode(),
                    refused.reason().getReasonPhrase());
            metrics.limitCrossed(refused.reason());
            Audience.dismiss(session, refused.reason());
        }
    }

    private static Inbound inbound(Session session) {
        return (Inbound) session.getUserProperties().get(INBOUND);
    }

    /** Client text goes to everyone, the sender included, as {@code Client(N) said: X} (chorus.v1: a command). */
    public void said(Session session, String text) {
        long id = idOf(session);
        Member.of(session).ifPresent(Member::received);
        metrics.receivedText(text);
        if (ChorusV1.isSpokenBy(session)) {
            v1.heard(session, id, text);
            return;
        }
        LOG.log(Level.INFO, () -> ChatLines.saidLog(id, text, settings.logging().messages()));
        bus.publish(new BusEvent.Said(id, text));
    }

    /** Client bytes go to everyone, the sender included, unchanged and as binary. */
    public void sent(Session session, ByteBuffer data) {
        long id = idOf(session);
        Outgoing.Binary message = (Outgoing.Binary) Outgoing.binary(data);
        Member.of(session).ifPresent(Member::received);
        metrics.receivedBinary(message.size());
        LOG.log(Level.INFO, () -> ChatLines.sentBinaryLog(id, message.size()));
        bus.publish(new BusEvent.Sent(id, message.data()));
    }

    /** A pong came back: the client is alive. */
    public void ponged(Session session) {
        Heartbeat.ponged(session);
    }

    /** The client is gone (closed, dropped or evicted): forget it. The tutorial tells nobody (chorus.v1: left). */
    public void left(Session session, CloseReason reason) {
        // Whoever started the close (the container may have, or the peer, which may now stop reading): the
        // connection must still go within the close timeout.
        Audience.closing(session);
        ended.accept(session);
        metrics.closed(reason.getCloseCode().getCode());
        Long id = (Long) session.getUserProperties().get(ID);
        // Logged once it is forgotten, so whoever reads the line finds it gone.
        timeline.leave(session, id, () -> {
            if (id != null) {
                LOG.log(Level.INFO, ChatLines.disconnectedLog(id));
                LOG.log(
                        Level.DEBUG,
                        () -> ChatLines.client(id) + " closed with "
                                + reason.getCloseCode().getCode() + " "
                                + ChatLines.cutForLog(reason.getReasonPhrase()));
            }
        });
        try {
            if (session.getUserProperties().remove(ANNOUNCED) != null) {
                bus.publish(new BusEvent.Left(id));
            }
        } finally {
            present.remove(session); // last: a stop waiting for it closes the bus only after the leave is out
        }
    }

    /**
     * Something failed on this connection: a vanished peer is routine; anything else is a bug. Either way it
     * leaves the audience and is closed (1011), so it never stays in the room connected but deaf.
     */
    public void failed(Session session, Throwable error) {
        if (isPeerGone(error)) {
            LOG.log(Level.DEBUG, () -> "Connection of " + name(session) + " failed: " + error);
        } else {
            LOG.log(Level.ERROR, "Unexpected error on " + name(session), error);
        }
        if (session.isOpen()) {
            Audience.leave(session); // hears nothing more from now on, whether or not it had joined
            Audience.close(session, CloseReasons.INTERNAL_ERROR);
        }
    }

    /**
     * The server is stopping: new clients are refused, each client gets what is queued for it and then 1001
     * (at most {@code --drain-timeout} in all), and the room's background thread ends. Only the first call does
     * anything.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return; // a WAR's filter and its listener both stop it: the first does the work
        }
        admission.startDraining();
        try {
            Drain.run(settings.operations().drainTimeout());
            // A container may report a close it sent later, on another thread (when the connection ends): wait
            // for those leaves, so they go out on the bus (to the other nodes) before it closes.
            Drain.awaitClosed(present::size, CLOSES_ANSWERED);
        } finally {
            // Whatever the drain did, the room's thread ends and every client hears the 1001: a second call
            // would do nothing.
            housekeeper.close();
            metrics.close();
            try {
                // Before the clients are closed: their leaves then stay on this node, which is going away anyway.
                bus.close();
            } finally {
                Audience.closeAll(CloseReasons.SHUTTING_DOWN);
            }
        }
    }

    private static long idOf(Session session) {
        return (Long) session.getUserProperties().get(ID);
    }

    private static String name(Session session) {
        Long id = (Long) session.getUserProperties().get(ID);
        return id == null ? "a connecting client" : ChatLines.client(id);
    }

    private static boolean isPeerGone(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}

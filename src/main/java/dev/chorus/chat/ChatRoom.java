package dev.chorus.chat;

import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.handshake.Introduction;
import dev.chorus.handshake.Introductions;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.heartbeat.Heartbeat;
import dev.chorus.lifecycle.Admission;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.lifecycle.Drain;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.naming.RoomName;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.Settings;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The tutorial's chat rules: an id per client in join order, the greeting to everyone, every message to
 * everyone (the sender included), and the tutorial's log lines. The endpoint adapters only call into here. A
 * deployment builds one room and hands it to whatever needs it; nothing looks a room up.
 */
public final class ChatRoom implements UpgradeGate.Door {

    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    /** How long a stop waits for clients to answer the closes the drain sent. */
    private static final Duration CLOSES_ANSWERED = Duration.ofSeconds(2);

    private final Settings settings;
    private final Hosting hosting;
    private final Housekeeper housekeeper;
    private final ChatMetrics metrics = new ChatMetrics();
    private final Admission admission = new Admission();
    private final Audience audience;
    private final Timelines timelines;
    private final V1Requests v1;
    private final Bus bus;
    private final Arrivals arrivals;
    private final Incoming incoming;
    private final RoomDirectory directory;
    private final Introductions introductions;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Told of every connection that ended, member or not (the WAR gives back its place under the caps). */
    private volatile Consumer<Session> ended = session -> {};

    /** A room with {@code settings}, on what {@code hosting} gives. */
    public ChatRoom(Settings settings, Hosting hosting) {
        this.settings = settings;
        this.hosting = hosting;
        this.housekeeper = new Housekeeper(hosting.threads());
        this.audience = new Audience(metrics, hosting.wire(), hosting.closeWatch());
        metrics.watchAudience(audience);
        this.timelines = new Timelines(
                audience,
                settings.history(),
                settings.outboxLimits(),
                settings.rooms().maxRooms(),
                settings.rooms().keep());
        this.bus = Bus.open(settings.redis(), settings.redisStreamMaxAge(), hosting.threads(), metrics);
        this.v1 = new V1Requests(timelines, audience, bus, settings.logging().messages());
        this.incoming =
                new Incoming(audience, v1, bus, metrics, settings.logging().messages());
        this.arrivals = new Arrivals(
                audience,
                timelines,
                v1,
                bus,
                metrics,
                incoming::handle,
                settings.handshake().maxConnections());
        this.directory = new RoomDirectory(timelines, bus);
        this.introductions = new Introductions(settings.handshake().tokenKey(), hosting.handedOff());
        metrics.watchBus(bus::reachable);
        bus.start(new BusDelivery(timelines, metrics, admission));
        arrivals.start(hosting.threads());
        housekeeper.every(settings.outboxLimits().writeTimeout(), audience::evictStalled);
        Heartbeat heartbeat = new Heartbeat(audience, settings.pingInterval(), settings.pongTimeout(), metrics);
        housekeeper.every(heartbeat.resolution(), heartbeat::check);
    }

    /** The settings it was built with. */
    public Settings settings() {
        return settings;
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

    /** Everyone who hears the room's broadcasts. */
    public Audience audience() {
        return audience;
    }

    /** The rooms this node holds, and the server's own voice in them (the publish API). */
    public RoomDirectory directory() {
        return directory;
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

    /** Whether a newcomer may join {@code room}: this node holds it already, or may hold one more. */
    @Override
    public boolean canHold(RoomName room) {
        return timelines.canHold(room);
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
        Optional<Introduction> introduced = introductions.of(session);
        Introduction who = introduced.orElse(Introduction.ANONYMOUS);
        // First: frames may arrive even if it is turned away below, and they are then dropped unread.
        Connection connection = Connection.open(
                session, settings.inboundLimits(), hosting.peers().apply(session), who.room(), who.name());
        if (introduced.isEmpty()) {
            // A room or a name that is none, or a token that no longer verifies: the gate refuses such an
            // upgrade, so one that got past it anyway (or whose token expired since) is told why.
            audience.close(session, CloseReasons.INVALID_INTRODUCTION);
            return;
        }
        arrivals.arrive(connection);
    }

    /** A fragment (or all) of a client's text message: whole messages within the limits are said. */
    public void textPart(Session session, String part, boolean last) {
        Connection.of(session).ifPresent(c -> incoming.received(c, c.inbound().text(part, last)));
    }

    /** A fragment (or all) of a client's binary message: whole messages within the limits are sent. */
    public void binaryPart(Session session, ByteBuffer part, boolean last) {
        Connection.of(session).ifPresent(c -> incoming.received(c, c.inbound().binary(part, last)));
    }

    /** A pong came back: the client is alive. */
    public void ponged(Session session) {
        Heartbeat.ponged(session);
    }

    /** The client is gone (closed, dropped or evicted): forget it. The tutorial tells nobody (chorus.v1: left). */
    public void left(Session session, CloseReason reason) {
        // Whoever started the close (the container may have, or the peer, which may now stop reading): the
        // connection must still go within the close timeout.
        audience.closing(session);
        ended.accept(session);
        metrics.closed(reason.getCloseCode().getCode());
        // One that went before it was let in has its leave reported by whoever lets it in (or nobody: turned away).
        Optional<Connection> connection = Connection.of(session).filter(c -> !c.wentBeforeArriving() && c.hasId());
        Long id = connection.map(Connection::id).orElse(null);
        Optional<Timeline> timeline = Connection.of(session).flatMap(c -> timelines.find(c.room()));
        // Logged once it is forgotten, so whoever reads the line finds it gone.
        Runnable forgotten = () -> connection.ifPresent(gone -> {
            LOG.log(Level.INFO, ChatLines.disconnectedLog(gone.name()));
            LOG.log(
                    Level.DEBUG,
                    () -> gone.name() + " closed with " + reason.getCloseCode().getCode() + " "
                            + ChatLines.cutForLog(reason.getReasonPhrase()));
        });
        timeline.ifPresentOrElse(room -> room.leave(session, id, forgotten), () -> {
            audience.leave(session); // never let into a room
            forgotten.run();
        });
        try {
            if (connection.isPresent() && connection.get().takeJoinPublished()) {
                Connection gone = connection.get();
                if (!bus.publish(new BusEvent.Left(gone.room(), id, gone.displayName()))) {
                    // Too much waits to go out: this node's chorus.v1 clients hear of it, the other nodes' do not.
                    timeline.ifPresent(room -> room.left(id, gone.displayName()));
                }
            }
        } finally {
            arrivals.departed(session); // last: a stop waiting for it closes the bus only after the leave is out
        }
    }

    /**
     * Something failed on this connection: a vanished peer is routine; anything else is a bug. Either way it
     * leaves the audience and is closed (1011), so it never stays in the room connected but deaf.
     */
    public void failed(Session session, Throwable error) {
        if (isPeerGone(error)) {
            LOG.log(Level.DEBUG, () -> "Connection of " + Audience.nameOf(session) + " failed: " + error);
        } else {
            LOG.log(Level.ERROR, "Unexpected error on " + Audience.nameOf(session), error);
        }
        if (session.isOpen()) {
            audience.leave(session); // hears nothing more from now on, whether or not it had joined
            audience.close(session, CloseReasons.INTERNAL_ERROR);
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
        arrivals.close();
        try {
            Drain.run(audience, settings.operations().drainTimeout());
            // A container may report a close it sent later, on another thread (when the connection ends): wait
            // for those leaves, so they go out on the bus (to the other nodes) before it closes.
            Drain.awaitClosed(arrivals::present, CLOSES_ANSWERED);
        } finally {
            // Whatever the drain did, the room's thread ends and every client hears the 1001: a second call
            // would do nothing.
            housekeeper.close();
            metrics.close();
            try {
                // Before the clients are closed: their leaves then stay on this node, which is going away anyway.
                bus.close();
            } finally {
                audience.closeAll(CloseReasons.SHUTTING_DOWN);
            }
        }
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

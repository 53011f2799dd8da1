package dev.chorus.chat;

import dev.chorus.broadcast.Audience;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.heartbeat.Heartbeat;
import dev.chorus.limits.Inbound;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.Settings;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tutorial's chat rules: an id per client in join order, the greeting to everyone, every message to
 * everyone (the sender included), and the tutorial's log lines. The endpoint adapters only call into here.
 */
public final class ChatRoom {

    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());
    private static final String ID = ChatRoom.class.getName() + ".id";
    private static final String INBOUND = Inbound.class.getName();

    private static volatile ChatRoom current;

    private final Settings settings;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Housekeeper housekeeper;

    /**
     * @param threads makes the one background thread (write timeouts, heartbeats): a container's managed
     *     thread factory in a WAR, daemon threads in the launcher
     */
    public ChatRoom(Settings settings, ThreadFactory threads) {
        this.settings = settings;
        this.housekeeper = new Housekeeper(threads);
        housekeeper.every(settings.outboxLimits().writeTimeout(), Audience::evictStalled);
        Heartbeat heartbeat = new Heartbeat(settings.pingInterval(), settings.pongTimeout());
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

    /** Stops the current room, if any (the WAR is undeployed): see {@link #stop()}. */
    public static void stopCurrent() {
        ChatRoom room;
        synchronized (ChatRoom.class) {
            room = current;
            current = null;
        }
        if (room != null) {
            room.stop();
        }
    }

    /** A client connected: give it the next id and greet everyone, the newcomer included. */
    public void join(Session session) {
        int id = lastId.incrementAndGet();
        session.getUserProperties().put(ID, id);
        session.getUserProperties().put(INBOUND, new Inbound(settings.inboundLimits()));
        Heartbeat.attach(session);
        Audience.join(session, ChatLines.client(id), settings.outboxLimits());
        LOG.log(Level.INFO, ChatLines.joinedLog(id));
        Audience.broadcast(Outgoing.text(ChatLines.GREETING));
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
            // Dismissed (a limit, a slow consumer): frames the container had already read must not reach anyone.
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
                    "{0} crossed a limit: closing it with {1} {2}",
                    name(session),
                    refused.reason().getCloseCode().getCode(),
                    refused.reason().getReasonPhrase());
            Audience.dismiss(session, refused.reason());
        }
    }

    private static Inbound inbound(Session session) {
        return (Inbound) session.getUserProperties().get(INBOUND);
    }

    /** Client text goes to everyone, the sender included, as {@code Client(N) said: X}. */
    public void said(Session session, String text) {
        int id = idOf(session);
        LOG.log(Level.INFO, () -> ChatLines.saidLog(id, text));
        Audience.broadcast(Outgoing.text(ChatLines.said(id, text)));
    }

    /** Client bytes go to everyone, the sender included, unchanged and as binary. */
    public void sent(Session session, ByteBuffer data) {
        int id = idOf(session);
        Outgoing message = Outgoing.binary(data);
        LOG.log(Level.INFO, () -> ChatLines.sentBinaryLog(id, message.size()));
        Audience.broadcast(message);
    }

    /** A pong came back: the client is alive. */
    public void ponged(Session session) {
        Heartbeat.ponged(session);
    }

    /** The client is gone (closed, dropped or evicted): forget it. The tutorial tells nobody. */
    public void left(Session session, CloseReason reason) {
        Audience.leave(session);
        Integer id = (Integer) session.getUserProperties().get(ID);
        if (id != null) {
            LOG.log(Level.INFO, ChatLines.disconnectedLog(id));
            LOG.log(Level.DEBUG, () -> ChatLines.client(id) + " closed with " + reason);
        }
    }

    /** Something failed on this connection: a vanished peer is routine; anything else is a bug. */
    public void failed(Session session, Throwable error) {
        if (isPeerGone(error)) {
            LOG.log(Level.DEBUG, () -> "Connection of " + name(session) + " failed: " + error);
            return;
        }
        LOG.log(Level.ERROR, "Unexpected error on " + name(session), error);
        if (session.isOpen()) {
            try {
                session.close(CloseReasons.INTERNAL_ERROR);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "Close after error failed: " + e);
            }
        }
    }

    /** The server is stopping: every client gets 1001, and the room's background thread ends. */
    public void stop() {
        housekeeper.close();
        Audience.closeAll(CloseReasons.SHUTTING_DOWN);
    }

    private static int idOf(Session session) {
        return (Integer) session.getUserProperties().get(ID);
    }

    private static String name(Session session) {
        Integer id = (Integer) session.getUserProperties().get(ID);
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

package dev.chorus.launcher;

import dev.chorus.broadcast.CloseWatch;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyWriter;
import org.glassfish.tyrus.core.ProtocolHandler;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusSession;
import org.glassfish.tyrus.core.TyrusWebSocket;
import org.glassfish.tyrus.spi.Writer;

/**
 * The launcher's {@link CloseWatch}: finds the Grizzly connection under a Tyrus session and gives it a close
 * deadline in its listener's {@link ConnectionDeadlines} (each connection carries its own in an attribute, so
 * several servers in one JVM each keep theirs).
 *
 * <p>Tyrus keeps the connection in private fields (session, remote endpoint, socket, protocol handler, writer),
 * read here by name; they are read from the fields, not the getters, because a closed session refuses its
 * getters. If a Tyrus version moves one, Chorus says so once and closes as Tyrus does (see {@link CloseWatch}).
 */
final class TyrusCloseWatch implements CloseWatch {

    private static final System.Logger LOG = System.getLogger(TyrusCloseWatch.class.getName());
    private static final Attribute<ConnectionDeadlines> DEADLINES =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(TyrusCloseWatch.class.getName() + ".deadlines");

    private final VarHandle remote;
    private final VarHandle socket;
    private final VarHandle handler;
    private final VarHandle writer;
    private final VarHandle connection;

    private TyrusCloseWatch(
            VarHandle remote, VarHandle socket, VarHandle handler, VarHandle writer, VarHandle connection) {
        this.remote = remote;
        this.socket = socket;
        this.handler = handler;
        this.writer = writer;
        this.connection = connection;
    }

    /** The watch if this Tyrus lets Chorus reach its connections, else none (said once in the log). */
    static CloseWatch forThisTyrus() {
        try {
            return new TyrusCloseWatch(
                    field(TyrusSession.class, "asyncRemote", null),
                    field(TyrusRemoteEndpoint.class, "webSocket", TyrusWebSocket.class),
                    field(TyrusWebSocket.class, "protocolHandler", ProtocolHandler.class),
                    field(ProtocolHandler.class, "writer", Writer.class),
                    field(GrizzlyWriter.class, "connection", Connection.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "This Tyrus version hides its connections: a client that does not take its close frame keeps"
                            + " its connection until it goes ({0})",
                    e.toString());
            return CloseWatch.NONE;
        }
    }

    /** {@code owner.name}, of {@code type} (null: whatever type it is declared with, which may be private). */
    private static VarHandle field(Class<?> owner, String name, Class<?> type) throws ReflectiveOperationException {
        Class<?> declared = type != null ? type : owner.getDeclaredField(name).getType();
        return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, declared);
    }

    /** From now on a close of {@code connection}'s session is watched by {@code deadlines}. */
    static void watchWith(Connection<?> connection, ConnectionDeadlines deadlines) {
        DEADLINES.set(connection, deadlines);
    }

    /** {@code connection} is closing: it must be gone within its listener's close timeout. */
    static void closing(Connection<?> connection) {
        ConnectionDeadlines deadlines = DEADLINES.get(connection);
        if (deadlines != null) {
            deadlines.armOnce(connection);
        }
    }

    @Override
    public void closing(Session session) {
        grizzlyConnection(session).ifPresent(TyrusCloseWatch::closing);
    }

    /** The Grizzly connection under {@code session}, if Tyrus lets Chorus reach it. */
    Optional<Connection<?>> grizzlyConnection(Session session) {
        if (!(session instanceof TyrusSession)
                || !(remote.get(session) instanceof TyrusRemoteEndpoint endpoint)
                || !(socket.get(endpoint) instanceof TyrusWebSocket webSocket)
                || !(handler.get(webSocket) instanceof ProtocolHandler protocol)
                || !(writer.get(protocol) instanceof GrizzlyWriter grizzly)) {
            return Optional.empty();
        }
        return Optional.ofNullable((Connection<?>) connection.get(grizzly));
    }
}

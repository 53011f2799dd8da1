package dev.chorus.web;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payara's Grizzly connection under a Tyrus session, which Payara hands out no other way. The path, by name:
 * session, its async remote endpoint, the socket, its protocol handler, its writer (Tyrus's servlet writer), the
 * upgrade handler's web connection, its Catalina request, the Grizzly request, the connection. Fields are read,
 * not getters, because a closed session refuses its getters. Anywhere else (WildFly), or in a Payara that moved
 * a field, nothing is found: said at DEBUG, and Chorus does without (as the container alone does).
 */
final class GrizzlyConnections {

    private static final System.Logger LOG = System.getLogger(GrizzlyConnections.class.getName());

    private record Member(Class<?> owner, String name, boolean method) {}

    /** Fields and no-argument methods looked up so far; empty where the class has none of that name. */
    private static final Map<Member, Optional<AccessibleObject>> FOUND = new ConcurrentHashMap<>();

    private GrizzlyConnections() {}

    /** The Grizzly connection ({@code org.glassfish.grizzly.nio.NIOConnection}) under {@code session}, or null. */
    static Object connectionOf(Session session) {
        if (!session.getClass().getName().startsWith("org.glassfish.tyrus.")) {
            return null; // not Tyrus: nothing to find
        }
        try {
            Object writer =
                    field(field(field(field(session, "asyncRemote"), "webSocket"), "protocolHandler"), "writer");
            Object request = field(call(field(writer, "tyrusHttpUpgradeHandler"), "getWebConnection"), "request");
            return call(call(call(request, "getCoyoteRequest"), "getRequest"), "getConnection");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.DEBUG,
                    () -> "No Grizzly connection under " + session.getClass().getName() + ": " + e);
            return null;
        }
    }

    /** The queue of writes Grizzly accepted for {@code connection} but has not yet handed to the socket, or null. */
    static Object writeQueueOf(Object connection) {
        try {
            return connection == null ? null : call(connection, "getAsyncWriteQueue");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "No write queue on " + connection + ": " + e);
            return null;
        }
    }

    /** The bytes in a {@link #writeQueueOf write queue} (its {@code spaceInBytes}); 0 if it cannot be read. */
    static long queuedBytes(Object writeQueue) {
        try {
            return ((Number) call(writeQueue, "spaceInBytes")).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Cannot read " + writeQueue + ": " + e);
            return 0;
        }
    }

    /**
     * {@code connection}'s socket, or null. Whether it is open is the truth about the TCP connection: Grizzly's own
     * {@code isOpen()} turns false as soon as a graceful close is merely scheduled.
     */
    static SocketChannel socketOf(Object connection) {
        try {
            return connection != null && call(connection, "getChannel") instanceof SocketChannel socket ? socket : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "No socket under " + connection + ": " + e);
            return null;
        }
    }

    /**
     * Ends {@code connection} at once, with whatever is still queued for it: a zero linger, so the kernel resets
     * the connection and drops its send queue instead of retrying it for minutes, then Grizzly's {@code
     * terminateSilently()}, which drops Grizzly's queue and closes the socket on its selector thread (its graceful
     * close waits for a peer that never reads). If Grizzly cannot be asked, the socket is closed directly.
     */
    static void drop(Object connection, SocketChannel socket) throws IOException {
        try {
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "No zero linger for " + socket + ": " + e); // closed meanwhile
        }
        try {
            call(connection, "terminateSilently");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Grizzly did not terminate " + connection + ": " + e);
            socket.close();
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = (Field) find(owner, name, false);
        return field.get(owner);
    }

    private static Object call(Object owner, String name) throws ReflectiveOperationException {
        try {
            return ((Method) find(owner, name, true)).invoke(owner);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** {@code owner}'s field or no-argument method {@code name}, declared by its class or a superclass. */
    private static AccessibleObject find(Object owner, String name, boolean method)
            throws ReflectiveOperationException {
        if (owner == null) {
            throw new NoSuchFieldException("null on the way to " + name);
        }
        Optional<AccessibleObject> found = FOUND.computeIfAbsent(
                new Member(owner.getClass(), name, method), member -> lookUp(member.owner(), name, method));
        return found.orElseThrow(() -> new NoSuchFieldException(owner.getClass().getName() + "." + name));
    }

    private static Optional<AccessibleObject> lookUp(Class<?> type, String name, boolean method) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                AccessibleObject member = method ? c.getDeclaredMethod(name) : c.getDeclaredField(name);
                member.setAccessible(true);
                return Optional.of(member);
            } catch (NoSuchFieldException | NoSuchMethodException e) {
                // try the superclass
            } catch (RuntimeException e) { // refused by a module
                String where = c.getName() + "." + name;
                LOG.log(Level.DEBUG, () -> "Cannot open " + where + ": " + e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package dev.chorus.web;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a session's client connects from, as the container says. The portable API has no remote address:
 * Tyrus (Payara) has {@code TyrusSession.getRemoteAddr()}, Undertow (WildFly) {@code
 * UndertowSession.getWebSocketChannel().getPeerAddress()}, and some servers put it in a user property. Looked up
 * by name, so the WAR needs neither Tyrus nor Undertow at compile time.
 */
final class ContainerPeers {

    /** Some containers put the peer's address here (Jetty's name, under the jakarta prefix). */
    private static final String REMOTE_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

    private ContainerPeers() {}

    static Optional<InetSocketAddress> of(Session session) {
        if (session.getUserProperties().get(REMOTE_ADDRESS_PROPERTY) instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        if (call(call(session, "getWebSocketChannel"), "getPeerAddress") instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        // Tyrus gives the address alone: port 0 stands for "not known".
        Object tyrus = call(session, "getRemoteAddr");
        return tyrus == null ? Optional.empty() : Optional.of(InetSocketAddress.createUnresolved(tyrus.toString(), 0));
    }

    /** {@code target.name()} if {@code target} has such a public method, else null. */
    private static Object call(Object target, String name) {
        if (target == null) {
            return null;
        }
        try {
            Method method = target.getClass().getMethod(name);
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

package dev.chorus.endpoint;

import dev.chorus.chat.ChatRoom;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which room each deployment's WebSocket container serves. An annotated endpoint is built by its container and
 * is handed nothing but its session, and Tyrus builds an annotated endpoint's configuration and configurator
 * itself (it ignores a {@code ServerEndpointConfig} given for one): the one thing a deployment shares with its
 * endpoints is its container, {@link Session#getContainer()}. So a deployment that builds a room hands it to
 * its container here (the launcher its own Tyrus container, a WAR the one in its servlet context), and two
 * servers in one JVM, each with its container, keep their rooms apart.
 */
public final class Rooms {

    private static final Map<WebSocketContainer, ChatRoom> SERVED = new ConcurrentHashMap<>();

    private Rooms() {}

    /** From now on the endpoints of {@code container} serve {@code room} (done before anything can connect). */
    public static void serve(WebSocketContainer container, ChatRoom room) {
        SERVED.put(container, room);
    }

    /** {@code container} is gone (its server stopped, its WAR undeployed): it serves no room any more. */
    public static void withdraw(WebSocketContainer container) {
        SERVED.remove(container);
    }

    /** The room {@code session}'s container serves, if any. */
    static Optional<ChatRoom> of(Session session) {
        return Optional.ofNullable(SERVED.get(session.getContainer()));
    }
}

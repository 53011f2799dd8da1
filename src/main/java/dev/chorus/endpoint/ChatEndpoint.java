package dev.chorus.endpoint;

import dev.chorus.chat.ChatRoom;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.v1.ChorusV1;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The chat socket at the application's root: one instance per connection (the container makes it), which
 * finds its deployment's room when the connection opens and hands every event to it. Per-connection state
 * lives in the room's {@code Connection}. A client that offers the {@code chorus.v1} subprotocol gets it;
 * everyone else gets the tutorial's text.
 */
@ServerEndpoint(value = "/", subprotocols = ChorusV1.NAME)
public class ChatEndpoint {

    private static final System.Logger LOG = System.getLogger(ChatEndpoint.class.getName());

    /** Set at open, read by the callbacks that follow on this connection. */
    private volatile ChatRoom room;

    @OnOpen
    public void open(Session session) {
        room = Rooms.of(session).orElse(null);
        if (room == null) {
            // Deployed without a room (a container that started the endpoint before the application): say so.
            LOG.log(Level.ERROR, "No chat room is served by this container: closing the new client with 1011");
            try {
                session.close(CloseReasons.INTERNAL_ERROR);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "Close failed: " + e);
            }
            return;
        }
        room.join(session);
    }

    /** Fragments arrive as they come, so Chorus can refuse an oversized message before buffering all of it. */
    @OnMessage
    public void text(Session session, String part, boolean last) {
        if (room != null) {
            room.textPart(session, part, last);
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        if (room != null) {
            room.binaryPart(session, part, last);
        }
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        if (room != null) {
            room.ponged(session);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        roomOf(session).ifPresent(served -> served.left(session, reason));
    }

    @OnError
    public void error(Session session, Throwable error) {
        roomOf(session)
                .ifPresentOrElse(
                        served -> served.failed(session, error),
                        () -> LOG.log(Level.DEBUG, () -> "Error on a connection that has no room: " + error));
    }

    /** Its room, also when the container reports a close while the open is still finding it (Tyrus may). */
    private Optional<ChatRoom> roomOf(Session session) {
        ChatRoom found = room;
        return found != null ? Optional.of(found) : Rooms.of(session);
    }
}

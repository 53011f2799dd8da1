package dev.chorus.endpoint;

import dev.chorus.chat.ChatRoom;
import dev.chorus.v1.ChorusV1;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/**
 * The chat socket at the application's root. Holds no state: per-connection state lives in the session. A
 * client that offers the {@code chorus.v1} subprotocol gets it; everyone else gets the tutorial's text.
 */
@ServerEndpoint(value = "/", subprotocols = ChorusV1.NAME)
public class ChatEndpoint {

    @OnOpen
    public void open(Session session) {
        ChatRoom.current().join(session);
    }

    /** Fragments arrive as they come, so Chorus can refuse an oversized message before buffering all of it. */
    @OnMessage
    public void text(Session session, String part, boolean last) {
        ChatRoom.current().textPart(session, part, last);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        ChatRoom.current().binaryPart(session, part, last);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        ChatRoom.current().ponged(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        ChatRoom.current().left(session, reason);
    }

    @OnError
    public void error(Session session, Throwable error) {
        ChatRoom.current().failed(session, error);
    }
}
